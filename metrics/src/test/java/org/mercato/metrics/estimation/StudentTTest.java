package org.mercato.metrics.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudentTTest {
    @Test
    void quantilesMatchTheTables() {
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.7062, within(1e-3));
        assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.3027, within(1e-4));
        assertThat(StudentT.quantile(0.975, 4)).isCloseTo(2.7764, within(1e-4));
        assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.0423, within(1e-4));
        assertThat(StudentT.quantile(0.975, 1e6)).isCloseTo(1.95997, within(1e-4));
        assertThat(StudentT.quantile(0.025, 4)).isCloseTo(-2.7764, within(1e-4));
    }

    @Test
    void intervalOfASmallSample() {
        Interval i = Interval.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0));
        assertThat(i.mean()).isEqualTo(3.0);
        // s = sqrt(2.5), half width = 2.7764 * s / sqrt(5)
        assertThat(i.upper() - i.mean()).isCloseTo(2.7764 * Math.sqrt(2.5) / Math.sqrt(5), within(1e-3));
        assertThat(Interval.of(List.of(4.0)).lower()).isNull();
    }
}
