package org.mercato.scenarios.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.studies.Studies.mean;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.dynamics.PeriodStats;

/**
 * The loyalty study's findings on its per-period series, at a reduced size: shoppers with a memory
 * of sellers drop the over-promisers, concentrate their payments on fewer sellers and let the
 * dynamic sellers they keep raise their prices; without memory the over-promisers keep their share
 * and competition pushes prices down.
 */
class LoyaltyStudyTest {
    static final List<String> SMALL = List.of("market.generate.customers=150");
    static final String NO_MEMORY = "agents.assistants[0].params={inquiries: 3, patience: 30s}";

    static List<PeriodStats> periods(String... overrides) {
        List<PeriodStats> periods = Studies.periods("loyalty", SMALL, overrides);
        assertThat(periods).hasSize(30);
        return periods;
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
