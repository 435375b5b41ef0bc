package org.mercato.metrics.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConcentrationFoldTest {
    @Test
    void sharesHhiTopKAndEntropy() {
        // sales a 60.00 (two payments), b 30.00, c 10.00: shares 60/30/10 %
        var result = new BiasEvents()
                .pay("p1", "x", "a", 4000)
                .pay("p2", "y", "b", 3000)
                .pay("p3", "z", "a", 2000)
                .pay("p4", "w", "c", 1000)
                .into(new ConcentrationFold())
                .result();

        assertThat(result.sellers()).isEqualTo(3);
        assertThat(result.sales()).isEqualByComparingTo("100.00");
        assertThat(result.hhi()).isEqualTo(4600.0); // 3600 + 900 + 100
        assertThat(result.top1Percent()).isEqualTo(60.0);
        assertThat(result.top3Percent()).isEqualTo(100.0);
        assertThat(result.top10Percent()).isEqualTo(100.0);
        // -(0.6 log2 0.6 + 0.3 log2 0.3 + 0.1 log2 0.1) = 1.295462
        assertThat(result.entropyBits()).isCloseTo(1.295462, within(1e-6));
    }

    @Test
    void aMonopolyAndAnEvenSplit() {
        var monopoly = new BiasEvents()
                .pay("p1", "x", "a", 500)
                .into(new ConcentrationFold())
                .result();
        assertThat(monopoly.hhi()).isEqualTo(10_000.0);
        assertThat(monopoly.entropyBits()).isZero();

        var even = new BiasEvents()
                .pay("p1", "x", "a", 500)
                .pay("p2", "x", "b", 500)
                .pay("p3", "x", "c", 500)
                .pay("p4", "x", "d", 500)
                .into(new ConcentrationFold())
                .result();
        assertThat(even.hhi()).isEqualTo(2500.0);
        assertThat(even.top1Percent()).isEqualTo(25.0);
        assertThat(even.top3Percent()).isEqualTo(75.0);
        assertThat(even.entropyBits()).isEqualTo(2.0);
    }

    @Test
    void noSalesNoBlock() {
        assertThat(new BiasEvents()
                        .pay("p", "x", "a", 0)
                        .into(new ConcentrationFold())
                        .result())
                .isNull();
    }
}
