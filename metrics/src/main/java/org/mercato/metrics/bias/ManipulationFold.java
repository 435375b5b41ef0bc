package org.mercato.metrics.bias;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.sim.domain.Money;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ServiceEvent;

/**
 * Manipulation success: the share of payments that go to services whose seller uses a
 * manipulation tactic (the {@code tactic} of their {@code service} event), against the share those
 * services have of the market ({@code lift} = payment share / service share, 1 when buyers ignore
 * tactics and the services are otherwise alike). Payments are counted and summed by tactic ({@code
 * control} for services without one) and by manipulating service. One run cannot say what the same
 * services would have sold without their tactic: that needs a second run of the scenario with the
 * tactic set to control (same seed), whose payments to the same service ids give the counterfactual
 * share.
 */
public final class ManipulationFold implements EventSink {
    /** The tactic of services that use none. */
    public static final String CONTROL = "control";

    private final Map<String, String> tactics = new LinkedHashMap<>();
    private final Map<String, long[]> byService = new TreeMap<>();
    private long payments;
    private long amount;

    @Override
    public void accept(LoggedEvent logged) {
        if (logged.event() instanceof ServiceEvent s) {
            tactics.put(
                    s.service().id(),
                    s.service().tactic() == null ? CONTROL : s.service().tactic());
        } else if (logged.event() instanceof PaymentEvent payment) {
            payments++;
            amount = Money.add(amount, payment.amount(), "the payments' total");
            long[] sold = byService.computeIfAbsent(payment.service(), k -> new long[2]);
            sold[0]++;
            sold[1] = Money.add(sold[1], payment.amount(), "a service's sales");
        }
    }

    /** The comparison, or null when no service uses a tactic. */
    public Manipulation result() {
        Map<String, long[]> groups = new TreeMap<>();
        List<ServiceShare> manipulating = new ArrayList<>();
        for (var entry : tactics.entrySet()) {
            long[] sold = byService.getOrDefault(entry.getKey(), new long[2]);
            long[] group = groups.computeIfAbsent(entry.getValue(), k -> new long[3]);
            group[0]++;
            group[1] += sold[0];
            group[2] += sold[1];
            if (!CONTROL.equals(entry.getValue())) {
                manipulating.add(new ServiceShare(
                        entry.getKey(),
                        entry.getValue(),
                        sold[0],
                        BigDecimal.valueOf(sold[1], 2),
                        Rounding.share(sold[0], payments)));
            }
        }
        if (manipulating.isEmpty()) {
            return null;
        }
        long services = tactics.size();
        long tacticServices = manipulating.size();
        long tacticPayments = 0;
        long tacticAmount = 0;
        List<TacticShare> byTactic = new ArrayList<>();
        for (var entry : groups.entrySet()) {
            long[] g = entry.getValue();
            if (!CONTROL.equals(entry.getKey())) {
                tacticPayments += g[1];
                tacticAmount += g[2];
            }
            byTactic.add(new TacticShare(
                    entry.getKey(),
                    g[0],
                    Rounding.share(g[0], services),
                    g[1],
                    Rounding.share(g[1], payments),
                    BigDecimal.valueOf(g[2], 2),
                    Rounding.share(g[2], amount)));
        }
        Double serviceShare = Rounding.share(tacticServices, services);
        Double paymentShare = Rounding.share(tacticPayments, payments);
        Wilson.Interval interval = payments == 0 ? null : Wilson.interval(tacticPayments, payments);
        return new Manipulation(
                services,
                tacticServices,
                serviceShare,
                payments,
                tacticPayments,
                paymentShare,
                interval == null ? null : Rounding.six(interval.lower()),
                interval == null ? null : Rounding.six(interval.upper()),
                Rounding.share(tacticAmount, amount),
                paymentShare == null
                        ? null
                        : Rounding.six(tacticPayments * (double) services / (payments * tacticServices)),
                byTactic,
                manipulating);
    }

    /**
     * {@code services} in the catalog, {@code tacticServices} with a tactic and their {@code
     * serviceShare}; {@code payments} in all, {@code tacticPayments} to tactic services, their
     * {@code paymentShare} with a Wilson 95% interval ({@code lower}, {@code upper}) and the share of
     * the money ({@code amountShare}); {@code lift} = paymentShare / serviceShare.
     */
    public record Manipulation(
            long services,
            long tacticServices,
            Double serviceShare,
            long payments,
            long tacticPayments,
            Double paymentShare,
            Double lower,
            Double upper,
            Double amountShare,
            Double lift,
            List<TacticShare> byTactic,
            List<ServiceShare> byService) {
        public Manipulation {
            byTactic = List.copyOf(byTactic);
            byService = List.copyOf(byService);
        }
    }

    /** Services using one tactic ({@code control}: none), their payments and money, and the shares. */
    public record TacticShare(
            String tactic,
            long services,
            Double serviceShare,
            long payments,
            Double paymentShare,
            BigDecimal amount,
            Double amountShare) {}

    /** One manipulating service: its tactic, payments, money and share of all payments. */
    public record ServiceShare(String service, String tactic, long payments, BigDecimal amount, Double paymentShare) {}
}
