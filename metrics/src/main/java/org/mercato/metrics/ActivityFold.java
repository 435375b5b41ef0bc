package org.mercato.metrics;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.RejectionEvent;

/** Counts events by type and rejections by reason; remembers the last virtual time seen. */
public final class ActivityFold implements EventSink {
    private final SortedMap<String, Long> byType = new TreeMap<>();
    private final SortedMap<String, Long> rejections = new TreeMap<>();
    private long events;
    private long lastTime;

    @Override
    public void accept(LoggedEvent logged) {
        events++;
        lastTime = Math.max(lastTime, logged.t());
        byType.merge(logged.event().type(), 1L, Long::sum);
        if (logged.event() instanceof RejectionEvent rejection) {
            rejections.merge(rejection.reason().label(), 1L, Long::sum);
        }
    }

    public long events() {
        return events;
    }

    public long lastTime() {
        return lastTime;
    }

    public long count(String type) {
        return byType.getOrDefault(type, 0L);
    }

    public Map<String, Long> byType() {
        return byType;
    }

    public Map<String, Long> rejections() {
        return rejections;
    }
}
