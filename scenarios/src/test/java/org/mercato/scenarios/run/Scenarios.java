package org.mercato.scenarios.run;

import java.util.List;
import java.util.Map;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.AgentsConfig;
import org.mercato.scenarios.model.GeneratorConfig;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.ThinkTimeConfig;

/** Scenario fixtures built in code. */
final class Scenarios {
    private Scenarios() {}

    /** A generated restaurant market with rational and satisficing shoppers and random think times. */
    static Scenario generated(int customers, int services) {
        AgentGroupConfig rational = new AgentGroupConfig(
                "rational",
                customers / 2,
                Map.of("inquiries", 3),
                ThinkTimeConfig.of(
                        null,
                        org.mercato.scenarios.model.Duration.parse("20ms"),
                        null,
                        org.mercato.scenarios.model.Duration.parse("200ms"),
                        0.6),
                null);
        AgentGroupConfig satisficers = new AgentGroupConfig("satisficer", null, Map.of("inquiries", 4), null, null);
        AgentGroupConfig sellers = new AgentGroupConfig(
                "posted-price",
                null,
                Map.of(),
                ThinkTimeConfig.of(
                        null,
                        org.mercato.scenarios.model.Duration.parse("30ms"),
                        org.mercato.scenarios.model.Duration.parse("3s"),
                        null,
                        null),
                null);
        return new Scenario(
                "generated",
                null,
                3L,
                null,
                new MarketConfig(new GeneratorConfig("restaurants", customers, services, 3), null, null, null),
                new AgentsConfig(List.of(rational, satisficers), List.of(sellers)));
    }
}
