package org.mercato.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.run.RunResult;

/** The cheapest-shopper policy, found through ServiceLoader by its name in cheapest-shopper.yaml, trades as it says. */
class CustomPolicyRunTest {
    @TempDir
    static Path runs;

    private static RunResult result;
    private static List<JsonNode> events;

    @BeforeAll
    static void run() throws Exception {
        result = CustomPolicyRun.run(Path.of("cheapest-shopper.yaml"), runs);
        events = RunEvents.events(result.folder());
    }

    @Test
    void thePolicyIsRegisteredByItsProviderThroughServiceLoader() {
        assertThat(PolicyRegistry.withPlugins().assistantNames()).contains("cheapest-shopper");
        assertThat(PolicyRegistry.builtIn().assistantNames()).doesNotContain("cheapest-shopper");
    }

    @Test
    void everyCustomerEndsForOneOfThePolicysOwnReasonsAndMostBuy() {
        List<String> reasons = events.stream()
                .filter(event -> event.get("type").asText().equals("done"))
                .map(event -> event.get("reason").asText())
                .toList();

        assertThat(reasons).hasSize(60);
        assertThat(reasons)
                .allMatch(reason -> reason.equals("purchased")
                        || reason.equals("no-affordable-proposal")
                        || reason.equals("no-results")
                        || reason.startsWith("payment-refused:"));
        long purchased = reasons.stream().filter("purchased"::equals).count();
        assertThat(purchased).isGreaterThan(30);
        assertThat(result.summary().market().payments().count()).isEqualTo(purchased);
    }

    /** Each payment is the cheapest affordable proposal the customer had received when it woke up. */
    @Test
    void eachBuyerPaysTheCheapestAffordableProposalItHadWhenItWokeUp() {
        Map<String, Long> budget = new HashMap<>();
        Map<String, Long> cheapestAtWake = new HashMap<>();
        Map<String, Long> cheapestSoFar = new HashMap<>();
        Map<String, Long> paid = new HashMap<>();
        for (JsonNode event : events) {
            switch (event.get("type").asText()) {
                case "customer" -> budget.put(event.get("id").asText(), RunEvents.cents(event, "budget"));
                case "proposal" -> {
                    String customer = event.get("customer").asText();
                    long total = RunEvents.cents(event, "total");
                    if (total <= budget.get(customer)) {
                        cheapestSoFar.merge(customer, total, Math::min);
                    }
                }
                case "wake" -> {
                    String agent = event.get("agent").asText();
                    if (cheapestSoFar.containsKey(agent)) {
                        cheapestAtWake.put(agent, cheapestSoFar.get(agent));
                    }
                }
                case "payment" -> paid.put(event.get("customer").asText(), RunEvents.cents(event, "amount"));
                default -> {}
            }
        }

        assertThat(paid).isNotEmpty();
        paid.forEach((customer, amount) ->
                assertThat(OptionalLong.of(amount)).as(customer).hasValue(cheapestAtWake.get(customer)));
    }
}
