package org.mercato.sim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.market.Market;
import org.mercato.sim.market.MarketOutput;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.schedule.Scheduled;

/**
 * The kernel with a bound per agent, for agents whose reactions take wall time (language models). Every
 * agent with unprocessed observations has a bound: no action of its can take effect before it. For
 * an agent that is idle when its batch is sent, the bound is the first delivery's time plus the
 * network delay plus its next think time (drawn in advance from its own stream, see {@link
 * AgentRuntime#peekThinkTime()}), or any later delivery's time plus its minimum reaction; a delivery
 * to an agent that is still busy adds its time plus the minimum reaction. The kernel applies every
 * queued item that lies before the least bound (the safe horizon), in the order (time, agent,
 * seq), sends the resulting deliveries at once to the agents that are idle, and whenever an agent
 * finishes it files the actions, sends it what queued up meanwhile (before applying what the batch
 * held back, so that a long batch's successor runs beside that pass) and moves the horizon on. So
 * calls of different windows overlap while the items are applied in exactly the order of the
 * windowed {@link Kernel}: nothing can arrive before the horizon, and an agent handles its
 * observations one at a time in order, however they are cut into batches. Outcomes do not depend
 * on thread timing; the {@code windows} it reports are the windows the windowed kernel would have
 * run.
 */
public final class RollingKernel implements MarketOutput {
    private static final long NONE = Long.MAX_VALUE;
    /** How many items (queued and guessed) a round of guesses applies at most. */
    private static final int GUESS_ITEMS = 4096;

    private final Market market;
    private final AgentDispatcher dispatcher;
    private final AgentRuntime[] agents;
    private final long lookahead;
    private final long horizon;
    private final RecordedEvents events;
    private final KernelListener listener;
    private final ScheduleQueue queue = new ScheduleQueue();
    private final List<List<Delivery>> inbox;
    private final boolean[] busy;
    private final long[] bound;
    private final long[] sentBound;
    private final long[] networkDelay;
    private final long[] minimumReaction;
    /** The agent's next think time while it is idle, -1 when not known yet. */
    private final long[] nextThink;

    private final BoundHeap bounds = new BoundHeap();
    private final GuessAhead guesses;
    private boolean guessing;
    /** Something a round of guesses would see differently: the queue, an answer, an agent now idle. */
    private boolean guessesStale;

    private final Completions<Finished> finished = new Completions<>(Finished::agent);
    private int[] ready = new int[64];
    private int readyCount;
    private int busyCount;
    private long safe = NONE;
    private long windowEnd = Long.MIN_VALUE;
    private long deliveries;
    private long applied;
    private long windows;
    private long now;

    private record Finished(int agent, List<Scheduled> actions, long nextThink, AgentFailedException failure) {}

    /** Not an agent finishing: a guess's answer came, so guessing can go deeper. */
    private static final Finished NUDGE = new Finished(-2, List.of(), -1, null);

    private final AtomicBoolean nudged = new AtomicBoolean();

    private void nudge() {
        if (nudged.compareAndSet(false, true)) {
            finished.alert(NUDGE);
        }
    }

    /** One dispatch's replies, turned into per-agent completions for the kernel thread. */
    private record Round(List<AgentBatch> batches, AgentRuntime[] agents, Completions<Finished> finished)
            implements BatchReplies {
        @Override
        public void complete(int slot, List<Scheduled> actions) {
            int agent = batches.get(slot).agent();
            // peeked here, where the agent's state is in this core's cache, not on the kernel's thread
            finished.finished(new Finished(agent, actions, agents[agent].peekThinkTime(), null));
        }

        @Override
        public void fail(AgentFailedException failure) {
            finished.alert(new Finished(-1, null, -1, failure));
        }
    }

