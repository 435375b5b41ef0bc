package org.mercato.agents.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mercato.agents.base.PolicyParams;
import org.mercato.agents.base.Tactic;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.ListingChanged;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalDeclined;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;

/**
 * The shared selling script: an inquiry naming items gets a proposal for the items on the menu at
 * {@link #unitPrice}, valid for {@code validity}; an inquiry for nothing it carries, or a plain
 * question, gets a text reply carrying the service's {@link Tactic} template. Sales and declines
 * are passed to hooks so demand-driven pricing can react. A {@link ListingChanged} (the market
 * repriced the listing) replaces the service, so later proposals start from the new posted prices.
 */
abstract class PricingService implements ServicePolicy {
    private final long validity;
    private final Tactic tactic;
    private Service service;

    /** A service group's {@code validity}: how long a proposal stays open (ten minutes when not given). */
    static long validity(PolicyParams params) {
        return params.micros("validity", 600_000_000);
    }

    PricingService(long validity, Tactic tactic) {
        this.validity = validity;
        this.tactic = tactic;
    }

    /** The unit price this service asks now for a menu item posted at {@code posted} cents. */
    abstract long unitPrice(String item, long posted);

    void onSale(PaymentSettled settled) {}

    void onDecline(ProposalDeclined declined) {}

    Service service() {
        return service;
    }

    long validity() {
        return validity;
    }

    @Override
    public final List<ServiceAction> onObservation(Observation observation, AgentContext context) {
        if (observation instanceof ServiceStarted started) {
            service = started.service();
            return List.of();
        }
        if (observation instanceof ListingChanged changed) {
            service = changed.service();
            return List.of();
        }
        if (observation instanceof MessageReceived message) {
            return List.of(answer(message, context.now()));
        }
        if (observation instanceof PaymentSettled settled) {
            onSale(settled);
        }
        if (observation instanceof ProposalDeclined declined) {
            onDecline(declined);
        }
        return List.of();
    }

    /** Answers one message; the default proposes the menu items asked for at {@link #unitPrice}. */
    ServiceAction answer(MessageReceived message, long now) {
        List<OrderLine> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> wanted : message.items().entrySet()) {
            Long posted = service.menu().get(wanted.getKey());
            if (posted != null) {
                lines.add(new OrderLine(wanted.getKey(), wanted.getValue(), unitPrice(wanted.getKey(), posted)));
            }
        }
        if (lines.isEmpty()) {
            String text = message.items().isEmpty()
                    ? "We offer: " + String.join(", ", service.menu().keySet())
                    : "Sorry, we do not carry "
                            + String.join(", ", message.items().keySet());
            return reply(message.from(), text);
        }
        return new Propose(message.from(), lines, OrderLine.total(lines), now + validity);
    }

    /** A text reply with this service's tactic template appended. */
    Reply reply(String customer, String text) {
        return new Reply(customer, tactic.decorate(text));
    }

    static long clampedRound(double value, long min) {
        return Math.max(min, Math.round(value));
    }
}
