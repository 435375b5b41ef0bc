package org.mercato.metrics.bias;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.sim.domain.Money;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;

/**
 * How concentrated sales are: payment amounts summed by service; each seller's share of all sales
 * in percent; the Herfindahl-Hirschman index (sum of squared percent shares, 0 to 10,000); the
 * share of the largest 1, 3 and 10 sellers (percent); and the Shannon entropy of the shares in
 * bits (0 when one seller has everything, log2 of the number of sellers when all sell the same).
 * Only sellers with a positive amount count.
 */
public final class ConcentrationFold implements EventSink {
    private final Map<String, Long> sales = new TreeMap<>();

    @Override
    public void accept(LoggedEvent logged) {
        if (logged.event() instanceof PaymentEvent payment) {
            sales.merge(payment.service(), payment.amount(), (a, b) -> Money.add(a, b, "a service's sales"));
        }
    }

    /** The concentration of sales, or null when nothing positive was paid. */
    public Concentration result() {
        List<Long> amounts = new ArrayList<>();
        long total = 0;
        for (long amount : sales.values()) {
            if (amount > 0) {
                amounts.add(amount);
                total = Money.add(total, amount, "the total of sales");
            }
        }
        if (total == 0) {
            return null;
        }
        amounts.sort(Comparator.reverseOrder());
        double hhi = 0;
        double entropy = 0;
        for (long amount : amounts) {
            double share = amount / (double) total;
            hhi += 100 * share * 100 * share;
            entropy -= share * Math.log(share) / Math.log(2);
        }
        return new Concentration(
                amounts.size(),
                BigDecimal.valueOf(total, 2),
                Rounding.six(hhi),
                top(amounts, total, 1),
                top(amounts, total, 3),
                top(amounts, total, 10),
                Rounding.six(entropy == 0 ? 0 : entropy));
    }

    private static double top(List<Long> descending, long total, int k) {
        long sum = 0;
        for (int i = 0; i < Math.min(k, descending.size()); i++) {
            sum = Money.add(sum, descending.get(i), "the top sellers' sales");
        }
        return Rounding.six(100.0 * sum / total);
    }

    /** Sellers with sales, total sales (currency units), HHI (0-10,000), top-k shares (%), entropy (bits). */
    public record Concentration(
            int sellers,
            BigDecimal sales,
            double hhi,
            double top1Percent,
            double top3Percent,
            double top10Percent,
            double entropyBits) {}
}
