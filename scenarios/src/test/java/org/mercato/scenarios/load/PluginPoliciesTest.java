package org.mercato.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.validate.ScenarioValidator;

/**
 * A researcher's own policies: named by class in the scenario, or registered under a short name by
 * a {@link org.mercato.agents.PolicyProvider} found through {@code META-INF/services} (the example
 * plugin is in {@code org.mercato.scenarios.plugin} and this module's test resources).
 */
class PluginPoliciesTest {
    private static final String SHOPPER = "org.mercato.scenarios.plugin.ExampleShopper";
    private static final String SELLER = "org.mercato.scenarios.plugin.ExampleSeller";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, text);
        return file;
    }

    private static String withPolicies(String assistant, String service) {
        return ScenarioLoaderTest.VALID
                .replace("policy: rational", "policy: " + assistant)
                .replace("inquiries: 3", "patience: 10s")
                .replace("policy: posted-price", "policy: " + service);
    }

    private ScenarioException failure(String text) throws IOException {
        Path file = write(text);
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class, () -> ScenarioValidator.load(file, List.of(), PolicyRegistry.withPlugins()));
        assertThat(e).as("validation should fail").isNotNull();
        return e;
    }

    @Test
    void policyClassesNamedInTheScenarioRunEndToEnd() throws IOException {
        Path file = write(withPolicies(SHOPPER, SELLER));
        Scenario scenario = ScenarioValidator.load(file, List.of(), PolicyRegistry.builtIn());
        RunResult result = Mercato.writingTo(dir.resolve("runs"))
                .withPolicies(PolicyRegistry.builtIn())
                .run(scenario);
        assertThat(result.summary().market().customersServed()).isPositive();
    }

    @Test
    void providersOnTheClasspathRegisterShortNames() throws IOException {
        PolicyRegistry registry = PolicyRegistry.withPlugins();
        assertThat(registry.assistantNames()).contains("example-shopper", "rational");
        assertThat(registry.serviceNames()).contains("example-seller", "posted-price");
        assertThat(PolicyRegistry.builtIn().assistantNames()).doesNotContain("example-shopper");

        Path file = write(withPolicies("example-shopper", "example-seller"));
        Scenario scenario = ScenarioValidator.load(file, List.of(), registry);
        // Mercato.writingTo discovers plugins by itself
        RunResult result = Mercato.writingTo(dir.resolve("runs")).run(scenario);
        assertThat(result.summary().market().customersServed()).isPositive();
    }

    @Test
    void aMissingClassIsReportedAtThePolicyKey() throws IOException {
        ScenarioException e = failure(withPolicies("com.example.MyShopper", "posted-price"));
        assertThat(e.getMessage())
                .contains("scenario.yaml:12:15: agents.assistants[0].policy: assistant policy class"
                        + " 'com.example.MyShopper' not found on the classpath");
    }

    @Test
    void aClassThatIsNoPolicyOfTheRoleIsReported() throws IOException {
        ScenarioException notAPolicy = failure(withPolicies("org.mercato.scenarios.plugin.NotAPolicy", "posted-price"));
        assertThat(notAPolicy.getMessage())
                .contains(":12:15: agents.assistants[0].policy: class 'org.mercato.scenarios.plugin.NotAPolicy' is"
                        + " not an assistant policy: it does not implement org.mercato.sim.policy.AssistantPolicy");

        ScenarioException wrongRole = failure(withPolicies("rational", SHOPPER));
        assertThat(wrongRole.getMessage())
                .contains(":18:15: agents.services[0].policy: class '" + SHOPPER + "' is not a service policy");
    }

    @Test
    void aClassWithoutAUsableConstructorIsReported() throws IOException {
        ScenarioException e = failure(withPolicies("org.mercato.scenarios.plugin.NeedsText", "posted-price"));
        assertThat(e.getMessage())
                .contains(":12:15: agents.assistants[0].policy: policy class 'org.mercato.scenarios.plugin.NeedsText'"
                        + " has no usable constructor: it needs a public one taking PolicyParams or no arguments");
    }

    @Test
    void parametersAreCheckedByThePolicyClass() throws IOException {
        ScenarioException e = failure(withPolicies(SHOPPER, "posted-price").replace("patience: 10s", "speed: 10s"));
        assertThat(e.getMessage())
                .contains(":15:9: agents.assistants[0].params.speed: unknown parameter; allowed: [patience]");

        String noArgsWithParams = withPolicies(SHOPPER, SELLER)
                .replace("policy: " + SELLER, "policy: " + SELLER + "\n      params: {validity: 1m}");
        assertThat(failure(noArgsWithParams).getMessage())
                .contains("agents.services[0].params.validity: unknown parameter; allowed: none");
    }
}
