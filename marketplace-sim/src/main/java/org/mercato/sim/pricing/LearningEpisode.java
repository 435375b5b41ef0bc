package org.mercato.sim.pricing;

import static org.mercato.sim.events.JsonLine.round6;
import static org.mercato.sim.pricing.PricingEvents.rounded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.PricingBlockEvent;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.events.PricingImpulseEvent;
import org.mercato.sim.random.Seeds;

/**
 * One learning episode on the analytic engine. Each period every firm chooses a grid price (firm
 * order), the profits come from the {@link ProfitTable}, then every firm learns. A counter of
 * consecutive periods in which no firm's greedy strategy changed stops the episode when it reaches
 * {@link Convergence#stable()}; {@link Convergence#maxPeriods()} caps it.
 *
 * <p>Converged play (Calvano): from the final state every firm plays its greedy price until a
 * state repeats; prices and profits are averaged over that cycle. An episode that did not converge
 * reports the means over its final block instead (the last {@code logEvery} periods, or fewer when
 * the cap is not a multiple of it). An impulse response is recorded for converged episodes only:
 * from the state where the cycle starts, the deviator plays its static best response on its grid
 * to the rivals' greedy prices of that period, then all play greedily, without exploring or
 * learning.
 *
 * <p>Events, in order: a {@code pricing_block} per {@code logEvery} periods (and one for a final
 * partial block), {@code pricing_episode}, then {@code pricing_impulse} if any. Memory is bounded
 * by the blocks: nothing is kept per period.
 */
public final class LearningEpisode {
    private final int episode;
    private final PricingGame game;
    private final ProfitTable table;
    private final List<PricingPolicy> policies;
    private final PricingPolicy[] firms;
    private final Convergence convergence;
    private final Impulse impulse;
    private final long logEvery;
    private final View[] views;
    private final int[] chosen;
    private Tape tape;

    LearningEpisode(
            int episode,
            PricingGame game,
            List<PricingPolicy> policies,
            Convergence convergence,
            Impulse impulse,
            long logEvery) {
        if (policies.size() != game.firms()) {
            throw new IllegalArgumentException(
                    "one policy per firm: " + game.firms() + " firms, " + policies.size() + " policies");
        }
        this.episode = episode;
        this.game = game;
        this.table = ProfitTable.of(game);
        this.policies = List.copyOf(policies);
        this.firms = policies.toArray(PricingPolicy[]::new);
        this.convergence = convergence;
        this.impulse = impulse;
        this.logEvery = logEvery;
        int retained = game.memory();
        for (PricingPolicy policy : policies) {
            retained = Math.max(retained, policy.history());
        }
        this.tape = new Tape(table, retained);
        this.views = new View[game.firms()];
        for (int i = 0; i < views.length; i++) {
            views[i] = new View(i);
        }
        this.chosen = new int[game.firms()];
    }

    /** Episode {@code episode} of a setup, firm i's policy on the stream {@code pricing/episode/<e>/firm/<i>}. */
    public static LearningEpisode of(PricingSetup setup, int episode) {
        List<PricingPolicy> policies = new ArrayList<>();
        for (int i = 0; i < setup.firms().size(); i++) {
            var random = Seeds.derive(setup.seed(), "pricing/episode/" + episode + "/firm/" + i);
            policies.add(setup.firms().get(i).create(i, setup.game(), random));
        }
        return new LearningEpisode(
                episode, setup.game(), policies, setup.convergence(), setup.impulse(), setup.logEvery());
    }

    /** How an episode ended and the events it writes, in order. */
    public record Outcome(
            int episode,
            long periods,
            boolean converged,
            double[] prices,
            double[] profits,
            double gain,
            List<Event> events) {}

    /** Runs the episode (once). */
    public Outcome run() {
        List<Event> events = new ArrayList<>();
        Block block = new Block(game.firms());
        boolean converged = learn(events, block);
        long periods = tape.periods();
        double[] prices = block.lastPrices;
        double[] profits = block.lastProfits;
        List<Event> tail = new ArrayList<>();
        if (converged) {
            Tape end = tape;
            tape = end.copy();
            List<Integer> cycle = greedyCycle();
            prices = means(cycle, table::price);
            profits = means(cycle, table::profit);
            if (impulse != null) {
                tail.add(impulseResponse());
            }
            tape = end;
        }
        double gain = game.benchmarks().gain(profits);
        events.add(
                new PricingEpisodeEvent(episode, periods, converged, rounded(prices), rounded(profits), round6(gain)));
        events.addAll(tail);
        return new Outcome(episode, periods, converged, prices, profits, gain, List.copyOf(events));
    }

    /** The learning periods, their blocks into {@code events}; returns whether the episode converged. */
    private boolean learn(List<Event> events, Block block) {
        long stableRun = 0;
        while (tape.periods() < convergence.maxPeriods()) {
            int state = tape.state();
            int profile = chooseProfile(false);
            tape.record(profile);
            boolean changed = false;
            for (int i = 0; i < firms.length; i++) {
                changed |= firms[i].learn(views[i], state, chosen[i], table.profit(profile, i));
            }
            block.add(profile);
            stableRun = changed ? 0 : stableRun + 1;
            long period = tape.periods();
            boolean converged = stableRun >= convergence.stable();
            boolean stop = converged || period >= convergence.maxPeriods();
            if (period - block.from == logEvery || (stop && period > block.from)) {
                events.add(block.close(period));
            }
            if (converged) {
                return true;
            }
        }
        return false;
    }

