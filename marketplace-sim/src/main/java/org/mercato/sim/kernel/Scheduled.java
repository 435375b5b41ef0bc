package org.mercato.sim.kernel;

import java.util.Comparator;
import org.mercato.sim.protocol.Action;

/**
 * Something the kernel will apply at a virtual time: an agent's action or a wake-up it asked for.
 * The total order (time, agent, seq) is the kernel's ordering rule; seq is per agent.
 */
public sealed interface Scheduled {
    Comparator<Scheduled> ORDER = (a, b) -> {
        int byTime = Long.compare(a.time(), b.time());
        if (byTime != 0) {
            return byTime;
        }
        int byAgent = Integer.compare(a.agent(), b.agent());
        return byAgent != 0 ? byAgent : Long.compare(a.seq(), b.seq());
    };

    long time();

    int agent();

    long seq();

    record ActionAt(long time, int agent, long seq, Action action) implements Scheduled {}

    record WakeAt(long time, int agent, long seq) implements Scheduled {}
}
