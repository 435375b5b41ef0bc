package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.mercato.gateway.wire.WireException;
import org.mercato.sim.protocol.Action;
import org.mercato.sim.protocol.Done;

/**
 * The exchange between the kernel's calls of external policies and the outside agents. A policy
 * call opens one {@link Turn} for its agent and blocks until the agent answers it, the group's
 * wall-clock turn timeout passes or the agent is {@link #gone}; the outside side (the HTTP/MCP
 * server, or a test's thread) {@link #poll}s for open turns and {@link #answer}s them. An answer
 * is decoded when it arrives: one the wire format cannot take is {@link Answer.Invalid} and the
 * turn stays open for another try. Each agent has at most one open turn (the kernel calls a
 * policy once at a time). A shopper that says done is done for good, unless the market has {@link
 * #returnVisits return visits}: then its done ends the visit, and its next turn is the start of its
 * next visit. Thread-safe; nothing here reaches the event log but the actions.
 */
public final class TurnDesk {
    static final String VISIT_OVER =
            "none is open: its visit is over (it said done); its next turn starts its next visit, if the market"
                    + " starts one";

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, GroupState> groups = new TreeMap<>();
    private final Map<String, AgentState> agents = new HashMap<>();
    private volatile boolean ended;
    private volatile boolean returnVisits;

