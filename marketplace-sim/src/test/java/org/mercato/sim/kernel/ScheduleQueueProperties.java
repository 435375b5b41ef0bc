package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.schedule.Scheduled;

/**
 * The bucketed queue takes items in exactly the order of one heap on {@link Scheduled#ORDER},
 * whatever the mix of adds and polls: items far apart and close together in virtual time, items
 * added into the bucket being taken, and copies read while the original moves on.
 */
class ScheduleQueueProperties {
    @Property(tries = 200)
    void pollsInTheOrderOfOneHeapUnderAnyMixOfAddsAndPolls(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int spanBuckets,
            @ForAll @IntRange(min = 1, max = 600) int steps) {
        SplittableRandom random = new SplittableRandom(seed);
        ScheduleQueue queue = new ScheduleQueue();
        PriorityQueue<Scheduled> reference = new PriorityQueue<>(Scheduled.ORDER);
        long[] nextSeq = new long[8];
        long now = 0;
        List<Scheduled> taken = new ArrayList<>();
        List<Scheduled> expected = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            if (!reference.isEmpty() && random.nextInt(3) == 0) {
                assertThat(queue.peekTime()).isEqualTo(reference.peek().time());
                Scheduled item = queue.poll();
                now = item.time();
                taken.add(item);
                expected.add(reference.poll());
                continue;
            }
            int agent = random.nextInt(nextSeq.length);
            long time = now + random.nextLong(spanBuckets * ScheduleQueue.BUCKET_MICROS);
            if (random.nextInt(4) == 0) {
                time = now + random.nextInt(3); // lands in the bucket being taken
            }
            Scheduled item = new Scheduled.ActionAt(time, agent, nextSeq[agent]++, new Wait(time));
            queue.add(item);
            reference.add(item);
            assertThat(queue.size()).isEqualTo(reference.size());
        }
        ScheduleQueue copy = queue.copy();
        List<Scheduled> rest = new ArrayList<>();
        while (!reference.isEmpty()) {
            expected.add(reference.poll());
        }
        while (!queue.isEmpty()) {
            Scheduled item = queue.poll();
            taken.add(item);
            rest.add(item);
        }
        assertThat(taken).containsExactlyElementsOf(expected);
        List<Scheduled> fromCopy = new ArrayList<>();
        while (!copy.isEmpty()) {
            fromCopy.add(copy.poll());
        }
        assertThat(fromCopy).containsExactlyElementsOf(rest);
    }
}
