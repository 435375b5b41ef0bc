package org.mercato.sim.kernel;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The rolling kernel's finished batches, handed from the agent threads to the kernel thread. The
 * kernel sleeps until a completion that can move its safe horizon arrives (the agent holding the
 * least bound, which it {@link #await watches}), an alert (a failure, a guess answered), or few
 * batches are left running; other completions queue up without a wake-up. Waking a thread per
 * finished batch cost more kernel-thread time than applying the items. Which completions are
 * filed together never changes the outcome (see {@link RollingKernel}), only how often the kernel
 * wakes.
 */
final class Completions<T> {
    /** Below this many running batches every completion wakes the kernel, so the agents never run dry. */
    static final int FEW_RUNNING = 8;

    @FunctionalInterface
    interface AgentOf<T> {
        int agent(T item);
    }

    private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean signal = new AtomicBoolean();
    private final AgentOf<T> agentOf;
    private volatile int watched = -1;
    private volatile Thread sleeper;

    Completions(AgentOf<T> agentOf) {
        this.agentOf = agentOf;
    }

    /** {@code batches} more batches are running. */
    void started(int batches) {
        running.addAndGet(batches);
    }

    /** A batch finished (on an agent thread). */
    void finished(T item) {
        items.add(item);
        if (running.decrementAndGet() <= FEW_RUNNING || agentOf.agent(item) == watched) {
            wake();
        }
    }

    /** Something the kernel must see at once (on any thread). */
    void alert(T item) {
        items.add(item);
        wake();
    }

    private void wake() {
        signal.set(true);
        Thread waiting = sleeper;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    /** The next queued completion, or null. */
    T poll() {
        return items.poll();
    }

    /**
     * Blocks until {@code agent}'s batch (the holder of the least bound, or -1) finishes, an alert
     * comes or few batches are left running; returns at once if that happened already.
     */
    void await(int agent) throws InterruptedException {
        watched = agent; // before the scan: a completion either sees it or is seen by the scan
        if (running.get() <= FEW_RUNNING && !items.isEmpty()) {
            return;
        }
        for (T item : items) {
            if (agentOf.agent(item) == agent) {
                return;
            }
        }
        sleeper = Thread.currentThread();
        try {
            while (!signal.getAndSet(false)) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            sleeper = null;
        }
    }
}