    /** Adds a group; its name, agents and token must be new to this desk. */
    public void register(ExternalGroup group) {
        lock.lock();
        try {
            if (groups.containsKey(group.name())) {
                throw new IllegalArgumentException("external group " + group.name() + " is registered already");
            }
            for (GroupState other : groups.values()) {
                if (tokensEqual(other.group.token(), group.token())) {
                    throw new IllegalArgumentException("external group " + group.name() + " reuses a token");
                }
            }
            for (String agent : group.agentIds()) {
                if (agents.containsKey(agent)) {
                    throw new IllegalArgumentException(
                            "agent " + agent + " of external group " + group.name() + " is registered already");
                }
            }
            GroupState state = new GroupState(group, lock.newCondition());
            groups.put(group.name(), state);
            for (String agent : group.agentIds()) {
                agents.put(agent, new AgentState(agent, state));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the market starts a customer again after a visit ends ({@code market.dynamics.returns}):
     * then a shopper's done ends only its visit, and the agent waits, with no open turn, for the
     * turn that starts its next visit (or for the end of the run). Set before the market runs.
     */
    public void returnVisits(boolean on) {
        returnVisits = on;
    }

    /** See {@link #returnVisits(boolean)}. */
    public boolean returnVisits() {
        return returnVisits;
    }

    /** The registered groups, by name. */
    public List<ExternalGroup> groups() {
        return locked(() -> groups.values().stream().map(state -> state.group).toList());
    }

    /** The group whose token this is; every registered token is compared in constant time. */
    public Optional<ExternalGroup> groupOfToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        ExternalGroup found = null;
        for (ExternalGroup group : groups()) {
            if (tokensEqual(group.token(), token)) {
                found = group;
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean tokensEqual(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- the outside side

    /**
     * The group's open turns not handed out yet (only {@code agent}'s when given), in the group's
     * agent order, now handed out; waits up to {@code wait} for one to open. Empty on timeout and
     * once the run has ended.
     */
    public List<Turn> poll(ExternalGroup group, Optional<String> agent, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        lock.lockInterruptibly();
        try {
            GroupState state = state(group);
            state.connect();
            while (true) {
                if (ended) {
                    return List.of();
                }
                List<Turn> fresh = collect(state, agent, true);
                long left = deadline - System.nanoTime();
                if (!fresh.isEmpty() || left <= 0) {
                    return fresh;
                }
                state.arrived.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Every unanswered turn of the group (only {@code agent}'s when given), handed out or not: for a client that restarted. */
    public List<Turn> open(ExternalGroup group, Optional<String> agent) {
        lock.lock();
        try {
            GroupState state = state(group);
            state.connect();
            return ended ? List.of() : collect(state, agent, false);
        } finally {
            lock.unlock();
        }
    }

    private List<Turn> collect(GroupState state, Optional<String> agent, boolean freshOnly) {
        List<Turn> out = new ArrayList<>();
        for (String id : state.group.agentIds()) {
            if (agent.isPresent() && !agent.get().equals(id)) {
                continue;
            }
            OpenTurn open = agents.get(id).open;
            if (open != null && !(freshOnly && open.handedOut)) {
                open.handedOut = true;
                out.add(open.turn);
            }
        }
        return out;
    }

    /**
     * Answers the agent's open turn {@code turnNumber} with {@code actions} (the wire format). Which
     * group may act for the agent is the caller's check.
     */
    public Answer answer(String agent, long turnNumber, List<JsonNode> actions) {
        lock.lock();
        try {
            if (ended) {
                return new Answer.Ended();
            }
            AgentState state = agents.get(agent);
            if (state == null) {
                return new Answer.NotOpen("no external agent " + agent);
            }
            state.group.connect();
            if (state.doneReason != null) {
                return new Answer.NotOpen("agent " + agent + " is done (" + state.doneReason + ")");
            }
            OpenTurn open = state.open;
            if (open == null || open.turn.number() != turnNumber) {
                String current = open != null
                        ? "its open turn is " + open.turn.number()
                        : state.visitOver ? VISIT_OVER : "none is open";
                return new Answer.NotOpen(
                        "turn " + turnNumber + " of agent " + agent + " is not open (" + current + ")");
            }
            List<? extends Action> decoded;
            try {
                decoded = open.decoder.decode(actions);
            } catch (WireException e) {
                return new Answer.Invalid(e.getMessage());
            }
            state.open = null;
            if (decoded.stream().anyMatch(Done.class::isInstance)) {
                if (returnVisits) {
                    state.visitOver = true;
                } else {
                    state.doneReason = "it said done";
                }
            }
            open.result.complete(new TurnOutcome.Answered(actions, List.copyOf(decoded)));
            return new Answer.Accepted();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the agent said done in a market with {@link #returnVisits return visits} and has had no
     * turn since: its visit is over, and its next turn, if the market starts another visit, is that
     * visit's start.
     */
    public boolean visitOver(String agent) {
        return locked(() -> {
            AgentState state = agents.get(agent);
            return state != null && state.visitOver && state.doneReason == null && !ended;
        });
    }

    /** Why the agent takes no more turns (it said done in a market without return visits, timed out, is gone), if so. */
    public Optional<String> doneWhy(String agent) {
        return locked(() -> {
            AgentState state = agents.get(agent);
            return state == null || state.doneReason == null
                    ? Optional.<String>empty()
                    : Optional.of("agent " + agent + " is done (" + state.doneReason + ")");
        });
    }

    /** Whether the market has finished; then polls are empty and answers {@link Answer.Ended}. */
    public boolean ended() {
        return ended;
    }

    /** The group made its first authenticated request (later calls change nothing). */
    public void markConnected(ExternalGroup group) {
        lock.lock();
        try {
            state(group).connect();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the group has connected. */
    public boolean connected(ExternalGroup group) {
        return stateOf(group).connected.getCount() == 0;
    }

    /** Waits up to {@code timeout} for the group's first request; whether it came. */
    public boolean awaitConnected(ExternalGroup group, Duration timeout) throws InterruptedException {
        return stateOf(group).connected.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The group's process exited or disconnected ({@code why}, e.g. "exited with code 1"): its open
     * turns, and every turn opened later, end the agents with {@code external-gone}.
     */
    public void gone(ExternalGroup group, String why) {
        lock.lock();
        try {
            GroupState state = state(group);
            if (state.goneWhy == null) {
                state.goneWhy = why;
            }
            for (String id : state.group.agentIds()) {
                AgentState agent = agents.get(id);
                close(agent, new TurnOutcome.Gone(state.goneWhy));
            }
            state.arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The market has finished: open turns end as gone, pollers return, later answers are {@link Answer.Ended}. */
    public void end() {
        lock.lock();
        try {
            ended = true;
            for (AgentState agent : agents.values()) {
                close(agent, new TurnOutcome.Gone("the run ended"));
            }
            groups.values().forEach(state -> state.arrived.signalAll());
        } finally {
            lock.unlock();
        }
    }

    private static void close(AgentState agent, TurnOutcome outcome) {
        OpenTurn open = agent.open;
        if (open != null) {
            agent.open = null;
            open.result.complete(outcome);
        }
    }

    // ---------------------------------------------------------------- the policy side

    /**
     * Opens turn {@code number} of {@code agent} and waits for its outcome, up to the group's turn
     * timeout (wall clock). After a timeout or when gone the agent is done on this desk: later answers
     * are {@link Answer.NotOpen}.
     */
    TurnOutcome take(String agent, long number, long time, List<JsonNode> observations, TurnDecoder decoder)
            throws InterruptedException {
        AgentState state;
        OpenTurn open;
        lock.lock();
        try {
            state = agents.get(agent);
            if (state == null) {
                throw new IllegalArgumentException("no external agent " + agent);
            }
            if (state.group.goneWhy != null) {
                state.doneReason = "gone";
                return new TurnOutcome.Gone(state.group.goneWhy);
            }
            if (ended) {
                return new TurnOutcome.Gone("the run ended");
            }
            open = new OpenTurn(new Turn(agent, number, time, observations), decoder);
            state.open = open;
            state.doneReason = null;
            state.visitOver = false;
            state.group.arrived.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            return open.result.get(state.group.group.turnTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lock.lock();
            try {
                if (open.result.isDone()) {
                    return open.result.join();
                }
                state.open = null;
                state.doneReason = "timed out";
                return new TurnOutcome.TimedOut();
            } finally {
                lock.unlock();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            lock.lock();
            try {
                if (state.open == open) {
                    state.open = null;
                }
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    /** The agent is done on this desk ({@code why}): later answers are {@link Answer.NotOpen}. */
    void finish(String agent, String why) {
        lock.lock();
        try {
            AgentState state = agents.get(agent);
            if (state != null) {
                close(state, new TurnOutcome.Gone(why));
                state.doneReason = why;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The group of a registered agent, or empty. */
    public Optional<ExternalGroup> groupOf(String agent) {
        return locked(() -> Optional.ofNullable(agents.get(agent)).map(state -> state.group.group));
    }

    private GroupState state(ExternalGroup group) {
        GroupState state = groups.get(group.name());
        if (state == null || !state.group.equals(group)) {
            throw new IllegalArgumentException("external group " + group.name() + " is not registered here");
        }
        return state;
    }

    private GroupState stateOf(ExternalGroup group) {
        return locked(() -> state(group));
    }

    /** What {@code read} returns, read under the desk's lock. */
    private <T> T locked(java.util.function.Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    private static final class GroupState {
        final ExternalGroup group;
        final Condition arrived;
        final CountDownLatch connected = new CountDownLatch(1);
        String goneWhy;

        GroupState(ExternalGroup group, Condition arrived) {
            this.group = group;
            this.arrived = arrived;
        }

        void connect() {
            connected.countDown();
        }
    }

    private static final class AgentState {
        final String id;
        final GroupState group;
        OpenTurn open;
        /** Why the agent takes no more answers (it said done, timed out, is gone); null while it acts. */
        String doneReason;
        /** It said done in a market with return visits and has had no turn since. */
        boolean visitOver;

        AgentState(String id, GroupState group) {
            this.id = id;
            this.group = group;
        }
    }

    private static final class OpenTurn {
        final Turn turn;
        final TurnDecoder decoder;
        final CompletableFuture<TurnOutcome> result = new CompletableFuture<>();
        boolean handedOut;

        OpenTurn(Turn turn, TurnDecoder decoder) {
            this.turn = turn;
            this.decoder = decoder;
        }
    }
}
