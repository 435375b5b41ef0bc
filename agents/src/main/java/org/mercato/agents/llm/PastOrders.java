package org.mercato.agents.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.mercato.sim.protocol.OrderDelivered;
import org.mercato.sim.protocol.PaymentSettled;

/**
 * A returning customer's last {@code k} orders as its assistant saw them: the seller, the amount
 * paid ({@link PaymentSettled}) and, once delivered, the quality delivered ({@link OrderDelivered},
 * 1 = as listed). The {@link #summary} is what a return visit's prompt says about them; older orders
 * are forgotten, so the prompt stays bounded.
 */
final class PastOrders {
    private final int k;
    private final Deque<Order> orders = new ArrayDeque<>();

    private static final class Order {
        final String proposal;
        final String service;
        final long paid;
        Double quality;

        Order(String proposal, String service, long paid) {
            this.proposal = proposal;
            this.service = service;
            this.paid = paid;
        }
    }

    PastOrders(int k) {
        this.k = k;
    }

    void paid(PaymentSettled settled) {
        if (k == 0) {
            return;
        }
        orders.addLast(new Order(settled.proposalId(), settled.service(), settled.amount()));
        if (orders.size() > k) {
            orders.removeFirst();
        }
    }

    /** Notes the quality of a remembered order; a delivery of an order forgotten already changes nothing. */
    void delivered(OrderDelivered delivered) {
        for (Iterator<Order> it = orders.descendingIterator(); it.hasNext(); ) {
            Order order = it.next();
            if (order.proposal.equals(delivered.proposal())) {
                order.quality = delivered.quality();
                return;
            }
        }
    }

    /**
     * The paragraph a return visit's system prompt ends with, oldest order first; empty when there
     * is none to tell.
     */
    String summary() {
        if (orders.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n\nThis customer has shopped here before. Its last ")
                .append(orders.size() == 1 ? "order (" : orders.size() + " orders (oldest first; ")
                .append("quality 1.00 = delivered as listed, 0.00 = worthless):");
        for (Order order : orders) {
            out.append("\n- from ")
                    .append(order.service)
                    .append(": paid ")
                    .append(Prompts.money(order.paid))
                    .append(", ")
                    .append(
                            order.quality == null
                                    ? "not delivered yet"
                                    : "delivered at quality " + quality(order.quality));
        }
        return out.append('\n').toString();
    }

    /** A delivered quality as prompts show it: two decimals, half up. */
    static String quality(double quality) {
        return BigDecimal.valueOf(quality).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
