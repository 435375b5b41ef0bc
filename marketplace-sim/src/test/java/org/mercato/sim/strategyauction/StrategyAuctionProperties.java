package org.mercato.sim.strategyauction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The SALE mechanism on generated instances: bidders with coarse prices, plan lengths and
 * qualities (so ties happen), refinements that may be better or worse than the first bid, and a
 * jury that scores 5 · quality per juror.
 */
class StrategyAuctionProperties {
    private static final Task TASK = new Task("t1", "c1", 0.5, "plan a delivery route");

    /** A bidder whose first and refined plans are given. */
    record ScriptedBidder(String id, String bidderClass, double pricePerToken, Plan first, Plan second)
            implements StrategyBidder {
        @Override
        public Plan plan(Task task) {
            return first;
        }

        @Override
        public Plan refine(Task task, Plan own, Plan provisionalWinner, List<MemoryEntry> similar) {
            return second;
        }

        @Override
        public boolean execute(Task task, Plan plan) {
            return plan.quality() >= 0.5;
        }
    }

    /** Each juror scores 5 · quality; the round does not matter. */
    record QualityJury(int jurors) implements Jury {
        @Override
        public List<Double> judge(Task task, String bidder, Plan plan, int round) {
            return Collections.nCopies(jurors, 5 * plan.quality());
        }
    }

    record Instance(List<ScriptedBidder> bidders, ScoreWeights weights) {}

