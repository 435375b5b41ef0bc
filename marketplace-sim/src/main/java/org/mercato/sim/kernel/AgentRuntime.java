package org.mercato.sim.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.GuessingAhead;
import org.mercato.sim.policy.Prefetching;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.Action;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.random.Seeds;
import org.mercato.sim.schedule.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's policy with its clock, random streams and action counter. It turns a batch of
 * deliveries into scheduled actions: the actions caused by one observation take effect together,
 * after the network delay plus one sampled think time, each with the next per-agent sequence number.
 * Everything is per observation, in order (the policy, the think-time draw, the seq), so how the
 * deliveries are cut into batches never changes the result. Only one thread at a time
 * touches a runtime: the agent's actor, or the kernel thread in the bare loop.
 */
public final class AgentRuntime implements AgentContext {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);
    /** Until an agent's first peek (the rolling kernel's): a million agents need no ring each. */
    private static final long[] NOTHING_DRAWN = new long[0];

    @FunctionalInterface
    private interface Reactor {
        List<? extends Action> react(Observation observation, AgentContext context);
    }

    private final int index;
    private final String id;
    private final Reactor reactor;
    private final Prefetching prefetching;
    private final GuessingAhead guessing;
    private final ThinkTime thinkTime;
    private final long networkDelay;
    private final SplittableRandom policyRandom;
    private final SplittableRandom thinkRandom;
    private long now;
    private long seq = -1;
    private long nextSeq;
    /** Think times drawn ahead, oldest first, in a ring: peeking draws in stream order. */
    private long[] drawn = NOTHING_DRAWN;

    private int drawnHead;
    private int drawnCount;

    private AgentRuntime(
            int index,
            String id,
            Reactor reactor,
            Object policy,
            ThinkTime thinkTime,
            long networkDelay,
            long masterSeed) {
        this.index = index;
        this.id = id;
        this.reactor = reactor;
        this.prefetching = policy instanceof Prefetching p && p.wantsGuesses() ? p : null;
        this.guessing = prefetching instanceof GuessingAhead g ? g : null;
        this.thinkTime = thinkTime;
        this.networkDelay = networkDelay;
        this.policyRandom = Seeds.derive(masterSeed, "agent/" + id + "/policy");
        this.thinkRandom = Seeds.derive(masterSeed, "agent/" + id + "/think");
    }

    public static AgentRuntime assistant(
            int index, String id, AssistantPolicy policy, ThinkTime thinkTime, long networkDelay, long masterSeed) {
        return new AgentRuntime(index, id, policy::onObservation, policy, thinkTime, networkDelay, masterSeed);
    }

    public static AgentRuntime service(
            int index, String id, ServicePolicy policy, ThinkTime thinkTime, long networkDelay, long masterSeed) {
        return new AgentRuntime(index, id, policy::onObservation, policy, thinkTime, networkDelay, masterSeed);
    }

    /** Whether the policy can start a reaction ahead ({@link Prefetching}). */
    public boolean prefetches() {
        return prefetching != null;
    }

    /**
     * Lets a {@link Prefetching} policy start on the delivery it is expected to get next. Changes
     * nothing here (clock, streams, seq), and a failing guess is only logged: prefetching is a
     * speed-up, never part of the outcome. Call only while the agent is idle.
     */
    public void prefetch(Delivery expected) {
        if (prefetching == null) {
            return;
        }
        try {
            prefetching.prefetch(expected.observation(), new Ahead(expected.time()));
        } catch (RuntimeException e) {
            LOG.debug("agent {} could not prefetch: {}", id, e.toString());
        }
    }

    /** Whether the policy can also guess its reactions ({@link GuessingAhead}). */
    public boolean guessesAhead() {
        return guessing != null;
    }

    /** The policy's guess of its reaction to {@code expected}, from {@code after}; null if it fails. */
    public GuessingAhead.Guess guess(GuessingAhead.Guess after, Delivery expected) {
        try {
            return guessing.guess(after, expected.observation(), new Ahead(expected.time()));
        } catch (RuntimeException e) {
            LOG.debug("agent {} could not guess ahead: {}", id, e.toString());
            return null;
        }
    }

    /** Has {@code listener} called whenever a guess's slow part finishes (a guessing policy only). */
    public void whenAnswered(Runnable listener) {
        if (guessing != null) {
            guessing.whenAnswered(listener);
        }
    }

    /** A pending guess again; null if it fails. */
    public GuessingAhead.Guess recheck(GuessingAhead.Guess pending) {
        try {
            return guessing.recheck(pending);
        } catch (RuntimeException e) {
            LOG.debug("agent {} could not guess ahead: {}", id, e.toString());
            return null;
        }
    }

    /** The context of a guess: no randomness, since a draw would shift the agent's real stream. */
    private final class Ahead implements AgentContext {
        private final long at;

        Ahead(long at) {
            this.at = at;
        }

        @Override
        public String self() {
            return id;
        }

        @Override
        public long now() {
            return at;
        }

        @Override
        public SplittableRandom random() {
            throw new UnsupportedOperationException("a policy must not draw randomness while prefetching");
        }
    }

    public int index() {
        return index;
    }

    public ThinkTime thinkTime() {
        return thinkTime;
    }

    /** Smallest delay between an observation and the action it causes. */
    public long minimumReaction() {
        return networkDelay + thinkTime.minimum();
    }

    /**
     * The think time the next acting observation will take. Samples come from the agent's own
     * stream in a fixed order whether drawn early or late, so peeking changes no outcome; the
     * rolling kernel uses it as the agent's exact lookahead. Call only while the agent is idle.
     */
    public long peekThinkTime() {
        return peekThinkTime(0);
    }

    /** The think time of the acting observation {@code ahead} after the next one (0: the next). */
    public long peekThinkTime(int ahead) {
        while (drawnCount <= ahead) {
            if (drawnCount == drawn.length) {
                long[] bigger = new long[Math.max(4, drawn.length * 2)];
                for (int i = 0; i < drawnCount; i++) {
                    bigger[i] = drawn[(drawnHead + i) % drawn.length];
                }
                drawn = bigger;
                drawnHead = 0;
            }
            drawn[(drawnHead + drawnCount) % drawn.length] = thinkTime.sample(thinkRandom);
            drawnCount++;
        }
        return drawn[(drawnHead + ahead) % drawn.length];
    }

    public long networkDelay() {
        return networkDelay;
    }

    @Override
    public long actsAt() {
        // the think time of this observation is drawn already (peeked), taken once the policy returns
        return now + networkDelay + peekThinkTime(0);
    }

    private long takeThinkTime() {
        if (drawnCount == 0) {
            // nothing peeked: the stream's next sample, as a peek would have drawn it
            return thinkTime.sample(thinkRandom);
        }
        long think = peekThinkTime(0);
        drawnHead = (drawnHead + 1) % drawn.length;
        drawnCount--;
        return think;
    }

    /** The seq the agent's next action will get. */
    public long nextSeq() {
        return nextSeq;
    }

    /** Handles the deliveries in order; a policy that throws fails the run as {@link AgentFailedException}. */
    public List<Scheduled> process(List<Delivery> deliveries) {
        try {
            return react(deliveries);
        } catch (AgentFailedException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // Errors too (an assertion, a stack overflow): the run must fail, not hang its window.
            throw new AgentFailedException(id, e);
        }
    }

    private List<Scheduled> react(List<Delivery> deliveries) {
        List<Scheduled> out = new ArrayList<>(2);
        for (Delivery delivery : deliveries) {
            now = delivery.time();
            seq = delivery.seq();
            List<? extends Action> actions = reactor.react(delivery.observation(), this);
            if (actions == null) {
                continue;
            }
            if (actions.isEmpty()) {
                continue;
            }
            // One decision, one think time: the actions an observation causes land together, in order.
            long effective = now + networkDelay + takeThinkTime();
            for (Action action : actions) {
                out.add(new Scheduled.ActionAt(effective, index, nextSeq++, action));
            }
        }
        return out;
    }

    @Override
    public String self() {
        return id;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public SplittableRandom random() {
        return policyRandom;
    }

    @Override
    public long seq() {
        return seq;
    }
}
