package org.mercato.scenarios.sweep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The throttle lets at most its limit through per key and window, and accounts for every line it held back. */
class LogThrottleTest {
    @Property(tries = 300)
    void everyLineIsPrintedOrCountedAndNoWindowPrintsMoreThanTheLimit(
            @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 2) Integer> keys,
            @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 3_000) Integer> gapsMillis,
            @ForAll @IntRange(min = 1, max = 5) int limit) {
        AtomicLong now = new AtomicLong();
        LogThrottle throttle = new LogThrottle(limit, Duration.ofSeconds(1), now::get);
        Map<String, Long> passed = new HashMap<>();
        Map<String, Long> heldBack = new HashMap<>();
        Map<String, Long> passedInWindow = new HashMap<>();
        Map<String, Long> windowStart = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            now.addAndGet(Duration.ofMillis(gapsMillis.isEmpty() ? 10 : gapsMillis.get(i % gapsMillis.size()))
                    .toNanos());
            String key = "k" + keys.get(i);
            windowStart.putIfAbsent(key, now.get());
            if (now.get() - windowStart.get(key) >= Duration.ofSeconds(1).toNanos()) {
                windowStart.put(key, now.get());
                passedInWindow.put(key, 0L);
            }
            LogThrottle.Decision decision = throttle.admit(key);
            if (decision.closed() != null) {
                heldBack.merge(decision.closed().key(), decision.closed().heldBack(), Long::sum);
            }
            if (decision.pass()) {
                passed.merge(key, 1L, Long::sum);
                assertThat(passedInWindow.merge(key, 1L, Long::sum)).isLessThanOrEqualTo(limit);
            }
        }
        throttle.drain().forEach(w -> heldBack.merge(w.key(), w.heldBack(), Long::sum));
        assertThat(throttle.drain()).isEmpty();
        long total = passed.values().stream().mapToLong(Long::longValue).sum()
                + heldBack.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(keys.size());
    }
}
