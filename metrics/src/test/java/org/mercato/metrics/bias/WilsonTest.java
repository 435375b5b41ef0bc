package org.mercato.metrics.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Against Newcombe (1998), Stat. Med. 17:857-872, Table II, method 3 (score, no continuity correction). */
class WilsonTest {
    private static void assertInterval(long x, long n, double lower, double upper) {
        Wilson.Interval ci = Wilson.interval(x, n);
        assertThat(ci.lower()).as("%d/%d lower", x, n).isCloseTo(lower, within(5e-5));
        assertThat(ci.upper()).as("%d/%d upper", x, n).isCloseTo(upper, within(5e-5));
    }

    @Test
    void newcombesExamples() {
        assertInterval(81, 263, 0.2553, 0.3662);
        assertInterval(15, 148, 0.0624, 0.1605);
        assertInterval(0, 20, 0.0, 0.1611);
        assertInterval(1, 29, 0.0061, 0.1718);
    }

    @Test
    void tenTrials() {
        assertInterval(0, 10, 0.0, 0.2775);
        assertInterval(5, 10, 0.2366, 0.7634);
        assertInterval(10, 10, 0.7225, 1.0);
        assertThat(Wilson.interval(0, 10).lower()).isZero();
        assertThat(Wilson.interval(10, 10).upper()).isEqualTo(1.0);
    }

    @Test
    void symmetricInTheComplement() {
        Wilson.Interval a = Wilson.interval(3, 17);
        Wilson.Interval b = Wilson.interval(14, 17);
        assertThat(a.lower()).isCloseTo(1 - b.upper(), within(1e-12));
        assertThat(a.upper()).isCloseTo(1 - b.lower(), within(1e-12));
    }

    @Test
    void noTrialsIsAnError() {
        assertThatThrownBy(() -> Wilson.interval(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wilson.interval(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
