package org.mercato.gateway.turns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.llm.CacheMode;
import org.mercato.gateway.http.Gateway;
import org.mercato.gateway.http.GatewayAudit;
import org.mercato.gateway.http.GatewaySettings;
import org.mercato.gateway.wire.WireCodec;

/**
 * An outside shopper in a market with return visits, over the real HTTP gateway on loopback: it
 * shops on every visit (its done ends the visit, not the agent), each return visit starts with a
 * turn that carries the visit number after the orders delivered since, it is finished only when the
 * run ends, a timeout in a later visit is still a failure, and recorded turns replay the run byte
 * for byte without the agent.
 */
class ReturnVisitsTest {
    private static final String GROUP = "assistants-0";

    @TempDir
    Path dir;

    private ExternalTurns turns;

    private ExternalTurns turns(CacheMode mode, Duration timeout) {
        TurnDesk desk = new TurnDesk();
        desk.returnVisits(true);
        ExternalGroup group =
                new ExternalGroup(GROUP, ExternalGroup.Role.ASSISTANT, List.of("c0", "c1"), "tok-shoppers", timeout);
        desk.register(group);
        return new ExternalTurns(desk, group, TurnRecording.of(mode, dir.resolve("turns"), GROUP));
    }

    /** The market with the HTTP shopper answering (but for the {@code withheld} turns), recorded. */
    private List<String> live(Duration timeout, Predicate<JsonNode> withheld, HttpShopper[] client) throws Exception {
        turns = turns(CacheMode.RECORD, timeout);
        List<String> events;
        try (Gateway gateway = Gateway.start(GatewaySettings.defaults(), turns.desk(), GatewayAudit.toLog());
                HttpShopper shopper =
                        new HttpShopper(gateway.url(), turns.group().token(), withheld)) {
            client[0] = shopper;
            // as a run does: the market starts once the agents' client has connected
            assertThat(turns.desk().awaitConnected(turns.group(), Duration.ofSeconds(10)))
                    .isTrue();
            events = ReturningMarket.run(turns, 2);
            turns.desk().end();
            shopper.awaitEnd();
        }
        turns.recording().flush(Files::writeString);
        return events;
    }

    /** The same market answered from the recording alone (no gateway, no agent); its failures by cause. */
    private List<String> replayed(Map<String, Long> failures) {
        ExternalTurns strict = turns(CacheMode.REPLAY_STRICT, Duration.ofMillis(100));
        List<String> events = ReturningMarket.run(strict, 2);
        strict.desk().end();
        failures.putAll(strict.failureCauses());
        return events;
    }

    @Test
    void theShopperShopsOnEveryVisitSeesEachReturnAndItsDeliveriesAndReplaysByteForByte() throws Exception {
        HttpShopper[] client = new HttpShopper[1];
        List<String> events = live(Duration.ofSeconds(20), turn -> false, client);
        HttpShopper shopper = client[0];

        // two customers, three visits each, a payment and a done "purchased" in every visit
        assertThat(paymentsByVisit(events, "c0")).containsExactly(Map.entry(0, 1), Map.entry(1, 1), Map.entry(2, 1));
        assertThat(paymentsByVisit(events, "c1")).containsExactly(Map.entry(0, 1), Map.entry(1, 1), Map.entry(2, 1));
        assertThat(doneReasons(events, "c0")).containsExactly("purchased", "purchased", "purchased");
        assertThat(shopper.refusals).isEmpty(); // no answer found its agent done

        List<JsonNode> seen = shopper.turns.get("c0");
        List<JsonNode> starts =
                seen.stream().filter(turn -> types(turn).contains("started")).toList();
        assertThat(starts).hasSize(3);
        assertThat(starts.get(0).get("observations").get(0).has("visit")).isFalse(); // the first visit: 0, left out
        JsonNode second = starts.get(1);
        // the order of the first visit, delivered after its done, comes first in the second visit's first turn
        assertThat(types(second)).containsExactly("order-delivered", "started");
        JsonNode delivered = second.get("observations").get(0);
        assertThat(delivered.get("proposalId").asText()).isEqualTo(firstPaidProposal(events, "c0"));
        assertThat(delivered.get("service").asText()).isEqualTo("s0");
        assertThat(delivered.get("quality").asDouble()).isEqualTo(0.3);
        assertThat(second.get("observations").get(1).get("visit").asInt()).isEqualTo(1);
        assertThat(starts.get(2).get("observations").get(1).get("visit").asInt())
                .isEqualTo(2);
        // turn numbers go on across visits; the time is the visit's arrival
        assertThat(second.get("turn").asLong())
                .isEqualTo(seen.get(seen.indexOf(second) - 1).get("turn").asLong() + 1);
        assertThat(second.get("time").asLong()).isEqualTo(arrivalTime(events, "c0", 1));

        Map<String, Long> failures = new TreeMap<>();
        assertThat(String.join("", replayed(failures))).isEqualTo(String.join("", events));
        assertThat(failures).isEmpty();
    }

