package org.mercato.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.metrics.baselines.MagenticBaselines;
import org.mercato.metrics.bias.ChoiceLogitFold;
import org.mercato.metrics.bias.ConcentrationFold;
import org.mercato.metrics.bias.FirstProposalFold;
import org.mercato.metrics.bias.ManipulationFold;
import org.mercato.metrics.bias.PositionFold;
import org.mercato.metrics.bias.ServiceSharesFold;
import org.mercato.sim.domain.Money;

/** The market outcome of one run, computed only from its events. Money is in currency units. */
public record MarketMetrics(
        int customers,
        int customersServed,
        int customersPaying,
        Welfare welfare,
        Payments payments,
        long searches,
        long messages,
        long proposals,
        long declines,
        Map<String, Long> rejections,
        Map<String, Long> eventsByType,
        long events,
        long lastEventTime,
        Surplus surplus,
        FirstProposalFold.FirstProposal firstProposal,
        PositionFold.Position position,
        ConcentrationFold.Concentration concentration,
        ChoiceLogitFold.ChoiceLogit choiceLogit,
        @JsonInclude(JsonInclude.Include.NON_NULL) ManipulationFold.Manipulation manipulation,
        @JsonInclude(JsonInclude.Include.NON_NULL) ServiceSharesFold.ServiceShares serviceShares) {

    /** Copies the counts: a summary must not change when its folds see more events (it crosses threads). */
    public MarketMetrics {
        rejections = Collections.unmodifiableSortedMap(new TreeMap<>(rejections));
        eventsByType = Collections.unmodifiableSortedMap(new TreeMap<>(eventsByType));
    }

    /**
     * Both sides of the market: producer surplus (revenue minus unit costs), total welfare under
     * Magentic's customer utility (welfare.total plus producer surplus), and the general model's
     * customer utility (value minus price minus the cost of waiting) and total.
     */
    public record Surplus(
            BigDecimal producerSurplus,
            BigDecimal totalWelfare,
            BigDecimal customerUtilityGeneral,
            BigDecimal totalWelfareGeneral) {}

    /**
     * Optimal is found by {@code optimalMethod}: each customer's best purchase, or an assignment
     * respecting capacities. {@code baselines}: Magentic's four baselines for the market (null when
     * turned off).
     */
    public record Welfare(
            BigDecimal total,
            BigDecimal mean,
            BigDecimal optimal,
            Double efficiency,
            String optimalMethod,
            Baselines baselines) {}

    /**
     * Magentic's four baselines for the run's catalog (see {@link MagenticBaselines}): each customer
     * buys once at posted prices from the best business ({@code optimal}, capacities ignored), the
     * cheapest, a random feasible one or a random one; the random ones are the median of {@code
     * draws} market sums with a bootstrap 95% interval. {@code unserved}: customers no business
     * sells everything to; {@code withoutFeasible}: more customers no such business has the
     * amenities for; {@code cheapestTied}: customers whose cheapest total ties across businesses.
     */
    public record Baselines(
            BigDecimal optimal,
            BigDecimal cheapest,
            RandomBaseline randomFeasible,
            RandomBaseline randomAny,
            int draws,
            long seed,
            int unserved,
            int withoutFeasible,
            int cheapestTied) {
        static Baselines of(MagenticBaselines.Result r) {
            return new Baselines(
                    r.optimal(),
                    r.cheapest(),
                    RandomBaseline.of(r.randomFeasible()),
                    RandomBaseline.of(r.randomAny()),
                    r.draws(),
                    r.seed(),
                    r.unserved(),
                    r.withoutFeasible(),
                    r.cheapestTied());
        }
    }

    /** The median market sum of the random draws, its 95% interval, the least, greatest and mean draw. */
    public record RandomBaseline(
            BigDecimal median,
            BigDecimal ciLower,
            BigDecimal ciUpper,
            BigDecimal min,
            BigDecimal max,
            BigDecimal mean) {
        static RandomBaseline of(MagenticBaselines.Draws d) {
            return new RandomBaseline(d.median(), d.ciLower(), d.ciUpper(), d.min(), d.max(), d.mean());
        }
    }

    public record Payments(long count, BigDecimal amount) {}

    /** The outcome without the bias blocks and baselines (null). */
    public static MarketMetrics of(WelfareFold welfare, ActivityFold activity) {
        return of(welfare, activity, null, null, null, null, null, null, null);
    }

    public static MarketMetrics of(
            WelfareFold welfare,
            ActivityFold activity,
            MagenticBaselines.Result baselines,
            FirstProposalFold.FirstProposal firstProposal,
            PositionFold.Position position,
            ConcentrationFold.Concentration concentration,
            ChoiceLogitFold.ChoiceLogit choiceLogit,
            ManipulationFold.Manipulation manipulation,
            ServiceSharesFold.ServiceShares serviceShares) {
        long total = welfare.welfare();
        long producer = welfare.producerSurplus();
        long general = welfare.generalWelfare();
        WelfareFold.Optimum optimum = welfare.optimum();
        long optimal = optimum.welfare();
        int customers = welfare.customers();
        return new MarketMetrics(
                customers,
                welfare.customersServed(),
                welfare.customersPaying(),
                new Welfare(
                        money(total),
                        customers == 0
                                ? BigDecimal.ZERO
                                : money(total)
                                        .divide(BigDecimal.valueOf(customers), 2, java.math.RoundingMode.HALF_EVEN),
                        money(optimal),
                        optimal == 0 ? null : Math.round(1e6 * total / (double) optimal) / 1e6,
                        optimum.method(),
                        baselines == null ? null : Baselines.of(baselines)),
                new Payments(activity.count("payment"), money(welfare.paymentsTotal())),
                activity.count("search"),
                activity.count("message"),
                activity.count("proposal"),
                activity.count("decline"),
                activity.rejections(),
                activity.byType(),
                activity.events(),
                activity.lastTime(),
                new Surplus(
                        money(producer),
                        money(Money.add(total, producer, "the total surplus")),
                        money(general),
                        money(Money.add(general, producer, "the general total surplus"))),
                firstProposal,
                position,
                concentration,
                choiceLogit,
                manipulation,
                serviceShares);
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