    @Provide
    Arbitrary<Instance> instances() {
        Arbitrary<Plan> plans = Combinators.combine(
                        Arbitraries.integers().between(1, 300),
                        Arbitraries.of(0.0, 1.0, 2.5),
                        Arbitraries.of(0.0, 0.25, 0.5, 0.75, 1.0))
                .as((tokens, entropy, quality) -> new Plan("p", tokens, entropy, quality));
        Arbitrary<ScriptedBidder> bidders = Combinators.combine(
                        Arbitraries.of("small", "large"), Arbitraries.of(0.1, 0.5, 1.0, 3.0), plans, plans)
                .as((cls, price, first, second) -> new ScriptedBidder("?", cls, price, first, second));
        Arbitrary<List<ScriptedBidder>> pools = bidders.list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(list -> {
                    List<ScriptedBidder> named = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        ScriptedBidder b = list.get(i);
                        named.add(
                                new ScriptedBidder("b" + i, b.bidderClass(), b.pricePerToken(), b.first(), b.second()));
                    }
                    Collections.reverse(named);
                    return named;
                });
        Arbitrary<ScoreWeights> weights = Combinators.combine(
                        Arbitraries.of(0.0, 0.001, 0.01),
                        Arbitraries.of(0.0, 0.1, 1.0),
                        Arbitraries.of(0.0, 0.5, 1.0).list().ofMinSize(1).ofMaxSize(3))
                .as(ScoreWeights::new);
        return Combinators.combine(pools, weights).as(Instance::new);
    }

    private static AuctionOutcome run(Instance instance) {
        return new StrategyAuction(
                        instance.bidders(),
                        new QualityJury(instance.weights().jurors()),
                        instance.weights(),
                        2,
                        new AuctionMemory())
                .auction(TASK);
    }

    @Property(tries = 300)
    void theWinnerHasTheLowestFinalScoreAndTiesGoToTheSmallestId(@ForAll("instances") Instance instance) {
        AuctionOutcome outcome = run(instance);
        ScoredBid winner = outcome.winner();
        assertThat(outcome.finalBids()).contains(winner);
        for (ScoredBid other : outcome.finalBids()) {
            assertThat(winner.score().total()).isLessThanOrEqualTo(other.score().total());
            if (other.score().total() == winner.score().total()) {
                assertThat(winner.bidder()).isLessThanOrEqualTo(other.bidder());
            }
        }
    }

    @Property(tries = 300)
    void refiningNeverMakesABiddersScoreWorse(@ForAll("instances") Instance instance) {
        AuctionOutcome outcome = run(instance);
        for (int i = 0; i < outcome.firstRound().size(); i++) {
            assertThat(outcome.finalBids().get(i).bidder())
                    .isEqualTo(outcome.firstRound().get(i).bidder());
            assertThat(outcome.finalBids().get(i).score().total())
                    .isLessThanOrEqualTo(outcome.firstRound().get(i).score().total());
        }
    }

    @Property(tries = 300)
    void onlyBiddersCheaperThanTheProvisionalWinnerRefine(@ForAll("instances") Instance instance) {
        AuctionOutcome outcome = run(instance);
        ScoredBid provisional =
                outcome.firstRound().stream().min(ScoredBid.RANKING).orElseThrow();
        assertThat(outcome.provisional()).isEqualTo(provisional);
        Set<String> cheaper = instance.bidders().stream()
                .filter(b -> b.pricePerToken() < provisional.bid().pricePerToken())
                .map(ScriptedBidder::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(outcome.refinements()).extracting(ScoredBid::bidder).containsExactlyElementsOf(cheaper);
        assertThat(outcome.refinements()).allMatch(b -> b.bid().refined());
        outcome.finalBids().stream()
                .filter(b -> !cheaper.contains(b.bidder()))
                .forEach(b -> assertThat(b.bid().refined()).isFalse());
    }

    @Property(tries = 200)
    void theOutcomeDoesNotDependOnTheOrderBiddersAreGiven(@ForAll("instances") Instance instance) {
        List<ScriptedBidder> shuffled = new ArrayList<>(instance.bidders());
        Collections.rotate(shuffled, 1);
        Collections.swap(shuffled, 0, shuffled.size() - 1);
        AuctionOutcome a = run(instance);
        AuctionOutcome b = run(new Instance(shuffled, instance.weights()));
        assertThat(b).isEqualTo(a);
        assertThat(a.firstRound()).extracting(ScoredBid::bidder).isSorted();
    }

    @Property(tries = 200)
    void scoresFollowTheRule(@ForAll("instances") Instance instance) {
        for (ScoredBid scored : run(instance).firstRound()) {
            PlanBid bid = scored.bid();
            ScoreWeights w = instance.weights();
            double value = w.entropy() * bid.plan().entropy();
            for (int j = 0; j < w.jurors(); j++) {
                value += w.jury().get(j) * bid.jury().get(j);
            }
            assertThat(scored.score().cost())
                    .isEqualTo(w.cost() * bid.pricePerToken() * bid.plan().tokens());
            assertThat(scored.score().value()).isEqualTo(value);
        }
    }

    // ---------------------------------------------------------------- memory

    record MemoryCase(List<MemoryEntry> entries, Task task, int k) {}

    @Provide
    Arbitrary<MemoryCase> memories() {
        Arbitrary<String> texts = Arbitraries.of("refactor", "billing", "parser", "route", "delivery", "report", "x")
                .list()
                .ofMaxSize(4)
                .map(words -> String.join(" ", words));
        Arbitrary<Double> difficulties = Arbitraries.of(0.0, 0.1, 0.5, 0.9, 1.0);
        Arbitrary<MemoryEntry> entries = Combinators.combine(texts, difficulties, Arbitraries.of(true, false))
                .as((text, d, ok) -> new MemoryEntry("?", d, text, "w", "small", "plan", 10, 3.0, ok));
        Arbitrary<List<MemoryEntry>> lists = entries.list().ofMaxSize(12).map(list -> {
            List<MemoryEntry> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                MemoryEntry e = list.get(i);
                named.add(new MemoryEntry(
                        "m" + i,
                        e.difficulty(),
                        e.text(),
                        e.winner(),
                        e.winnerClass(),
                        e.plan(),
                        e.tokens(),
                        e.juryMean(),
                        e.success()));
            }
            return named;
        });
        Arbitrary<Task> tasks = Combinators.combine(texts, difficulties).as((text, d) -> new Task("t", "c", d, text));
        return Combinators.combine(lists, tasks, Arbitraries.integers().between(0, 15))
                .as(MemoryCase::new);
    }

    @Property(tries = 300)
    void memoryReturnsTheKMostSimilarOlderFirstOnTies(@ForAll("memories") MemoryCase c) {
        AuctionMemory memory = new AuctionMemory(c.entries());
        List<MemoryEntry> similar = memory.similar(c.task(), c.k());

        List<MemoryEntry> expected = new ArrayList<>(c.entries());
        expected.sort(Comparator.comparingDouble((MemoryEntry e) -> -AuctionMemory.similarity(c.task(), e))
                .thenComparing(e -> Integer.parseInt(e.task().substring(1))));
        assertThat(similar).containsExactlyElementsOf(expected.subList(0, Math.min(c.k(), expected.size())));
        assertThat(memory.similar(c.task(), c.k())).isEqualTo(similar);
        for (MemoryEntry e : c.entries()) {
            double s = AuctionMemory.similarity(c.task(), e);
            assertThat(s).isBetween(0.0, 1.0);
        }
    }
}
