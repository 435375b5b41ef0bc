package org.mercato.scenarios.run;

import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;

/** Remembers where a log ended: the next sequence number and the last virtual time. */
final class LogTail implements EventSink {
    private long nextSeq;
    private long lastTime;

    @Override
    public void accept(LoggedEvent event) {
        nextSeq = event.seq() + 1;
        lastTime = Math.max(lastTime, event.t());
    }

    long nextSeq() {
        return nextSeq;
    }

    long lastTime() {
        return lastTime;
    }
}
