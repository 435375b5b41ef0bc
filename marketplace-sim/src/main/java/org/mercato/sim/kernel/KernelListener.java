package org.mercato.sim.kernel;

/** Told after every window, on the kernel thread; for progress displays. */
@FunctionalInterface
public interface KernelListener {
    KernelListener NONE = (virtualTime, events) -> {};

    void windowDone(long virtualTime, long events);
}
