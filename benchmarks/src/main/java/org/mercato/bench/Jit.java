package org.mercato.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JIT compiler as a benchmark sees it: the time its threads spent so far, and a wait until it has
 * nothing left to compile. Setting up a run (parsing Pekko's configuration, spawning actors, building
 * the market) queues compilations that would otherwise run inside the timed part, on the cores a
 * parallel kernel needs, while a single-threaded loop leaves them a core of their own.
 */
final class Jit {
    private static final long POLL_MILLIS = 20;
    private static final int QUIET_POLLS = 5;
    private static final long MAX_WAIT_MILLIS = 3_000;

    private Jit() {}

    /** Milliseconds the JIT compiler threads spent so far (0 where the JVM does not say). */
    static long millis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /**
     * Waits until the compiler's time stood still for {@value #QUIET_POLLS} polls {@value
     * #POLL_MILLIS} ms apart, at most {@value #MAX_WAIT_MILLIS} ms; returns the milliseconds waited.
     */
    static long awaitQuiet() {
        long start = System.nanoTime();
        long last = millis();
        int quiet = 0;
        while (quiet < QUIET_POLLS && (System.nanoTime() - start) / 1_000_000 < MAX_WAIT_MILLIS) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = millis();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
