package org.mercato.metrics.dynamics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.metrics.WelfareFold;
import org.mercato.metrics.bias.Rounding;
import org.mercato.sim.domain.Money;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.PeriodEvent;
import org.mercato.sim.events.QualityEvent;
import org.mercato.sim.events.ReputationEvent;
import org.mercato.sim.events.ReviewEvent;
import org.mercato.sim.events.ServiceEvent;

/**
 * The per-period series of a market with dynamics ({@link PeriodStats}), folded from the log. An
 * event counts in the period whose {@code period} event comes before it in the log (events before
 * the first one count in the first period); a visit counts in the period it arrived in, with its
 * utility and optimum as {@link WelfareFold} values them at the end of the log. No {@code period}
 * event: no series ({@link #result()} is null).
 *
 * <p>A market with periods logs its first {@code period} at time 0 right after the catalog (its
 * customers, services, qualities and reputations), so until then the fold only keeps those events;
 * any other event first means a market without periods, and the fold stops there instead of
 * folding a second copy of the welfare (with its optimum) over every run.
 */
public final class PeriodFold implements EventSink {
    private final WelfareFold welfare = new WelfareFold();
    private final List<PeriodEvent> periods = new ArrayList<>();
    private final List<Long> periodSeqs = new ArrayList<>();
    private final List<Tally> closed = new ArrayList<>();
    private final Map<String, Double> displayedRating = new LinkedHashMap<>();
    private Tally current = new Tally();
    private List<LoggedEvent> opening = new ArrayList<>();
    private boolean stopped;

    /** What happened in one period, besides its visits. */
    private static final class Tally {
        long payments;
        long paid;
        final Map<String, Long> bySeller = new TreeMap<>();
        final Map<QualityBand, Long> byBand = new EnumMap<>(QualityBand.class);
        long reviews;
        long fakeReviews;
        long filteredReviews;
        Map<String, Double> meanRating = Map.of();
    }

    @Override
    public void accept(LoggedEvent logged) {
        if (stopped) {
            return;
        }
        if (opening != null) {
            var event = logged.event();
            if (event instanceof CustomerEvent
                    || event instanceof ServiceEvent
                    || event instanceof QualityEvent
                    || event instanceof ReputationEvent) {
                opening.add(logged);
                return;
            }
            List<LoggedEvent> catalog = opening;
            opening = null;
            if (!(event instanceof PeriodEvent)) {
                stopped = true; // a market without periods
                return;
            }
            catalog.forEach(this::fold);
        }
        fold(logged);
    }

    private void fold(LoggedEvent logged) {
        welfare.accept(logged);
        var event = logged.event();
        if (event instanceof PeriodEvent period) {
            if (!periods.isEmpty()) {
                endPeriod();
            }
            periods.add(period);
            periodSeqs.add(logged.seq());
        } else if (event instanceof ServiceEvent s) {
            displayedRating.put(s.service().id(), s.service().rating());
        } else if (event instanceof ReputationEvent r) {
            displayedRating.put(r.service(), r.rating());
        } else if (event instanceof PaymentEvent payment) {
            current.payments++;
            current.paid = Money.add(current.paid, payment.amount(), "a period's payments");
            current.bySeller.merge(payment.service(), payment.amount(), Long::sum);
            current.byBand.merge(QualityBand.of(welfare.quality(payment.service())), payment.amount(), Long::sum);
        } else if (event instanceof ReviewEvent review) {
            if (review.fake()) {
                current.fakeReviews++;
            } else {
                current.reviews++;
            }
            if (review.filtered()) {
                current.filteredReviews++;
            }
        }
    }

    /** Ends the current period: its ratings by band as they are displayed now. */
    private void endPeriod() {
        current.meanRating = meanRatingByBand();
        closed.add(current);
        current = new Tally();
    }

    private Map<String, Double> meanRatingByBand() {
        Map<QualityBand, double[]> sums = new EnumMap<>(QualityBand.class);
        for (var rating : displayedRating.entrySet()) {
            double[] sum = sums.computeIfAbsent(QualityBand.of(welfare.quality(rating.getKey())), b -> new double[2]);
            sum[0] += rating.getValue();
            sum[1]++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((band, sum) -> out.put(band.label(), Rounding.six(sum[0] / sum[1])));
        return out;
    }

    /** The series, one element per period in order; null when the log has no {@code period} event. */
    public List<PeriodStats> result() {
        if (periods.isEmpty()) {
            return null;
        }
        List<Tally> tallies = new ArrayList<>(closed);
        Tally last = new Tally();
        copy(current, last);
        last.meanRating = meanRatingByBand();
        tallies.add(last);
        int n = periods.size();
        long[] arrivals = new long[n];
        long[] visits = new long[n];
        long[] served = new long[n];
        long[] utility = new long[n];
        long[] optimum = new long[n];
        for (WelfareFold.VisitOutcome visit : welfare.visits()) {
            int p = periodOf(visit.arrivalSeq());
            visits[p]++;
            if (visit.visit() == 0) {
                arrivals[p]++;
            }
            if (visit.fulfilled()) {
                served[p]++;
            }
            utility[p] = Money.add(utility[p], visit.utility(), "a period's welfare");
            optimum[p] = Money.add(optimum[p], visit.optimum(), "a period's optimum");
        }
        List<PeriodStats> out = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            PeriodEvent period = periods.get(p);
            Tally tally = tallies.get(p);
            out.add(new PeriodStats(
                    period.period(),
                    period.start(),
                    period.end(),
                    arrivals[p],
                    visits[p],
                    served[p],
                    tally.payments,
                    BigDecimal.valueOf(utility[p], 2),
                    BigDecimal.valueOf(optimum[p], 2),
                    optimum[p] == 0 ? null : Rounding.six(utility[p] / (double) optimum[p]),
                    tally.payments == 0
                            ? null
                            : BigDecimal.valueOf(tally.paid, 2)
                                    .divide(BigDecimal.valueOf(tally.payments), 2, RoundingMode.HALF_EVEN),
                    topSellerShare(tally),
                    tally.reviews,
                    tally.fakeReviews,
                    tally.filteredReviews,
                    tally.meanRating,
                    shareByBand(tally)));
        }
        return out;
    }

    /** The period a visit arrived in: the last whose {@code period} event precedes it (the first if none). */
    private int periodOf(long seq) {
        int low = 0;
        int high = periodSeqs.size() - 1;
        int found = 0;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (periodSeqs.get(mid) < seq) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    private static Double topSellerShare(Tally tally) {
        if (tally.paid <= 0) {
            return null;
        }
        long top = 0;
        for (long amount : tally.bySeller.values()) {
            top = Math.max(top, amount);
        }
        return Rounding.six(top / (double) tally.paid);
    }

    /** The share of the amount paid per band of the services present; null without payments. */
    private Map<String, Double> shareByBand(Tally tally) {
        if (tally.paid <= 0) {
            return null;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (QualityBand band : QualityBand.values()) {
            long amount = tally.byBand.getOrDefault(band, 0L);
            if (amount != 0 || tally.meanRating.containsKey(band.label())) {
                out.put(band.label(), Rounding.six(amount / (double) tally.paid));
            }
        }
        return out;
    }

    private static void copy(Tally from, Tally to) {
        to.payments = from.payments;
        to.paid = from.paid;
        to.bySeller.putAll(from.bySeller);
        to.byBand.putAll(from.byBand);
        to.reviews = from.reviews;
        to.fakeReviews = from.fakeReviews;
        to.filteredReviews = from.filteredReviews;
    }
}