    public RollingKernel(
            Market market,
            AgentDispatcher dispatcher,
            AgentRuntime[] agents,
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
        this.agents = agents.clone();
        this.lookahead = lookahead;
        this.horizon = horizon;
        this.events = new RecordedEvents(sinks, dispatcher.parallel());
        this.listener = listener;
        int n = agents.length;
        this.inbox = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inbox.add(null);
        }
        this.busy = new boolean[n];
        this.bound = new long[n];
        this.sentBound = new long[n];
        Arrays.fill(bound, NONE);
        this.networkDelay = new long[n];
        this.minimumReaction = new long[n];
        this.nextThink = new long[n];
        for (int i = 0; i < n; i++) {
            networkDelay[i] = agents[i].networkDelay();
            minimumReaction[i] = agents[i].minimumReaction();
        }
        Arrays.fill(nextThink, -1);
        this.guesses = new GuessAhead(this.agents);
        this.guessing = GuessAhead.wanted(agents);
        if (guessing) {
            Runnable nudge = this::nudge; // one listener, however many agents share a provider
            for (AgentRuntime agent : this.agents) {
                agent.whenAnswered(nudge);
            }
        }
    }

    public KernelStats run() {
        market.open(this);
        while (true) {
            applySafeItems();
            sendReady();
            events.publish();
            if (busyCount == 0) {
                if (queue.isEmpty() || queue.peekTime() > horizon) {
                    break;
                }
                continue;
            }
            if (guessing && guessesStale) {
                prefetchExpected();
            }
            awaitFinished();
            // Agents that finished with deliveries waiting start before the pass through what their
            // batches held back: their bounds are set already, so only the timing changes.
            sendReady();
        }
        listener.windowDone(now, events.count());
        events.finish();
        return new KernelStats(lookahead, windows, events.count(), deliveries, applied, now, queue.size());
    }

    private void applySafeItems() {
        while (!queue.isEmpty() && queue.peekTime() < safe && queue.peekTime() <= horizon) {
            Scheduled item = queue.poll();
            if (item.time() >= windowEnd) {
                if (windows > 0) {
                    listener.windowDone(now, events.count());
                }
                windows++;
                windowEnd = item.time() + lookahead;
            }
            now = item.time();
            applied++;
            market.apply(item, this);
        }
    }

    private void sendReady() {
        if (readyCount == 0) {
            return;
        }
        Arrays.sort(ready, 0, readyCount);
        List<AgentBatch> batches = new ArrayList<>(readyCount);
        for (int i = 0; i < readyCount; i++) {
            int agent = ready[i];
            batches.add(new AgentBatch(agent, inbox.get(agent)));
            inbox.set(agent, null);
            busy[agent] = true;
            nextThink[agent] = -1;
            if (guessing) {
                guesses.reacting(agent);
            }
            sentBound[agent] = bound[agent];
            busyCount++;
        }
        readyCount = 0;
        finished.started(batches.size());
        dispatcher.start(batches, new Round(batches, agents, finished));
    }

    /**
     * Speculation without risk ({@link GuessAhead}): idle agents' policies see what they will
     * probably get next, from a forked market, so slow ones can start before it is safe. The real
     * market, clocks and streams are untouched.
     */
    private void prefetchExpected() {
        guessesStale = false;
        Market fork = market.fork();
        if (fork == null) {
            guessing = false;
            return;
        }
        guesses.round(fork, queue, horizon, GUESS_ITEMS, agent -> !busy[agent] && inbox.get(agent) == null);
    }

    /**
     * Blocks until a finished batch can move the safe horizon (see {@link Completions}), then takes
     * every one already there.
     */
    private void awaitFinished() {
        try {
            bounds.least(this::isCurrent);
            finished.await(bounds.leastAgent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while agents were running", e);
        }
        for (Finished done = finished.poll(); done != null; done = finished.poll()) {
            if (done == NUDGE) {
                nudged.set(false);
                guessesStale = true;
            } else {
                file(done);
            }
        }
        safe = bounds.least(this::isCurrent);
    }

    private void file(Finished done) {
        if (done.failure() != null) {
            throw done.failure();
        }
        int agent = done.agent();
        nextThink[agent] = done.nextThink();
        long earliest = sentBound[agent];
        for (Scheduled action : done.actions()) {
            if (action.time() < earliest) {
                throw new IllegalStateException(
                        "an action landed before its agent's bound " + earliest + ": " + action);
            }
            queue.add(action);
        }
        guessesStale |= !done.actions().isEmpty();
        busy[agent] = false;
        busyCount--;
        List<Delivery> pending = inbox.get(agent);
        if (pending == null) {
            bound[agent] = NONE;
            // what queued up for it while it was busy can be guessed now, even if nothing else changes
            guessesStale |= guessing && agents[agent].prefetches();
        } else {
            // Idle again: its next think time is known, so the bound of what queued up gets tighter.
            bound[agent] = idleBound(agent, pending);
            bounds.add(bound[agent], agent);
            markReady(agent);
        }
    }

    private boolean isCurrent(long key, int agent) {
        return bound[agent] == key && (busy[agent] || inbox.get(agent) != null);
    }

    private long idleBound(int agent, List<Delivery> pending) {
        long think = nextThink[agent];
        if (think < 0) {
            think = agents[agent].peekThinkTime();
            nextThink[agent] = think;
        }
        long first = pending.get(0).time() + networkDelay[agent] + think;
        return pending.size() == 1 ? first : Math.min(first, pending.get(1).time() + minimumReaction[agent]);
    }

    private void markReady(int agent) {
        if (readyCount == ready.length) {
            ready = Arrays.copyOf(ready, ready.length * 2);
        }
        ready[readyCount++] = agent;
    }

    @Override
    public long record(long time, Event event) {
        return events.record(time, event);
    }

    @Override
    public void deliver(int agent, long time, Observation observation) {
        List<Delivery> batch = inbox.get(agent);
        boolean fresh = batch == null;
        if (fresh) {
            batch = new ArrayList<>(2);
            inbox.set(agent, batch);
        }
        batch.add(new Delivery(time, observation, events.count() - 1));
        deliveries++;
        long newBound;
        if (busy[agent]) {
            newBound = Math.min(bound[agent], time + minimumReaction[agent]);
        } else if (fresh) {
            newBound = idleBound(agent, batch);
            markReady(agent);
        } else {
            newBound = Math.min(bound[agent], time + minimumReaction[agent]);
        }
        if (newBound != bound[agent]) {
            bound[agent] = newBound;
            bounds.add(newBound, agent);
        }
        safe = Math.min(safe, newBound);
    }

    /** A wake-up or market timer; it may fall before the safe horizon, but never before now. */
    @Override
    public void schedule(Scheduled item) {
        if (item.time() < now) {
            throw new IllegalStateException("the market scheduled an item in the past (now " + now + "): " + item);
        }
        queue.add(item);
    }
}
