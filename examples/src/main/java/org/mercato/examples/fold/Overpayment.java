package org.mercato.examples.fold;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;

/**
 * A metric folded from the event log alone (so a live run and {@code mercato report} over its saved
 * log agree): how often a customer paid the cheapest proposal it had been sent before paying, and how
 * much more than that cheapest proposal the customers paid in all.
 */
public final class Overpayment implements EventSink {
    /** The block: payments, those at the cheapest proposal then made to the customer, the sum over it. */
    public record Block(long payments, long atCheapest, BigDecimal overpaid) {}

    private final Map<String, Long> cheapestProposal = new HashMap<>();
    private long payments;
    private long atCheapest;
    private long overpaidCents;

    @Override
    public void accept(LoggedEvent logged) {
        if (logged.event() instanceof ProposalEvent made) {
            cheapestProposal.merge(made.proposal().customer(), made.proposal().total(), Math::min);
        } else if (logged.event() instanceof PaymentEvent payment) {
            payments++;
            long over = payment.amount() - cheapestProposal.get(payment.customer());
            if (over == 0) {
                atCheapest++;
            }
            overpaidCents += over;
        }
    }

    public Block block() {
        return new Block(payments, atCheapest, BigDecimal.valueOf(overpaidCents, 2));
    }
}
