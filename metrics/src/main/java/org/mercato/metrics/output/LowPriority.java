package org.mercato.metrics.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the calling thread, so that a background writer runs on the cycles the
 * market's agents leave instead of taking half of them (20,000-customer quickstart on two cores:
 * 3.95 s against 4.04 s with the result tables, 6 alternating pairs). Java has no call for it; on
 * Linux a thread's nice value is its own, and {@code renice} given the thread's id sets it. Best
 * effort: elsewhere (no {@code /proc/thread-self}, no {@code renice}) the thread keeps its priority.
 * The system property {@value #PROPERTY} sets the nice value (0 leaves the thread alone).
 */
final class LowPriority {
    static final String PROPERTY = "mercato.tables.nice";
    private static final int DEFAULT_NICE = 10;
    private static final Logger log = LoggerFactory.getLogger(LowPriority.class);

    private LowPriority() {}

    /** Sets the calling thread's nice value to {@value #PROPERTY}'s (10 by default); true if it was set. */
    static boolean applyToCurrentThread() {
        return applyToCurrentThread(Integer.getInteger(PROPERTY, DEFAULT_NICE));
    }

    /** Sets the calling thread's nice value; true if it was set (0: leaves it alone, false). */
    static boolean applyToCurrentThread(int nice) {
        Path self = Path.of("/proc/thread-self");
        if (nice == 0 || !Files.isSymbolicLink(self)) {
            return false;
        }
        try {
            String threadId = Files.readSymbolicLink(self).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", threadId)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean set = renice.waitFor() == 0;
            if (!set) {
                log.debug("renice -n {} -p {} failed (exit {})", nice, threadId, renice.exitValue());
            }
            return set;
        } catch (IOException e) {
            log.debug(
                    "cannot lower the priority of thread {}: {}",
                    Thread.currentThread().getName(),
                    e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
