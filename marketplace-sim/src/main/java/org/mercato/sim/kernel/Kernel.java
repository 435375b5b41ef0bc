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
 *
 * <p>With a parallel dispatcher the batches go out in chunks while the window is still being
 * applied (a quarter of the previous window's agents with deliveries, at least {@value
 * #MIN_CHUNK}), so agents work while the kernel applies the rest. An agent may then get a window's
 * deliveries as two or more batches, in order (the dispatcher keeps an agent's batches in sending
 * order), which it processes exactly as one. The window still waits for every batch before its
 * actions enter the queue.
 */
public final class Kernel implements MarketOutput {
    /**
     * The fewest agents with deliveries that make a chunk sent before the window is fully applied;
     * {@code -Dmercato.kernel.minChunk=N} changes it (tests use 1, so that agents often get one
     * window's deliveries in several batches).
     */
    static final int MIN_CHUNK = 64;

    private final Market market;
    private final AgentDispatcher dispatcher;
    private final long lookahead;
    private final long horizon;
    private final RecordedEvents events;
    private final KernelListener listener;
    private final ScheduleQueue queue = new ScheduleQueue();
    private final List<List<Delivery>> inbox;
    private final boolean chunked;
    private final List<AgentDispatcher.Replies> pending = new ArrayList<>();
    private final int minChunk = Integer.getInteger("mercato.kernel.minChunk", MIN_CHUNK);
    /** Agents with deliveries that make the next chunk (only timing depends on it, never outcomes). */
    private int chunk = minChunk;
    /** Batches sent in the current window so far, which sizes the next window's chunks. */
    private int windowAgents;

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
        this.chunked = dispatcher.parallel();
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
                if (chunked && touchedCount >= chunk) {
                    sendTouched();
                }
            }
            dispatchInbox();
            windows++;
            listener.windowDone(now, events.count());
        }
        events.finish();
        return new KernelStats(lookahead, windows, events.count(), deliveries, applied, now, queue.size());
    }

    private void dispatchInbox() {
        if (touchedCount > 0) {
            sendTouched();
        }
        events.publish();
        for (AgentDispatcher.Replies replies : pending) {
            for (List<Scheduled> actions : replies.join()) {
                for (Scheduled action : actions) {
                    if (action.time() < windowEnd) {
                        throw new IllegalStateException("an action landed inside its own window: " + action);
                    }
                    queue.add(action);
                }
            }
        }
        pending.clear();
        chunk = Math.max(minChunk, windowAgents / 4);
        windowAgents = 0;
    }

    /** Sends the batches gathered so far, in agent order, and empties the inbox. */
    private void sendTouched() {
        Arrays.sort(touched, 0, touchedCount);
        List<AgentBatch> batches = new ArrayList<>(touchedCount);
        for (int i = 0; i < touchedCount; i++) {
            int agent = touched[i];
            batches.add(new AgentBatch(agent, inbox.get(agent)));
            inbox.set(agent, null);
        }
        windowAgents += touchedCount;
        touchedCount = 0;
        pending.add(dispatcher.dispatch(batches));
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
