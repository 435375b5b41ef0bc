package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.base.Tactic;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.AgentsConfig;
import org.mercato.scenarios.model.GeneratorConfig;
import org.mercato.scenarios.model.KernelConfig;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Service;

/** The behavioural policies run in a real market, and a service group's tactic reaches its listings. */
class BehaviourScenariosTest {
    @TempDir
    Path runs;

    private static Scenario market(List<AgentGroupConfig> assistants, List<AgentGroupConfig> services) {
        return new Scenario(
                "behaviour",
                null,
                11L,
                null,
                new MarketConfig(new GeneratorConfig("restaurants", 40, 8, 2), null, null, null),
                new AgentsConfig(assistants, services));
    }

    private static AgentGroupConfig group(String policy, Integer count, Map<String, Object> params) {
        return new AgentGroupConfig(policy, count, params, null, null);
    }

    @Test
    void theAcesLogitExampleValidatesAndRuns() throws Exception {
        Scenario scenario = org.mercato.scenarios.validate.ScenarioValidator.load(
                Path.of("aces-logit.yaml"), List.of(), PolicyRegistry.builtIn());
        RunResult result = Mercato.writingTo(runs).run(scenario);
        assertThat(result.summary().market().customersServed()).isGreaterThan(100);
        SimulationSetup setup = WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.builtIn()));
        assertThat(setup.catalog().services())
                .filteredOn(service -> Tactic.detect(service.description()).contains(Tactic.AUTHORITY))
                .hasSize(10);
    }

    @Test
    void aServiceGroupsTacticIsAppendedToItsServicesDescriptions() {
        Scenario scenario = market(
                List.of(group("rational", null, Map.of())),
                List.of(
                        group("posted-price", 3, Map.of("tactic", "authority")),
                        group("posted-price", 5, Map.of("tactic", "control"))));
        SimulationSetup setup = WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.builtIn()));
        List<Service> plain = CatalogFactory.catalog(scenario).services();
        List<Service> shown = setup.catalog().services();
        for (int i = 0; i < shown.size(); i++) {
            if (i < 3) {
                assertThat(shown.get(i).description())
                        .isEqualTo(Tactic.AUTHORITY.decorate(plain.get(i).description()));
                assertThat(Tactic.detect(shown.get(i).description())).containsExactly(Tactic.AUTHORITY);
            } else {
                assertThat(shown.get(i)).isEqualTo(plain.get(i));
            }
        }
    }

    @Test
    void negotiatorsHaggleWithNegotiableServices() throws Exception {
        Scenario scenario = market(
                List.of(group("negotiator", null, Map.of("target", 0.5, "reservation", 2.0, "rounds", 4))),
                List.of(group("negotiable", null, Map.of("floor", 0.7))));
        RunResult result = Mercato.writingTo(runs).run(scenario);
        assertThat(result.summary().market().customersServed()).isPositive();
        assertThat(Files.readString(result.eventLog())).contains("offer: ");
    }

    private static Scenario mixed(KernelMode mode) {
        Scenario scenario = mixed();
        return new Scenario(
                scenario.name(),
                null,
                scenario.seed(),
                new KernelConfig(4, null, null, mode),
                scenario.market(),
                scenario.agents());
    }

    @Test
    void mixedBehaviourRunsAreByteIdenticalAcrossKernelModes() throws Exception {
        byte[] actors = Files.readAllBytes(Mercato.writingTo(runs.resolve("a"))
                .run(mixed(KernelMode.ACTORS))
                .eventLog());
        byte[] again = Files.readAllBytes(Mercato.writingTo(runs.resolve("b"))
                .run(mixed(KernelMode.ACTORS))
                .eventLog());
        byte[] bare = Files.readAllBytes(
                Mercato.writingTo(runs.resolve("c")).run(mixed(KernelMode.BARE)).eventLog());
        assertThat(again).isEqualTo(actors);
        assertThat(bare).isEqualTo(actors);
    }

    private static Scenario mixed() {
        return market(
                List.of(
                        group("logit", 20, Map.of("logPrice", -1.0, "rank", -0.2, "tactics", Map.of("authority", 1.5))),
                        group("budgeted", 20, Map.of("pages", 2, "inquiries", 4))),
                List.of(
                        group("dynamic", 2, Map.of("tactic", "authority")),
                        group("cost-plus", 2, Map.of("markup", 0.4)),
                        group("undercut", 2, Map.of()),
                        group("posted-price", 2, Map.of("tactic", "prompt-injection-strong"))));
    }

    @Test
    void logitBudgetedAndDemandDrivenSellersRunTogether() throws Exception {
        RunResult result = Mercato.writingTo(runs).run(mixed());
        assertThat(result.summary().market().customersServed()).isPositive();
        assertThat(Files.readString(result.eventLog())).contains(Tactic.AUTHORITY.template());
    }
}
