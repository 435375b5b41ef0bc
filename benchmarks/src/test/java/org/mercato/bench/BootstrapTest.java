package org.mercato.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    @Test
    void runsThatDoNotVaryGiveTheRatioItself() {
        Bootstrap.Interval interval = Bootstrap.ratioOfMedians(List.of(4.6, 4.6, 4.6), List.of(4.0, 4.0, 4.0));

        assertThat(interval.low()).isEqualTo(1.15, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(interval.high()).isEqualTo(1.15, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void noisyRunsGiveAnIntervalAroundTheRatioThatTheSameRunsRepeat() {
        List<Double> on = List.of(4.81, 4.63, 4.69, 4.56, 4.41, 5.72, 4.18);
        List<Double> off = List.of(4.11, 3.86, 4.05, 3.59, 4.61, 3.56, 4.12);
        double ratio = KernelBench.median(on) / KernelBench.median(off);

        Bootstrap.Interval interval = Bootstrap.ratioOfMedians(on, off);

        assertThat(interval.contains(ratio)).isTrue();
        assertThat(interval.low()).isLessThan(ratio).isGreaterThan(0.9);
        assertThat(interval.high()).isGreaterThan(ratio).isLessThan(1.6);
        assertThat(Bootstrap.ratioOfMedians(on, off)).isEqualTo(interval);
    }

    @Test
    void clearlySeparatedRunsGiveAnIntervalThatExcludesNoDifference() {
        Bootstrap.Interval interval =
                Bootstrap.ratioOfMedians(List.of(6.0, 6.1, 5.9, 6.2, 6.05), List.of(4.0, 4.1, 3.9, 4.05, 3.95));

        assertThat(interval.contains(1.0)).isFalse();
        assertThat(interval.low()).isGreaterThan(1.4);
    }

    @Test
    void theMedianOfRoundsThatDoNotVaryIsExact() {
        Bootstrap.Interval interval = Bootstrap.median(List.of(0.96, 0.96, 0.96, 0.96));

        assertThat(interval.low()).isEqualTo(0.96);
        assertThat(interval.high()).isEqualTo(0.96);
    }

    @Test
    void theMedianOfNoisyRoundsGetsAnIntervalAroundItThatStaysInsideTheRounds() {
        List<Double> shares = List.of(0.93, 0.97, 0.95, 1.01, 0.92, 0.96, 0.94, 0.98, 0.95);
        double median = KernelBench.median(shares);

        Bootstrap.Interval interval = Bootstrap.median(shares);

        assertThat(interval.contains(median)).isTrue();
        assertThat(interval.low()).isLessThan(median).isGreaterThanOrEqualTo(0.92);
        assertThat(interval.high()).isGreaterThan(median).isLessThanOrEqualTo(1.01);
        assertThat(Bootstrap.median(shares)).isEqualTo(interval);
    }

    @Test
    void noRunsIsRefused() {
        assertThatThrownBy(() -> Bootstrap.median(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bootstrap.ratioOfMedians(List.of(), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
