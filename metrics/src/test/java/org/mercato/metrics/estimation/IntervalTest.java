package org.mercato.metrics.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Means and differences of summary numbers carry no binary float noise. */
class IntervalTest {
    @Test
    void theMeanOfShortDecimalsIsTheShortDecimal() {
        assertThat(Interval.of(List.of(0.1, 0.2)).mean()).hasToString("0.15");
        assertThat(Interval.of(List.of(2.25, 2.2, 2.2, 2.25)).mean()).hasToString("2.225");
        assertThat(Interval.of(List.of(0.1, 0.2, 0.3)).mean()).hasToString("0.2");
        assertThat(Interval.difference(0.3, 0.1)).hasToString("0.2");
        assertThat(Interval.difference(2.87, 2.25)).hasToString("0.62");
    }

    @Test
    void aConstantSampleHasAZeroWidthInterval() {
        Interval i = Interval.of(List.of(0.7, 0.7, 0.7));
        assertThat(i.mean()).isEqualTo(0.7);
        assertThat(i.lower()).isEqualTo(0.7);
        assertThat(i.upper()).isEqualTo(0.7);
    }

    /** Values with at most four decimals (as summaries round shares): the mean is their decimal mean. */
    @Property(tries = 200)
    void theMeanIsTheDecimalMeanOfTheValuesAsWritten(
            @ForAll @Size(min = 1, max = 30)
                    List<@IntRange(min = -1_000_000, max = 1_000_000) Integer> tenThousandths) {
        List<Double> values = tenThousandths.stream().map(v -> v / 10_000.0).toList();
        BigDecimal sum =
                tenThousandths.stream().map(v -> BigDecimal.valueOf(v, 4)).reduce(BigDecimal.ZERO, BigDecimal::add);
        double expected = sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64)
                .doubleValue();
        assertThat(Interval.of(values).mean()).isEqualTo(expected);
    }
}
