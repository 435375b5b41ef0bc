package org.mercato.metrics.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.MetricsCollector;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PeriodEvent;

/** The per-period series and the visit-based totals of a market with dynamics, over a hand-written log. */
class PeriodFoldTest {
    @Test
    void eachPeriodCountsTheVisitsThatArrivedInItAndThePaymentsMadeInIt() {
        PeriodFold fold = new PeriodFold();
        DynamicMarketLog.events().forEach(fold::accept);

        List<PeriodStats> periods = fold.result();

        assertThat(periods).hasSize(2);
        PeriodStats first = periods.get(0);
        assertThat(first.period()).isZero();
        assertThat(first.start()).isZero();
        assertThat(first.end()).isEqualTo(100);
        assertThat(first.arrivals()).isEqualTo(2);
        assertThat(first.visits()).isEqualTo(2);
        assertThat(first.served()).isEqualTo(1);
        assertThat(first.payments()).isEqualTo(1);
        // bob got flan worth 8.00 at quality 0.4 for 1.00: 3.20 - 1.00; ana bought nothing
        assertThat(first.welfare()).isEqualByComparingTo("2.20");
        // bob's best: full at true quality 1 (8.00 - 3.50 = 4.50 beats 3.20 - 1.00); ana's: 26.00 - 12.50
        assertThat(first.optimum()).isEqualByComparingTo("18.00");
        assertThat(first.efficiency()).isEqualTo(0.122222);
        assertThat(first.meanPrice()).isEqualByComparingTo("1.00");
        assertThat(first.topSellerShare()).isEqualTo(1.0);
        assertThat(first.reviews()).isEqualTo(1);
        assertThat(first.fakeReviews()).isEqualTo(1);
        assertThat(first.filteredReviews()).isEqualTo(1);
        assertThat(first.meanRatingByQuality()).containsExactly(Map.entry("q<0.5", 3.0), Map.entry("q>=0.9", 4.0));
        assertThat(first.shareByQuality()).containsExactly(Map.entry("q<0.5", 1.0), Map.entry("q>=0.9", 0.0));

        PeriodStats second = periods.get(1);
        assertThat(second.arrivals()).isZero();
        assertThat(second.visits()).isEqualTo(1);
        assertThat(second.served()).isEqualTo(1);
        // not delivered by the end of the log: valued at quality 1
        assertThat(second.welfare()).isEqualByComparingTo("4.50");
        assertThat(second.optimum()).isEqualByComparingTo("4.50");
        assertThat(second.efficiency()).isEqualTo(1.0);
        assertThat(second.meanPrice()).isEqualByComparingTo("3.50");
        assertThat(second.reviews()).isZero();
        assertThat(second.meanRatingByQuality()).containsExactly(Map.entry("q<0.5", 2.5), Map.entry("q>=0.9", 4.0));
        assertThat(second.shareByQuality()).containsExactly(Map.entry("q<0.5", 0.0), Map.entry("q>=0.9", 1.0));
    }

    @Test
    void theTotalsCountEveryVisitAtItsDeliveredQualityAndSumThePeriods() {
        MetricsCollector collector = new MetricsCollector();
        DynamicMarketLog.events().forEach(collector::accept);

        MarketMetrics.Welfare welfare = collector.metrics().welfare();

        assertThat(welfare.total()).isEqualByComparingTo("6.70");
        assertThat(welfare.optimal()).isEqualByComparingTo("22.50");
        assertThat(welfare.optimalMethod()).isEqualTo("best purchase per visit at true quality");
        assertThat(collector.metrics().customersServed()).isEqualTo(1);
    }

    @Test
    void aLogWithoutPeriodEventsHasNoSeries() {
        PeriodFold fold = new PeriodFold();
        for (LoggedEvent event : DynamicMarketLog.events()) {
            if (!(event.event() instanceof PeriodEvent)) {
                fold.accept(event);
            }
        }
        assertThat(fold.result()).isNull();
    }

    @Test
    void aMarketThatStartsWithoutAPeriodHasNoSeriesEvenIfOneIsLoggedLater() {
        // a market with periods logs period 0 right after its catalog; the fold decides there
        List<LoggedEvent> events = DynamicMarketLog.events();
        LoggedEvent firstPeriod = events.stream()
                .filter(e -> e.event() instanceof PeriodEvent)
                .findFirst()
                .orElseThrow();
        PeriodFold fold = new PeriodFold();
        for (LoggedEvent event : events) {
            if (event != firstPeriod) {
                fold.accept(event);
            }
        }
        assertThat(fold.result()).isNull();
    }
}
