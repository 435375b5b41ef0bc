package org.mercato.metrics.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.WaitEvent;

/** The times a run records as its log is written come back in log order, as the log would give them. */
class EventTimelineTest {
    @Test
    void givesBackEveryTimeInOrderWhateverTheSteps() {
        SplittableRandom random = new SplittableRandom(7);
        List<Long> times = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 100_000; i++) {
            int kind = random.nextInt(10);
            t = kind < 6
                    ? t
                    : kind < 8
                            ? t + random.nextInt(50)
                            : kind < 9 ? t - random.nextInt(1_000) : t + random.nextInt(1 << 30);
            times.add(t);
        }
        times.add(Long.MAX_VALUE / 2);
        times.add(-5L);
        times.add(0L);
        EventTimeline timeline = new EventTimeline();
        for (long time : times) {
            timeline.accept(new LoggedEvent(time, 0, new WaitEvent("a", 0)));
        }

        List<Long> back = new ArrayList<>();
        timeline.forEach(back::add);

        assertThat(back).containsExactlyElementsOf(times);
        assertThat(timeline.count()).isEqualTo(times.size());
        assertThat(timeline.latest()).isEqualTo(Long.MAX_VALUE / 2);
    }

    @Test
    void readFromALogItHoldsTheTimesOfItsLines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("events.jsonl");
        Files.writeString(
                log, "{\"t\":5,\"seq\":0}\n{\"t\":3,\"seq\":1}\n{\"seq\":2,\"t\":9000000000}\n{\"t\":9,\"seq\":3}\n");

        List<Long> back = new ArrayList<>();
        EventTimeline.read(log).forEach(back::add);

        assertThat(back).containsExactly(5L, 3L, 9_000_000_000L, 9L);
    }
}