    private double[] means(List<Integer> profiles, ProfileValue value) {
        double[] means = new double[game.firms()];
        for (int profile : profiles) {
            for (int i = 0; i < means.length; i++) {
                means[i] += value.of(profile, i) / profiles.size();
            }
        }
        return means;
    }

    @FunctionalInterface
    private interface ProfileValue {
        double of(int profile, int firm);
    }

    /** The running sums of the open block and the means of the last closed one. */
    private final class Block {
        private final double[] prices;
        private final double[] profits;
        final double[] lastPrices;
        final double[] lastProfits;
        long from;

        Block(int firms) {
            prices = new double[firms];
            profits = new double[firms];
            lastPrices = new double[firms];
            lastProfits = new double[firms];
        }

        void add(int profile) {
            for (int i = 0; i < prices.length; i++) {
                prices[i] += table.price(profile, i);
                profits[i] += table.profit(profile, i);
            }
        }

        PricingBlockEvent close(long to) {
            double length = to - from;
            for (int i = 0; i < prices.length; i++) {
                lastPrices[i] = prices[i] / length;
                lastProfits[i] = profits[i] / length;
                prices[i] = 0;
                profits[i] = 0;
            }
            double epsilon = 0;
            for (PricingPolicy policy : firms) {
                epsilon = Math.max(epsilon, policy.exploration(to));
            }
            PricingBlockEvent event = new PricingBlockEvent(
                    episode, from, to, rounded(lastPrices), rounded(lastProfits), round6(epsilon));
            from = to;
            return event;
        }
    }

    /** Every firm's choice this period (greedy: without exploring) into {@code chosen}; returns the profile. */
    private int chooseProfile(boolean greedy) {
        for (int i = 0; i < chosen.length; i++) {
            PricingPolicy policy = firms[i];
            int a = greedy ? policy.greedy(views[i]) : policy.choose(views[i]);
            if (a < 0 || a >= table.size(i)) {
                throw new IllegalStateException("the " + policy.name() + " pricer of firm " + i + " chose price index "
                        + a + ", outside its grid of " + table.size(i));
            }
            chosen[i] = a;
        }
        return table.profile(chosen);
    }

    /**
     * Plays greedily from the current state until a state repeats and returns the profiles of the
     * cycle; leaves the tape at the cycle's first state. A policy whose greedy price depends on more
     * than the state may never repeat one: then all profiles played up to the cap are returned.
     */
    private List<Integer> greedyCycle() {
        long cap = Math.min(table.states(), 1_000_000L) + 1;
        Map<Integer, Integer> seen = new HashMap<>();
        List<Integer> played = new ArrayList<>();
        Tape start = tape.copy();
        while (played.size() <= cap) {
            Integer first = seen.putIfAbsent(tape.state(), played.size());
            if (first != null) {
                tape = start;
                for (int k = 0; k < first; k++) {
                    tape.record(played.get(k));
                }
                return played.subList(first, played.size());
            }
            int profile = chooseProfile(true);
            played.add(profile);
            tape.record(profile);
        }
        return played;
    }

    private PricingImpulseEvent impulseResponse() {
        List<List<Double>> rows = new ArrayList<>();
        rows.add(pricesOf(tape.profile(1)));
        int deviator = impulse.deviator();
        int shock = chooseProfile(true);
        shock = table.withAction(shock, deviator, table.bestResponse(shock, deviator));
        tape.record(shock);
        rows.add(pricesOf(shock));
        for (int k = 0; k < impulse.periods(); k++) {
            int profile = chooseProfile(true);
            tape.record(profile);
            rows.add(pricesOf(profile));
        }
        return new PricingImpulseEvent(episode, deviator, rows);
    }

    private List<Double> pricesOf(int profile) {
        double[] prices = new double[game.firms()];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = table.price(profile, i);
        }
        return rounded(prices);
    }

    /** The policies of this episode, in firm order (for tests and inspection after {@link #run()}). */
    List<PricingPolicy> policies() {
        return policies;
    }

    /** What firm {@code firm} sees: a window on the episode's current tape. */
    private final class View implements PricingView {
        private final int firm;

        View(int firm) {
            this.firm = firm;
        }

        @Override
        public long period() {
            return tape.periods();
        }

        @Override
        public int firm() {
            return firm;
        }

        @Override
        public PricingGame game() {
            return game;
        }

        @Override
        public int state() {
            return tape.state();
        }

        @Override
        public int history() {
            return tape.history();
        }

        @Override
        public int action(int firm, int lag) {
            return table.action(tape.profile(lag), firm);
        }

        @Override
        public double price(int firm, int lag) {
            return table.price(tape.profile(lag), firm);
        }

        @Override
        public double quantity(int lag) {
            return table.share(tape.profile(lag), firm);
        }

        @Override
        public double profit(int lag) {
            return table.profit(tape.profile(lag), firm);
        }
    }
}
