package org.mercato.sim.events;

/** Receives every event of a run, in log order, on the kernel's thread. */
public interface EventSink extends AutoCloseable {
    void accept(LoggedEvent event);

    @Override
    default void close() {}
}
