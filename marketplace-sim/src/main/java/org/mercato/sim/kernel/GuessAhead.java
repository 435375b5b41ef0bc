package org.mercato.sim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.mercato.sim.events.Event;
import org.mercato.sim.market.Market;
import org.mercato.sim.market.MarketOutput;
import org.mercato.sim.policy.GuessingAhead;
import org.mercato.sim.protocol.Action;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.schedule.Scheduled;

/**
 * The rolling kernel's guesses of what idle agents will get next, so slow policies can start on it
 * early. A round applies the queued items beyond the safe horizon, in order, to a {@link
 * Market#fork() forked market}, as if nothing else came first. A delivery to an idle agent is
 * offered to its policy: a {@link org.mercato.sim.policy.Prefetching} policy is shown its first one
 * (once); a {@link GuessingAhead} policy guesses its reaction and, once that is known (its model's
 * answer has come), the guessed actions join the fork's queue at the time the agent would take them
 * (next think times peeked from its own stream, next seqs), so their deliveries are guessed in
 * turn, several steps deep. While one of an agent's guesses is pending, its later deliveries are
 * still offered (their slow parts may not depend on it) but none of their actions are placed, as
 * their times and seqs depend on the pending ones. Nothing real is touched: a wrong guess wastes a
 * call, never changes an outcome. Each agent's chain of guesses is kept between rounds (re-asked
 * where the deliveries differ, and after a pending guess once it settles) and dropped when the
 * agent reacts for real.
 */
final class GuessAhead {
    private record Step(Delivery delivery, GuessingAhead.Guess guess) {}

    private final AgentRuntime[] agents;
    private final List<List<Step>> chains;
    private final Delivery[] prefetched;

    GuessAhead(AgentRuntime[] agents) {
        this.agents = agents;
        this.chains = new ArrayList<>(agents.length);
        for (int i = 0; i < agents.length; i++) {
            chains.add(null);
        }
        this.prefetched = new Delivery[agents.length];
    }

    /** Whether any agent's policy takes guesses. */
    static boolean wanted(AgentRuntime[] agents) {
        for (AgentRuntime agent : agents) {
            if (agent.prefetches()) {
                return true;
            }
        }
        return false;
    }

    /** The agent reacts for real now: its guesses started from a state that is about to change. */
    void reacting(int agent) {
        chains.set(agent, null);
    }

    /** One round over up to {@code limit} items (queued and guessed) not beyond {@code horizon}. */
    void round(Market fork, ScheduleQueue queue, long horizon, int limit, IntPredicate idle) {
        Round round = new Round(queue.copy(), idle);
        for (int n = 0; n < limit && !round.ahead.isEmpty() && round.ahead.peekTime() <= horizon; n++) {
            Scheduled item = round.ahead.poll();
            try {
                fork.apply(item, round);
            } catch (Market.CannotPredict e) {
                round.blocked[item.agent()] = true;
            }
        }
    }

    /** The fork's output for one round: deliveries become guesses, timers join the queue. */
    private final class Round implements MarketOutput {
        final ScheduleQueue ahead;
        final IntPredicate idle;
        final boolean[] blocked = new boolean[agents.length];
        /** A guess of the agent is still pending: later ones are still asked for, none scheduled. */
        final boolean[] unsure = new boolean[agents.length];

        final int[] steps = new int[agents.length];
        final int[] thinks = new int[agents.length];
        final long[] seqs = new long[agents.length];

        Round(ScheduleQueue ahead, IntPredicate idle) {
            this.ahead = ahead;
            this.idle = idle;
            Arrays.fill(seqs, -1);
        }

        @Override
        public long record(long time, Event event) {
            return 0;
        }

        @Override
        public void schedule(Scheduled item) {
            ahead.add(item);
        }

        @Override
        public void deliver(int agent, long time, Observation observation) {
            AgentRuntime runtime = agents[agent];
            if (blocked[agent] || !runtime.prefetches() || !idle.test(agent)) {
                blocked[agent] = true;
                return;
            }
            Delivery delivery = new Delivery(time, observation);
            if (!runtime.guessesAhead()) {
                blocked[agent] = true;
                if (!delivery.equals(prefetched[agent])) {
                    prefetched[agent] = delivery;
                    runtime.prefetch(delivery);
                }
                return;
            }
            GuessingAhead.Guess guess = guess(agent, delivery);
            if (guess == null) {
                blocked[agent] = true;
                return;
            }
            if (guess.actions() == null) {
                // its actions, and so where later ones go, are unknown: later guesses only send ahead
                unsure[agent] = true;
                return;
            }
            if (!unsure[agent] && !guess.actions().isEmpty()) {
                long at = time + runtime.networkDelay() + runtime.peekThinkTime(thinks[agent]++);
                long seq = seqs[agent] < 0 ? runtime.nextSeq() : seqs[agent];
                for (Action action : guess.actions()) {
                    ahead.add(new Scheduled.ActionAt(at, agent, seq++, action));
                }
                seqs[agent] = seq;
            }
        }

        /** The agent's next guess: kept from an earlier round when it saw the same deliveries. */
        private GuessingAhead.Guess guess(int agent, Delivery delivery) {
            List<Step> chain = chains.get(agent);
            if (chain == null) {
                chain = new ArrayList<>(4);
                chains.set(agent, chain);
            }
            int step = steps[agent]++;
            if (step < chain.size() && chain.get(step).delivery().equals(delivery)) {
                GuessingAhead.Guess kept = chain.get(step).guess();
                if (kept != null && kept.actions() == null) {
                    GuessingAhead.Guess now = agents[agent].recheck(kept);
                    if (now != kept) {
                        chain.set(step, new Step(delivery, now));
                        // the later guesses started from it while it was pending
                        chain.subList(step + 1, chain.size()).clear();
                    }
                    kept = now;
                }
                return kept;
            }
            chain.subList(step, chain.size()).clear();
            GuessingAhead.Guess from = step == 0 ? null : chain.get(step - 1).guess();
            GuessingAhead.Guess guess = agents[agent].guess(from, delivery);
            chain.add(new Step(delivery, guess));
            return guess;
        }
    }
}
