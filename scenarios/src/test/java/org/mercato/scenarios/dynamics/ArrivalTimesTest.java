package org.mercato.scenarios.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Arrival times: seeded per customer, stable under adding customers, with the rates asked for. */
class ArrivalTimesTest {
    static final long HOUR = 3_600_000_000L;
    static final long DAY = 24 * HOUR;

    static List<String> customers(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(String.format("customer_%05d", i));
        }
        return ids;
    }

    static double[] officeHours() {
        double[] rates = new double[24];
        for (int h = 9; h < 17; h++) {
            rates[h] = h == 12 ? 40 : 10;
        }
        return rates;
    }

    @Property(tries = 60)
    void addingCustomersLeavesEarlierArrivalsUnchanged(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 200) int few,
            @ForAll @IntRange(min = 0, max = 200) int more) {
        long horizon = 30 * DAY;
        long[] small = ArrivalTimes.poisson(seed, customers(few), 50.0 / DAY, horizon);
        long[] large = ArrivalTimes.poisson(seed, customers(few + more), 50.0 / DAY, horizon);
        assertThat(Arrays.copyOf(large, few)).isEqualTo(small);

        long[] smallHourly = ArrivalTimes.hourly(seed, customers(few), officeHours(), horizon);
        long[] largeHourly = ArrivalTimes.hourly(seed, customers(few + more), officeHours(), horizon);
        assertThat(Arrays.copyOf(largeHourly, few)).isEqualTo(smallHourly);
    }

    @Property(tries = 30)
    void arrivalsAreInOrderAndBeforeTheHorizonOrNever(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        long horizon = 2 * DAY;
        for (long[] times : List.of(
                ArrivalTimes.poisson(seed, customers(300), 100.0 / DAY, horizon),
                ArrivalTimes.hourly(seed, customers(300), officeHours(), horizon))) {
            for (int i = 0; i < times.length; i++) {
                assertThat(times[i] == ArrivalTimes.NEVER || (times[i] >= 0 && times[i] < horizon))
                        .isTrue();
                if (i > 0) {
                    assertThat(times[i]).isGreaterThanOrEqualTo(times[i - 1]);
                }
            }
            // about 200 of the 300 arrive within two days; the rest never do
            assertThat(ArrivalTimes.arriving(times)).isBetween(100, 299);
        }
    }

    @Test
    void theSameSeedGivesTheSameTimesAndAnotherSeedOthers() {
        long[] a = ArrivalTimes.poisson(7, customers(100), 10.0 / HOUR, DAY);
        assertThat(ArrivalTimes.poisson(7, customers(100), 10.0 / HOUR, DAY)).isEqualTo(a);
        assertThat(ArrivalTimes.poisson(8, customers(100), 10.0 / HOUR, DAY)).isNotEqualTo(a);
    }

    @Test
    void poissonGapsHaveTheMeanOfTheRate() {
        int n = 20_000;
        long[] times = ArrivalTimes.poisson(3, customers(n), 1.0 / 60_000_000L, Long.MAX_VALUE - 1);
        double meanGap = (double) times[n - 1] / n;
        // mean 60 s; the standard error of the mean gap is 60 s / sqrt(n), about 0.42 s
        assertThat(meanGap).isBetween(60_000_000 - 2_000_000.0, 60_000_000 + 2_000_000.0);
    }

    @Test
    void hourlyThinningFollowsTheRatesAndSkipsZeroRateHours() {
        long horizon = 200 * DAY;
        long[] times = ArrivalTimes.hourly(5, customers(40_000), officeHours(), horizon);
        int[] byHour = new int[24];
        for (long t : times) {
            if (t != ArrivalTimes.NEVER) {
                byHour[(int) ((t / HOUR) % 24)]++;
            }
        }
        for (int h = 0; h < 24; h++) {
            if (h < 9 || h >= 17) {
                assertThat(byHour[h]).as("hour %d", h).isZero();
            }
        }
        // noon's rate is four times the other office hours': 40 against 10 per hour
        double others = 0;
        for (int h = 9; h < 17; h++) {
            others += h == 12 ? 0 : byHour[h];
        }
        assertThat(byHour[12] / (others / 7)).isBetween(3.6, 4.4);
        // 110 arrivals a day: 40,000 customers take about 364 days, so all arrive within the horizon
        // only if it is long enough; here 200 days hold about 22,000 of them
        assertThat(ArrivalTimes.arriving(times)).isBetween(21_000, 23_000);
    }

    @Test
    void aTraceGivesTheIthTimeToTheIthCustomer() {
        long[] trace = {5, 1, 9, 12};
        assertThat(ArrivalTimes.trace(trace, 6, 10))
                .containsExactly(5, 1, 9, ArrivalTimes.NEVER, ArrivalTimes.NEVER, ArrivalTimes.NEVER);
    }
}
