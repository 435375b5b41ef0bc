package org.mercato.sim.market;

import java.util.ArrayList;
import java.util.List;
import org.mercato.sim.events.Event;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.schedule.Scheduled;

/** A {@link MarketOutput} that keeps everything the market produced, in call order. */
final class RecordingOutput implements MarketOutput {
    record Recorded(long time, Event event) {}

    record Delivered(int agent, long time, Observation observation) {}

    final List<Recorded> events = new ArrayList<>();
    final List<Delivered> deliveries = new ArrayList<>();
    final List<Scheduled> scheduled = new ArrayList<>();
    private long recorded;

    @Override
    public long record(long time, Event event) {
        events.add(new Recorded(time, event));
        return recorded++;
    }

    @Override
    public void deliver(int agent, long time, Observation observation) {
        deliveries.add(new Delivered(agent, time, observation));
    }

    @Override
    public void schedule(Scheduled wake) {
        scheduled.add(wake);
    }

    void clear() {
        events.clear();
        deliveries.clear();
        scheduled.clear();
    }

    /** The only event recorded since the last {@link #clear()}; fails if there is not exactly one. */
    Event onlyEvent() {
        if (events.size() != 1) {
            throw new AssertionError("expected exactly one event, got " + events);
        }
        return events.get(0).event();
    }

    <E extends Event> List<E> eventsOf(Class<E> type) {
        List<E> out = new ArrayList<>();
        for (Recorded recorded : events) {
            if (type.isInstance(recorded.event())) {
                out.add(type.cast(recorded.event()));
            }
        }
        return out;
    }

    <O extends Observation> List<Delivered> deliveriesOf(Class<O> type) {
        List<Delivered> out = new ArrayList<>();
        for (Delivered delivered : deliveries) {
            if (type.isInstance(delivered.observation())) {
                out.add(delivered);
            }
        }
        return out;
    }
}
