package org.mercato.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LatencyRecorderProperties {
    @Property(tries = 300)
    void quantilesAreWithinOneBucketOfTheExactOnes(
            @ForAll @Size(min = 1, max = 300) List<@LongRange(min = 0, max = 5_000_000_000L) Long> nanos) {
        LatencyRecorder recorder = new LatencyRecorder();
        nanos.forEach(recorder::record);
        long[] micros = nanos.stream().mapToLong(n -> n / 1000).sorted().toArray();
        LatencySummary summary = recorder.summary();
        assertThat(summary.count()).isEqualTo(micros.length);
        assertClose(summary.medianMicros(), exact(micros, 0.50));
        assertClose(summary.p99Micros(), exact(micros, 0.99));
        assertClose(summary.maxMicros(), micros[micros.length - 1]);
    }

    @Property(tries = 1000)
    void everyValueFallsInTheBucketWhoseBoundsHoldIt(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 1000) long micros) {
        int bucket = LatencyRecorder.bucket(micros);
        assertThat(LatencyRecorder.lowerBound(bucket)).isLessThanOrEqualTo(micros);
        if (micros < (1L << 41)) {
            assertThat(LatencyRecorder.lowerBound(bucket + 1)).isGreaterThan(micros);
        }
    }

    @Test
    void anEmptyRecorderSaysSo() {
        assertThat(new LatencyRecorder().summary()).isEqualTo(LatencySummary.EMPTY);
        assertThat(LatencySummary.EMPTY.describe()).isEqualTo("no requests");
    }

    /** The value of rank ceil(q * n), as the recorder defines its quantiles. */
    private static long exact(long[] sorted, double q) {
        int rank = (int) Math.max(1, Math.ceil(q * sorted.length));
        return sorted[rank - 1];
    }

    /** Reported values are bucket lower bounds: at most the exact value, and under 1% (or 1 µs) below it. */
    private static void assertClose(long reported, long exact) {
        assertThat(reported).isLessThanOrEqualTo(exact);
        assertThat(exact - reported).isLessThanOrEqualTo(Math.max(0, exact / 128));
    }
}
