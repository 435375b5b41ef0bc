package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mercato.sim.random.Gaussian;
import org.mercato.sim.random.Seeds;

class ThinkTimeTest {
    private static long[] samples(ThinkTime model, SplittableRandom random, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = model.sample(random);
        }
        return out;
    }

    @Test
    void fixedAlwaysReturnsItsValue() {
        ThinkTime fixed = ThinkTime.fixed(1_234);
        assertThat(samples(fixed, new SplittableRandom(1), 100)).containsOnly(1_234L);
        assertThat(fixed.minimum()).isEqualTo(1_234);
        assertThat(ThinkTime.fixed(0).minimum()).isZero();
        assertThatThrownBy(() -> ThinkTime.fixed(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uniformStaysWithinItsBoundsAndReachesBothEnds() {
        ThinkTime uniform = new ThinkTime.Uniform(5, 8);
        long[] values = samples(uniform, new SplittableRandom(2), 10_000);
        assertThat(values).containsOnly(5L, 6L, 7L, 8L);
        assertThat(values).contains(5L, 8L);
        assertThat(uniform.minimum()).isEqualTo(5);
    }

    @Test
    void uniformIsRoughlyFlat() {
        long[] values = samples(new ThinkTime.Uniform(1_000, 1_999), new SplittableRandom(3), 100_000);
        int[] buckets = new int[10];
        for (long v : values) {
            assertThat(v).isBetween(1_000L, 1_999L);
            buckets[(int) ((v - 1_000) / 100)]++;
        }
        for (int count : buckets) {
            assertThat(count).isBetween(9_000, 11_000);
        }
    }

    @Test
    void degenerateUniformReturnsItsValue() {
        assertThat(samples(new ThinkTime.Uniform(7, 7), new SplittableRandom(4), 50))
                .containsOnly(7L);
    }

    @Test
    void uniformRejectsBadBounds() {
        assertThatThrownBy(() -> new ThinkTime.Uniform(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThinkTime.Uniform(6, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logNormalNeverGoesBelowItsMinimum() {
        ThinkTime model = new ThinkTime.LogNormal(3_000, 50, 2.5);
        long[] values = samples(model, new SplittableRandom(5), 50_000);
        assertThat(Arrays.stream(values).min().orElseThrow()).isGreaterThanOrEqualTo(3_000L);
        assertThat(Arrays.stream(values).min().orElseThrow()).isLessThan(3_010); // it does get close to min
        assertThat(model.minimum()).isEqualTo(3_000);
    }

    @Test
    void logNormalMedianIsMinPlusMedian() {
        long[] values = samples(new ThinkTime.LogNormal(1_000, 20_000, 0.7), new SplittableRandom(6), 40_001);
        Arrays.sort(values);
        assertThat(values[values.length / 2]).isBetween(20_500L, 21_500L);
    }

    @Test
    void logNormalWithoutSpreadIsExact() {
        assertThat(samples(new ThinkTime.LogNormal(100, 2_500, 0), new SplittableRandom(7), 100))
                .containsOnly(2_600L);
    }

    @Test
    void logNormalRejectsBadParameters() {
        assertThatThrownBy(() -> new ThinkTime.LogNormal(-1, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThinkTime.LogNormal(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThinkTime.LogNormal(0, 10, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalKeysGiveEqualSampleSequences() {
        for (ThinkTime model :
                new ThinkTime[] {new ThinkTime.Uniform(0, 1_000_000), new ThinkTime.LogNormal(10, 5_000, 1.2)}) {
            assertThat(samples(model, Seeds.derive(9, "agent/c3/think"), 200))
                    .containsExactly(samples(model, Seeds.derive(9, "agent/c3/think"), 200));
        }
    }

    @Test
    void differentKeysGiveIndependentSampleSequences() {
        ThinkTime model = new ThinkTime.Uniform(0, 1_000_000_000);
        long[] a = samples(model, Seeds.derive(9, "agent/c3/think"), 1_000);
        long[] b = samples(model, Seeds.derive(9, "agent/c4/think"), 1_000);
        long[] c = samples(model, Seeds.derive(9, "agent/c3/policy"), 1_000);
        int equalAb = 0;
        int equalAc = 0;
        int aAboveB = 0;
        for (int i = 0; i < a.length; i++) {
            equalAb += a[i] == b[i] ? 1 : 0;
            equalAc += a[i] == c[i] ? 1 : 0;
            aAboveB += a[i] > b[i] ? 1 : 0;
        }
        assertThat(equalAb).isZero();
        assertThat(equalAc).isZero();
        assertThat(aAboveB).isBetween(430, 570); // a sign test: neither stream dominates the other
    }

    @Test
    void gaussianIsStandardNormal() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 100_000;
        double sum = 0;
        double squares = 0;
        int withinOne = 0;
        Set<Double> distinct = new HashSet<>();
        for (int i = 0; i < n; i++) {
            double g = Gaussian.next(random);
            assertThat(Double.isFinite(g)).isTrue();
            sum += g;
            squares += g * g;
            withinOne += Math.abs(g) <= 1 ? 1 : 0;
            distinct.add(g);
        }
        double mean = sum / n;
        assertThat(mean).isBetween(-0.02, 0.02);
        assertThat(squares / n - mean * mean).isBetween(0.97, 1.03);
        assertThat(withinOne / (double) n).isBetween(0.675, 0.69); // 68.27 %
        assertThat(distinct).hasSizeGreaterThan(n - 10);
    }

    @Test
    void minimumReactionIsNetworkDelayPlusMinimumThinkTime() {
        AgentRuntime runtime = AgentRuntime.assistant(
                0, "c0", (o, c) -> java.util.List.of(), new ThinkTime.LogNormal(700, 100, 1), 300, 1);
        assertThat(runtime.minimumReaction()).isEqualTo(1_000);
        assertThat(runtime.thinkTime()).isEqualTo(new ThinkTime.LogNormal(700, 100, 1));
        assertThat(runtime.index()).isZero();
    }
}
