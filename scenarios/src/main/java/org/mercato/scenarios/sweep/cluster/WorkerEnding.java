package org.mercato.scenarios.sweep.cluster;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a worker node saw before it stopped, written from its actors and read once its actor system
 * has terminated: whether it joined, whether the coordinator said the sweep is done, or refused it.
 */
final class WorkerEnding {
    final AtomicBoolean joined = new AtomicBoolean();
    final AtomicBoolean sweepDone = new AtomicBoolean();
    final AtomicReference<String> refusal = new AtomicReference<>();

    WorkerNode.Ending reason() {
        if (refusal.get() != null) {
            return WorkerNode.Ending.REFUSED;
        }
        if (sweepDone.get()) {
            return WorkerNode.Ending.SWEEP_DONE;
        }
        return joined.get() ? WorkerNode.Ending.REMOVED : WorkerNode.Ending.NEVER_JOINED;
    }
}
