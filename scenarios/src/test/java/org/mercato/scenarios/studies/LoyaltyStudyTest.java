package org.mercato.scenarios.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.dynamics.PeriodFold;
import org.mercato.metrics.dynamics.PeriodStats;
import org.mercato.sim.events.LoggedEvent;

/**
 * The loyalty study's findings on its per-period series, at a reduced size: shoppers with a memory
 * of sellers drop the over-promisers, concentrate their payments on fewer sellers and let the
 * dynamic sellers they keep raise their prices; without memory the over-promisers keep their share
 * and competition pushes prices down.
 */
class LoyaltyStudyTest {
    static final String[] SMALL = {"market.generate.customers=150"};
    static final String NO_MEMORY = "agents.assistants[0].params={inquiries: 3, patience: 30s}";

    static List<PeriodStats> periods(String... overrides) {
        List<String> sets = new ArrayList<>(List.of(SMALL));
        sets.addAll(List.of(overrides));
        Studies.Outcome outcome = Studies.run("loyalty", sets.toArray(String[]::new));
        PeriodFold fold = new PeriodFold();
        for (LoggedEvent e : outcome.events()) {
            fold.accept(e);
        }
        assertThat(fold.result()).hasSize(30);
        return fold.result();
    }

    /** The mean of a period series over periods {@code from} to {@code to} - 1 (a period without it counts 0). */
    static double mean(List<PeriodStats> periods, int from, int to, Function<PeriodStats, Number> series) {
        double sum = 0;
        for (int p = from; p < to; p++) {
            Number value = series.apply(periods.get(p));
            sum += value == null ? 0 : value.doubleValue();
        }
        return sum / (to - from);
    }

    static Double overPromisersShare(PeriodStats p) {
        return p.shareByQuality() == null ? null : p.shareByQuality().getOrDefault("q<0.5", 0.0);
    }

    static BigDecimal price(PeriodStats p) {
        return p.meanPrice();
    }

    @Test
    void memoryDropsOverPromisersConcentratesPaymentsAndRaisesPrices() {
        List<PeriodStats> memory = periods();
        List<PeriodStats> none = periods(NO_MEMORY);

        double early = mean(none, 0, 3, LoyaltyStudyTest::overPromisersShare);
        assertThat(early).isGreaterThan(0.1);
        assertThat(mean(none, 20, 30, LoyaltyStudyTest::overPromisersShare)).isGreaterThan(early / 2);
        assertThat(mean(memory, 20, 30, LoyaltyStudyTest::overPromisersShare)).isLessThan(early / 4);

        assertThat(mean(memory, 20, 30, PeriodStats::topSellerShare))
                .as("concentration")
                .isGreaterThan(mean(none, 20, 30, PeriodStats::topSellerShare));

        double firstPrice = mean(none, 0, 1, LoyaltyStudyTest::price);
        double laterWithMemory = mean(memory, 20, 30, LoyaltyStudyTest::price);
        double laterWithout = mean(none, 20, 30, LoyaltyStudyTest::price);
        assertThat(laterWithMemory).as("kept sellers raise their prices").isGreaterThan(firstPrice * 1.3);
        assertThat(laterWithout).as("competition lowers them").isLessThan(firstPrice);
    }
}
