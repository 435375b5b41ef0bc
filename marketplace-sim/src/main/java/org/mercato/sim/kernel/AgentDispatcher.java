package org.mercato.sim.kernel;

import java.util.List;
import org.mercato.sim.schedule.Scheduled;

/** Runs the kernel's batches of deliveries on their agents. */
public interface AgentDispatcher extends AutoCloseable {
    /**
     * Starts every batch and returns at once (or when done, for a sequential dispatcher). Until it
     * needs the actions ({@link Replies#join()}), the kernel goes on applying the items that cannot
     * depend on them.
     */
    Replies dispatch(List<AgentBatch> batches);

    /** The actions of one dispatch; element {@code i} belongs to batch {@code i}. */
    @FunctionalInterface
    interface Replies {
        List<List<Scheduled>> join();

        /** Whether {@link #join()} would return (or throw) at once. */
        default boolean isDone() {
            return true;
        }
    }

    /**
     * Starts every batch and returns at once (or when done, for a sequential dispatcher); each
     * agent reports to {@code replies} under its batch's index. The rolling kernel's way.
     */
    void start(List<AgentBatch> batches, BatchReplies replies);

    /** Whether batches run on other threads (then the kernel writes events on a writer thread too). */
    default boolean parallel() {
        return false;
    }

    @Override
    default void close() {}
}
