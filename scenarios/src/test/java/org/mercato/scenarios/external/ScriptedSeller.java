package org.mercato.scenarios.external;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.ServiceAction;

/**
 * A seller written against the wire format only: it proposes the items asked for that its menu
 * carries, at its menu prices less {@code discountPercent}, valid {@code validSeconds} from the
 * turn, and answers an order it cannot fill with a reply.
 */
final class ScriptedSeller {
    private final int discountPercent;
    private final int validSeconds;
    private final Map<String, Long> menu = new TreeMap<>();

    ScriptedSeller(int discountPercent, int validSeconds) {
        this.discountPercent = discountPercent;
        this.validSeconds = validSeconds;
    }

    static ServicePolicy policy(int discountPercent, int validSeconds) {
        ScriptedSeller seller = new ScriptedSeller(discountPercent, validSeconds);
        return (Observation observation, AgentContext context) ->
                seller.react(WireCodec.observation(observation), context.now());
    }

    List<ServiceAction> react(JsonNode observation, long now) {
        String type = observation.get("type").asText();
        if (type.equals("started")) {
            observation
                    .get("service")
                    .get("menu")
                    .fields()
                    .forEachRemaining(e -> menu.put(e.getKey(), e.getValue().asLong()));
            return List.of();
        }
        if (!type.equals("message")) {
            return List.of();
        }
        String customer = observation.get("from").asText();
        List<OrderLine> lines = new ArrayList<>();
        observation.get("items").fields().forEachRemaining(e -> {
            Long price = menu.get(e.getKey());
            if (price != null) {
                lines.add(new OrderLine(e.getKey(), e.getValue().asInt(), price * (100 - discountPercent) / 100));
            }
        });
        if (lines.isEmpty()) {
            return List.of(new Reply(customer, "we have none of that"));
        }
        return List.of(new Propose(customer, lines, OrderLine.total(lines), now + validSeconds * 1_000_000L));
    }
}
