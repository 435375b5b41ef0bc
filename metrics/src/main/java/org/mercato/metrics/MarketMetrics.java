package org.mercato.metrics;

import java.math.BigDecimal;
import java.util.Map;
import org.mercato.metrics.bias.ChoiceLogitFold;
import org.mercato.metrics.bias.ConcentrationFold;
import org.mercato.metrics.bias.FirstProposalFold;
import org.mercato.metrics.bias.PositionFold;

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
        ChoiceLogitFold.ChoiceLogit choiceLogit) {

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

    /** Optimal is found by {@code optimalMethod}: each customer's best purchase, or an assignment respecting capacities. */
    public record Welfare(
            BigDecimal total, BigDecimal mean, BigDecimal optimal, Double efficiency, String optimalMethod) {}

    public record Payments(long count, BigDecimal amount) {}

    /** The outcome without the bias blocks (null). */
    public static MarketMetrics of(WelfareFold welfare, ActivityFold activity) {
        return of(welfare, activity, null, null, null, null);
    }

    public static MarketMetrics of(
            WelfareFold welfare,
            ActivityFold activity,
            FirstProposalFold.FirstProposal firstProposal,
            PositionFold.Position position,
            ConcentrationFold.Concentration concentration,
            ChoiceLogitFold.ChoiceLogit choiceLogit) {
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
                        optimum.method()),
                new Payments(activity.count("payment"), money(welfare.paymentsTotal())),
                activity.count("search"),
                activity.count("message"),
                activity.count("proposal"),
                activity.count("decline"),
                activity.rejections(),
                activity.byType(),
                activity.events(),
                activity.lastTime(),
                new Surplus(money(producer), money(total + producer), money(general), money(general + producer)),
                firstProposal,
                position,
                concentration,
                choiceLogit);
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
