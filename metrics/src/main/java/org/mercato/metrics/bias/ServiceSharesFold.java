package org.mercato.metrics.bias;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercato.sim.domain.Money;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ServiceEvent;

/**
 * Each service's payments and money and their shares of the market's, for every service the log
 * announces (those without a sale too, so a sweep averages their zeros) or that was paid. At most
 * {@value #LIMIT} services are listed: in a larger market the {@value #LIMIT} with the most
 * payments (then money, then id), and the block says how many there were.
 */
public final class ServiceSharesFold implements EventSink {
    /** The most services listed: beyond it a summary (and its flattened metrics) would grow with the market. */
    public static final int LIMIT = 100;

    private final Map<String, long[]> byService = new TreeMap<>();

    @Override
    public void accept(LoggedEvent logged) {
        if (logged.event() instanceof ServiceEvent service) {
            byService.computeIfAbsent(service.service().id(), k -> new long[2]);
        } else if (logged.event() instanceof PaymentEvent payment) {
            long[] sales = byService.computeIfAbsent(payment.service(), k -> new long[2]);
            sales[0]++;
            sales[1] = Money.add(sales[1], payment.amount(), "a service's sales");
        }
    }

    /** The shares, or null when the log has no service. */
    public ServiceShares result() {
        if (byService.isEmpty()) {
            return null;
        }
        long payments = 0;
        long amount = 0;
        for (long[] sales : byService.values()) {
            payments += sales[0];
            amount = Money.add(amount, sales[1], "the total of sales");
        }
        List<Map.Entry<String, long[]>> listed = new ArrayList<>(byService.entrySet());
        if (listed.size() > LIMIT) {
            listed.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                    .thenComparingLong(e -> -e.getValue()[1])
                    .thenComparing(Map.Entry::getKey));
            listed = listed.subList(0, LIMIT);
        }
        SortedMap<String, Share> shares = new TreeMap<>();
        for (Map.Entry<String, long[]> e : listed) {
            long[] sales = e.getValue();
            shares.put(
                    e.getKey(),
                    new Share(
                            sales[0],
                            Rounding.share(sales[0], payments),
                            BigDecimal.valueOf(sales[1], 2),
                            Rounding.share(sales[1], amount)));
        }
        return new ServiceShares(byService.size(), shares.size(), LIMIT, shares);
    }

    /**
     * {@code services} announced or paid, {@code listed} of them in {@code byService} (all, unless
     * more than {@code limit}), each with its share of the payments and of the money.
     */
    public record ServiceShares(int services, int listed, int limit, SortedMap<String, Share> byService) {}

    /** A service's payments, their share of all payments, its money (currency units) and its share of all money. */
    public record Share(long payments, Double paymentShare, BigDecimal amount, Double amountShare) {}
}
