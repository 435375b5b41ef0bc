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
        FirstProposalFold.FirstProposal firstProposal,
        PositionFold.Position position,
        ConcentrationFold.Concentration concentration,
        ChoiceLogitFold.ChoiceLogit choiceLogit) {

    public record Welfare(BigDecimal total, BigDecimal mean, BigDecimal optimal, Double efficiency) {}

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
        long optimal = welfare.optimalWelfare();
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
                        optimal == 0 ? null : Math.round(1e6 * total / (double) optimal) / 1e6),
                new Payments(activity.count("payment"), money(welfare.paymentsTotal())),
                activity.count("search"),
                activity.count("message"),
                activity.count("proposal"),
                activity.count("decline"),
                activity.rejections(),
                activity.byType(),
                activity.events(),
                activity.lastTime(),
                firstProposal,
                position,
                concentration,
                choiceLogit);
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
