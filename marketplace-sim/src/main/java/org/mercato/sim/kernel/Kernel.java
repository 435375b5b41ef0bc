package org.mercato.sim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.market.Market;
import org.mercato.sim.market.MarketOutput;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.schedule.Scheduled;

/**
 * The conservative-window kernel. A window starts at the earliest pending time t0 and takes every
 * scheduled item with time below t0 + L, where L (the lookahead) is the least delay between an
 * observation and the action it causes. Items are applied to the market in the order (time,
 * agent, per-agent seq); the agents that received something get their deliveries as batches, which
 * run in parallel on the dispatcher; their actions all land at least L after the deliveries that
 * caused them, so no window can affect itself. Outcomes therefore never depend on thread timing.
 *
 * <p>The window is a bound, not a barrier. Every batch sent carries its bound, its earliest
 * delivery's time plus L: none of its actions can land before it. The kernel applies each item
 * that lies before the least bound of the batches still running (and of the deliveries not sent
 * yet), so it goes on into the next window while the current window's last batches still run, and
 * waits only when the next item could depend on one of them. Items are therefore applied in
 * exactly the order of a kernel that waits at each window's end. With a parallel dispatcher the
 * deliveries go out in chunks while the kernel applies (a quarter of the previous window's agents
 * with deliveries, at least {@value #MIN_CHUNK}), and whenever it has to wait. An agent may get one
 * window's deliveries as two or more batches, in order (the dispatcher keeps an agent's batches in
 * sending order), which it processes exactly as one. The {@code windows} reported, and the
 * listener's window ends, are those of the windows defined above, whatever the timing.
 */
public final class Kernel implements MarketOutput {
    /**
     * The fewest agents with deliveries that make a chunk sent before the kernel has to wait; {@code
     * -Dmercato.kernel.minChunk=N} changes it (tests use 1, so that agents often get one window's
     * deliveries in several batches).
     */
    static final int MIN_CHUNK = 64;

    private static final long NONE = Long.MAX_VALUE;

    private final Market market;
    private final AgentDispatcher dispatcher;
    private final long lookahead;
    private final long horizon;
    private final RecordedEvents events;
    private final KernelListener listener;
    private final ScheduleQueue queue = new ScheduleQueue();
    private final List<List<Delivery>> inbox;
    private final boolean chunked;
    /** Batches sent whose actions are not filed yet. */
    private final List<Sent> running = new ArrayList<>();

    private final int minChunk = Integer.getInteger("mercato.kernel.minChunk", MIN_CHUNK);
    /** Agents with deliveries that make the next chunk (only timing depends on it, never outcomes). */
    private int chunk = minChunk;
    /** Batches sent in the current window so far, which sizes the next window's chunks. */
    private int windowAgents;

    private int[] touched = new int[64];
    private int touchedCount;
    /** The least bound of the deliveries not sent yet. */
    private long touchedBound = NONE;

    private long windowEnd = Long.MIN_VALUE;
    private long deliveries;
    private long applied;
    private long windows;
    private long now;

    /** One dispatch: its replies, and the time before which none of its actions can land. */
    private record Sent(AgentDispatcher.Replies replies, long bound) {}

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
        market.open(this);
        listener.windowDone(now, events.count());
        while (true) {
            applySafeItems();
            if (touchedCount > 0) {
                sendTouched();
            }
            events.publish();
            if (running.isEmpty()) {
                if (queue.isEmpty() || queue.peekTime() > horizon) {
                    break;
                }
                continue;
            }
            fileEarliest();
        }
        if (windows > 0) {
            listener.windowDone(now, events.count());
        }
        events.finish();
        return new KernelStats(lookahead, windows, events.count(), deliveries, applied, now, queue.size());
    }

    /** Applies every queued item before the least bound of the batches running and unsent. */
    private void applySafeItems() {
        long safe = touchedBound;
        for (Sent sent : running) {
            safe = Math.min(safe, sent.bound());
        }
        while (!queue.isEmpty()) {
            long next = queue.peekTime();
            if (next >= safe || next > horizon) {
                return;
            }
            Scheduled item = queue.poll();
            if (next >= windowEnd) {
                startWindow(next);
            }
            now = next;
            applied++;
            market.apply(item, this);
            safe = Math.min(safe, touchedBound);
            if (chunked && touchedCount >= chunk) {
                sendTouched();
            }
        }
    }

    private void startWindow(long start) {
        if (windows > 0) {
            listener.windowDone(now, events.count());
        }
        windows++;
        windowEnd = start + lookahead;
        chunk = Math.max(minChunk, windowAgents / 4);
        windowAgents = 0;
    }

    /** Waits for the running dispatch with the least bound, then files it and every other one done. */
    private void fileEarliest() {
        int least = 0;
        for (int i = 1; i < running.size(); i++) {
            if (running.get(i).bound() < running.get(least).bound()) {
                least = i;
            }
        }
        file(running.remove(least));
        for (Iterator<Sent> it = running.iterator(); it.hasNext(); ) {
            Sent sent = it.next();
            if (sent.replies().isDone()) {
                it.remove();
                file(sent);
            }
        }
    }

    private void file(Sent sent) {
        for (List<Scheduled> actions : sent.replies().join()) {
            for (Scheduled action : actions) {
                if (action.time() < sent.bound()) {
                    throw new IllegalStateException(
                            "an action landed before its batch's bound " + sent.bound() + ": " + action);
                }
                queue.add(action);
            }
        }
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
        running.add(new Sent(dispatcher.dispatch(batches), touchedBound));
        touchedBound = NONE;
    }

    /** Events are buffered and published whenever the kernel waits for agents (see {@link EventPipe}). */
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
        touchedBound = Math.min(touchedBound, time + lookahead);
    }

    /** A wake-up or market timer; it may fall before the bound of the running batches, but never before now. */
    @Override
    public void schedule(Scheduled item) {
        if (item.time() < now) {
            throw new IllegalStateException("the market scheduled an item in the past (now " + now + "): " + item);
        }
        queue.add(item);
    }
}