    @Test
    void aTimeoutInTheSecondVisitEndsTheShopperForGoodLoudlyAndReplaysTheSame() throws Exception {
        Predicate<JsonNode> secondVisitOfC0 = turn -> turn.get("agent").asText().equals("c0")
                && turn.get("observations").findValues("visit").stream().anyMatch(v -> v.asInt() == 1);
        HttpShopper[] client = new HttpShopper[1];
        List<String> events = live(Duration.ofSeconds(1), secondVisitOfC0, client);

        // visit 1 times out; visit 2 ends at once with the same reason, without a turn
        assertThat(doneReasons(events, "c0")).containsExactly("purchased", "external-timeout", "external-timeout");
        assertThat(paymentsByVisit(events, "c0")).containsExactly(Map.entry(0, 1));
        assertThat(turns.failureCauses())
                .containsExactly(Map.entry("external-timeout: group assistants-0 gave no answer within 1s", 1L));
        assertThat(client[0].turns.get("c0").stream().filter(turn -> types(turn).contains("started")))
                .hasSize(2);
        // the other shopper goes on
        assertThat(doneReasons(events, "c1")).containsExactly("purchased", "purchased", "purchased");

        // the recorded timeout replays as the same timeout (the replaying group's own timeout is never waited)
        Map<String, Long> failures = new TreeMap<>();
        assertThat(String.join("", replayed(failures))).isEqualTo(String.join("", events));
        assertThat(failures).containsOnlyKeys("external-timeout: group assistants-0 gave no answer within 100ms");
    }

    private static List<String> types(JsonNode turn) {
        List<String> out = new ArrayList<>();
        turn.get("observations").forEach(o -> out.add(o.get("type").asText()));
        return out;
    }

    private static List<JsonNode> parsed(List<String> events) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : events) {
            try {
                out.add(WireCodec.JSON.readTree(line));
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return out;
    }

    /** The customer's payments per visit, from the log. */
    private static Map<Integer, Integer> paymentsByVisit(List<String> events, String customer) {
        Map<Integer, Integer> out = new TreeMap<>();
        int visit = -1;
        for (JsonNode event : parsed(events)) {
            String type = event.get("type").asText();
            if (type.equals("arrival") && event.get("customer").asText().equals(customer)) {
                visit = event.get("visit").asInt();
            } else if (type.equals("payment") && event.get("customer").asText().equals(customer)) {
                out.merge(visit, 1, Integer::sum);
            }
        }
        return out;
    }

    private static List<String> doneReasons(List<String> events, String agent) {
        return parsed(events).stream()
                .filter(e -> e.get("type").asText().equals("done")
                        && e.get("agent").asText().equals(agent))
                .map(e -> e.get("reason").asText())
                .toList();
    }

    private static String firstPaidProposal(List<String> events, String customer) {
        return parsed(events).stream()
                .filter(e -> e.get("type").asText().equals("payment")
                        && e.get("customer").asText().equals(customer))
                .findFirst()
                .orElseThrow()
                .get("proposal")
                .asText();
    }

    private static long arrivalTime(List<String> events, String customer, int visit) {
        return parsed(events).stream()
                .filter(e -> e.get("type").asText().equals("arrival")
                        && e.get("customer").asText().equals(customer)
                        && e.get("visit").asInt() == visit)
                .findFirst()
                .orElseThrow()
                .get("t")
                .asLong();
    }
}
