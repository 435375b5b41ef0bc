package org.mercato.agents.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;

/**
 * Sells at its menu's posted prices. An inquiry naming items gets a proposal for the items on the
 * menu, valid for {@code validity}; an inquiry for nothing it carries, or a plain question, gets
 * a text reply. How fast it answers is its think time.
 */
public final class PostedPriceService implements ServicePolicy {
    private final long validity;
    private Service service;

    public PostedPriceService(long validity) {
        this.validity = validity;
    }

    @Override
    public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
        if (observation instanceof ServiceStarted started) {
            service = started.service();
            return List.of();
        }
        if (observation instanceof MessageReceived message) {
            return List.of(answer(message, context.now()));
        }
        return List.of();
    }

    private ServiceAction answer(MessageReceived message, long now) {
        List<OrderLine> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> wanted : message.items().entrySet()) {
            Long price = service.menu().get(wanted.getKey());
            if (price != null) {
                lines.add(new OrderLine(wanted.getKey(), wanted.getValue(), price));
            }
        }
        if (lines.isEmpty()) {
            String text = message.items().isEmpty()
                    ? "We offer: " + String.join(", ", service.menu().keySet())
                    : "Sorry, we do not carry "
                            + String.join(", ", message.items().keySet());
            return new Reply(message.from(), text);
        }
        return new Propose(message.from(), lines, OrderLine.total(lines), now + validity);
    }
}
