package org.mercato.sim.kernel;

import java.util.List;

/** Runs one window's batches on their agents. Result {@code i} holds the actions of batch {@code i}. */
public interface AgentDispatcher extends AutoCloseable {
    List<List<Scheduled>> dispatch(List<AgentBatch> batches);

    @Override
    default void close() {}
}
