package org.mercato.scenarios.external;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.Wait;

/**
 * A shopper written against the wire format only (what an outside agent sees): it searches for its
 * first item, asks the top {@code inquiries} listings, waits {@code patienceSeconds}, and pays the
 * first proposal ({@code payFirst}) or the cheapest once all came or its patience ran out. The same
 * script runs in-process ({@link #policy}) and behind the desk (a driver thread).
 */
final class ScriptedShopper {
    record Script(int inquiries, int patienceSeconds, boolean payFirst, boolean explicitAmount) {}

    private final Script script;
    private final Map<String, Long> totals = new TreeMap<>();
    private final TreeMap<String, Integer> items = new TreeMap<>();
    private int asked;
    private boolean decided;

    ScriptedShopper(Script script) {
        this.script = script;
    }

    Script script() {
        return script;
    }

    /** The script as an in-process policy: it sees the observation exactly as the wire shows it. */
    static AssistantPolicy policy(Script script) {
        ScriptedShopper shopper = new ScriptedShopper(script);
        return (Observation observation, AgentContext context) ->
                shopper.react(WireCodec.observation(observation), context.now());
    }

    List<AssistantAction> react(JsonNode observation, long now) {
        switch (observation.get("type").asText()) {
            case "started" -> {
                String item =
                        observation.get("customer").get("items").fieldNames().next();
                return List.of(new Search(item, SearchFilters.NONE, 0));
            }
            case "search-results" -> {
                List<AssistantAction> out = new ArrayList<>();
                for (JsonNode listing : observation.get("listings")) {
                    if (asked == script.inquiries()) {
                        break;
                    }
                    out.add(new Message(listing.get("service").asText(), "a proposal, please", items));
                    asked++;
                }
                if (out.isEmpty()) {
                    decided = true;
                    return List.of(new Done("nothing-found"));
                }
                out.add(new Wait(now + script.patienceSeconds() * 1_000_000L));
                return out;
            }
            case "proposal" -> {
                JsonNode proposal = observation.get("proposal");
                totals.put(proposal.get("id").asText(), proposal.get("total").asLong());
                if (decided) {
                    return List.of();
                }
                if (script.payFirst() || totals.size() >= asked) {
                    return decide();
                }
                return List.of();
            }
            case "woken-up" -> {
                return decided ? List.of() : decide();
            }
            case "rejected" -> {
                decided = true;
                return List.of(new Done("refused:" + observation.get("reason").asText()));
            }
            default -> {
                return List.of();
            }
        }
    }

    private List<AssistantAction> decide() {
        decided = true;
        if (totals.isEmpty()) {
            return List.of(new Done("no-offer"));
        }
        String best = totals.entrySet().stream()
                .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
        List<AssistantAction> out = new ArrayList<>();
        out.add(new Pay(best, totals.get(best)));
        totals.keySet().stream()
                .filter(id -> !id.equals(best))
                .sorted(Comparator.naturalOrder())
                .forEach(id -> out.add(new Decline(id)));
        out.add(new Done("purchased"));
        return out;
    }
}
