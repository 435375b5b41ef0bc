package org.mercato.sim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.market.Market;
import org.mercato.sim.market.MarketOutput;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.schedule.Scheduled;

/**
 * The conservative-window kernel. Each window starts at the earliest pending time t0 and takes
 * every scheduled item with time below t0 + L, where L (the lookahead) is the least delay between
 * an observation and the action it causes. Items are applied to the market in the order (time,
 * agent, per-agent seq); every agent that received something gets its deliveries as one batch;
 * batches run in parallel on the dispatcher; their actions all land at or after t0 + L, so no
 * window can affect itself. Outcomes therefore never depend on thread timing.
 */
public final class Kernel implements MarketOutput {
    private final Market market;
    private final AgentDispatcher dispatcher;
    private final long lookahead;
    private final long horizon;
    private final RecordedEvents events;
    private final KernelListener listener;
    private final ScheduleQueue queue = new ScheduleQueue();
    private final List<List<Delivery>> inbox;
    private int[] touched = new int[64];
    private int touchedCount;
    private long windowEnd;
    private long deliveries;
    private long applied;
    private long windows;
    private long now;

    public Kernel(
            Market market,
            AgentDispatcher dispatcher,
            long lookahead,
            long horizon,
            List<EventSink> sinks,
            KernelListener listener) {
        if (lookahead <= 0) {
            throw new IllegalArgumentException(
                    "the lookahead must be > 0: give agents a minimum think time or the network a delay");
        }
        this.market = market;
        this.dispatcher = dispatcher;
        this.lookahead = lookahead;
        this.horizon = horizon;
        this.events = new RecordedEvents(sinks, dispatcher.parallel());
        this.listener = listener;
        int agents = market.agents().size();
        this.inbox = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            inbox.add(null);
        }
    }

    public KernelStats run() {
        windowEnd = lookahead;
        market.open(this);
        dispatchInbox();
        listener.windowDone(now, events.count());
        while (!queue.isEmpty() && queue.peekTime() <= horizon) {
            long t0 = queue.peekTime();
            windowEnd = t0 + lookahead;
            while (!queue.isEmpty() && queue.peekTime() < windowEnd && queue.peekTime() <= horizon) {
                Scheduled item = queue.poll();
                now = item.time();
                applied++;
                market.apply(item, this);
            }
            dispatchInbox();
            windows++;
            listener.windowDone(now, events.count());
        }
        events.finish();
        return new KernelStats(lookahead, windows, events.count(), deliveries, applied, now, queue.size());
    }

    private void dispatchInbox() {
        if (touchedCount == 0) {
            events.publish();
            return;
        }
        Arrays.sort(touched, 0, touchedCount);
        List<AgentBatch> batches = new ArrayList<>(touchedCount);
        for (int i = 0; i < touchedCount; i++) {
            int agent = touched[i];
            batches.add(new AgentBatch(agent, inbox.get(agent)));
            inbox.set(agent, null);
        }
        touchedCount = 0;
        AgentDispatcher.Replies pending = dispatcher.dispatch(batches);
        events.publish();
        for (List<Scheduled> actions : pending.join()) {
            for (Scheduled action : actions) {
                if (action.time() < windowEnd) {
                    throw new IllegalStateException("an action landed inside its own window: " + action);
                }
                queue.add(action);
            }
        }
    }

    /** Events are buffered per window and published when its agents start (see {@link EventPipe}). */
    @Override
    public long record(long time, Event event) {
        return events.record(time, event);
    }

    @Override
    public void deliver(int agent, long time, Observation observation) {
        List<Delivery> batch = inbox.get(agent);
        if (batch == null) {
            batch = new ArrayList<>(2);
            inbox.set(agent, batch);
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touched.length * 2);
            }
            touched[touchedCount++] = agent;
        }
        batch.add(new Delivery(time, observation, events.count() - 1));
        deliveries++;
    }

    /** A wake-up or market timer; it may fall inside the current window, but never before now. */
    @Override
    public void schedule(Scheduled item) {
        if (item.time() < now) {
            throw new IllegalStateException("the market scheduled an item in the past (now " + now + "): " + item);
        }
        queue.add(item);
    }
}
