package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.Tactic;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.AgentsConfig;
import org.mercato.scenarios.model.GeneratorConfig;
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
    void aServiceGroupsTacticIsAppendedToItsServicesDescriptions() {
        Scenario scenario = market(
                List.of(group("rational", null, Map.of())),
                List.of(
                        group("posted-price", 3, Map.of("tactic", "authority")),
                        group("posted-price", 5, Map.of("tactic", "control"))));
        SimulationSetup setup = new ScenarioWiring(PolicyRegistry.builtIn()).setup(scenario);
        List<Service> plain = ScenarioWiring.catalog(scenario).services();
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

    @Test
    void logitBudgetedAndDemandDrivenSellersRunTogether() throws Exception {
        Scenario scenario = market(
                List.of(
                        group("logit", 20, Map.of("logPrice", -1.0, "rank", -0.2, "tactics", Map.of("authority", 1.5))),
                        group("budgeted", 20, Map.of("pages", 2, "inquiries", 4))),
                List.of(
                        group("dynamic", 2, Map.of("tactic", "authority")),
                        group("cost-plus", 2, Map.of("markup", 0.4)),
                        group("undercut", 2, Map.of()),
                        group("posted-price", 2, Map.of("tactic", "prompt-injection-strong"))));
        RunResult result = Mercato.writingTo(runs).run(scenario);
        assertThat(result.summary().market().customersServed()).isPositive();
        assertThat(Files.readString(result.eventLog())).contains(Tactic.AUTHORITY.template());
    }
}
