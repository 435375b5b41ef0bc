package org.mercato.agents.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mercato.agents.base.CounterOffer;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.agents.base.Tactic;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.ServiceAction;

/**
 * Posted prices, open to haggling. A message carrying a counter offer ({@code offer: 12.50}, the
 * syntax of {@code negotiator}) with the items map gets a new proposal: at the offer when the offer
 * is at least {@code floor} times the posted total; otherwise halfway between its last ask to that
 * customer and the offer, but not below the floor. A message without an offer gets the posted
 * prices. Unit prices are scaled from the posted ones so the lines add up to the new total exactly
 * where whole cents allow (to within the items' quantities, in cents, otherwise).
 */
public final class NegotiableService extends PricingService {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<ServicePolicy> ENTRY =
            PolicyEntry.behavioural("negotiable", List.of("floor", "validity", "tactic"), params -> {
                double floor = params.doubleAtLeast("floor", 0.8, 0);
                long validity = validity(params);
                Tactic tactic = Tactic.from(params);
                return () -> new NegotiableService(floor, validity, tactic);
            });

    private final double floor;
    private final Map<String, Long> lastAsk = new TreeMap<>();

    public NegotiableService(double floor, long validity, Tactic tactic) {
        super(validity, tactic);
        this.floor = floor;
    }

    @Override
    long unitPrice(String item, long posted) {
        return posted;
    }

    @Override
    ServiceAction answer(MessageReceived message, long now) {
        ServiceAction posted = super.answer(message, now);
        if (!(posted instanceof Propose proposal)) {
            return posted;
        }
        Optional<Long> offer = CounterOffer.in(message.text());
        long postedTotal = proposal.total();
        long ask = postedTotal;
        if (offer.isPresent()) {
            long floorTotal = (long) Math.ceil(postedTotal * floor);
            long previous = lastAsk.getOrDefault(message.from(), postedTotal);
            ask = offer.get() >= floorTotal ? offer.get() : Math.max(floorTotal, (previous + offer.get() + 1) / 2);
            ask = Math.min(ask, previous);
        }
        lastAsk.put(message.from(), ask);
        List<OrderLine> lines = scaled(proposal.lines(), postedTotal, ask);
        return new Propose(message.from(), lines, OrderLine.total(lines), proposal.validUntil());
    }

    /** Lines with unit prices scaled so the total is {@code total}, as nearly as whole cents allow. */
    public static List<OrderLine> scaled(List<OrderLine> lines, long from, long total) {
        if (from == total || from == 0) {
            return lines;
        }
        List<OrderLine> out = new ArrayList<>();
        long sum = 0;
        for (OrderLine line : lines) {
            long unit = line.unitPrice() * total / from;
            out.add(new OrderLine(line.item(), line.quantity(), unit));
            sum += unit * line.quantity();
        }
        long remainder = total - sum;
        for (int i = 0; i < out.size() && remainder > 0; i++) {
            OrderLine line = out.get(i);
            long extra = remainder / line.quantity();
            if (extra > 0) {
                out.set(i, new OrderLine(line.item(), line.quantity(), line.unitPrice() + extra));
                remainder -= extra * line.quantity();
            }
        }
        return out;
    }
}
