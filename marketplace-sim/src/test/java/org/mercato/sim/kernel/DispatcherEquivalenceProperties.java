package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.KernelSettings.Mode;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.market.RevealSettings;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.Prefetching;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.Wait;

/**
 * The event log does not depend on how agents are run: the bare loop and the actor kernel with one
 * or four threads write byte-identical logs for random markets driven only by each agent's own
 * {@link AgentContext#random()}.
 */
class DispatcherEquivalenceProperties {
    private static final List<String> ITEMS = List.of("pizza", "soda", "salad", "cake", "tea");
    private static final List<String> AMENITIES = List.of("delivery", "vegan", "parking");

    record Market(Catalog catalog, List<ThinkTime> thinkTimes, long networkDelay, int pageSize) {
        @Override
        public String toString() {
            return "Market[" + catalog.customers().size() + " customers, "
                    + catalog.services().size() + " services, delay=" + networkDelay + ", think=" + thinkTimes
                    + ", page=" + pageSize + "]";
        }
    }

    @Provide
    Arbitrary<Market> markets() {
        Arbitrary<Customer> customer = Combinators.combine(
                        Arbitraries.of(ITEMS),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.longs().between(0, 30_000),
                        Arbitraries.subsetOf(AMENITIES).ofMaxSize(1))
                .as((item, qty, budget, amenities) -> new Customer(
                        "tmp",
                        null,
                        "want " + item,
                        new TreeMap<>(Map.of(item, qty)),
                        new TreeMap<>(Map.of(item, 1_000L)),
                        new TreeSet<>(amenities),
                        budget));
        Arbitrary<Service> service = Combinators.combine(
                        Arbitraries.maps(
                                        Arbitraries.of(ITEMS),
                                        Arbitraries.longs().between(50, 3_000))
                                .ofMinSize(1)
                                .ofMaxSize(4),
                        Arbitraries.subsetOf(AMENITIES),
                        Arbitraries.integers().between(0, 10).map(r -> r / 2.0),
                        Arbitraries.integers().between(0, 500))
                .as((menu, amenities, rating, reviews) -> Service.of("tmp", menu, amenities, rating, reviews));
        Arbitrary<ThinkTime> thinkTime = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 5_000).map(ThinkTime::fixed),
                Combinators.combine(
                                Arbitraries.longs().between(0, 2_000),
                                Arbitraries.longs().between(0, 20_000))
                        .as((min, extra) -> new ThinkTime.Uniform(min, min + extra)),
                Combinators.combine(
                                Arbitraries.longs().between(0, 2_000),
                                Arbitraries.longs().between(1, 10_000),
                                Arbitraries.doubles().between(0, 1.5))
                        .as(ThinkTime.LogNormal::new));
        return Combinators.combine(
                        customer.list().ofMinSize(1).ofMaxSize(6).withSizeDistribution(RandomDistribution.uniform()),
                        service.list().ofMinSize(1).ofMaxSize(5).withSizeDistribution(RandomDistribution.uniform()),
                        thinkTime.list().ofSize(11),
                        Arbitraries.longs().between(1, 3_000),
                        Arbitraries.integers().between(1, 4))
                .as((cs, ss, thinks, delay, pageSize) -> {
                    List<Customer> customers = new ArrayList<>();
                    for (int i = 0; i < cs.size(); i++) {
                        Customer c = cs.get(i);
                        customers.add(new Customer(
                                "c" + i,
                                null,
                                c.request(),
                                c.items(),
                                c.referencePrices(),
                                c.requiredAmenities(),
                                c.budget()));
                    }
                    List<Service> services = new ArrayList<>();
                    for (int i = 0; i < ss.size(); i++) {
                        Service s = ss.get(i);
                        services.add(Service.of("s" + i, s.menu(), s.amenities(), s.rating(), s.reviewCount()));
                    }
                    return new Market(new Catalog(services, customers), thinks, delay, pageSize);
                });
    }

    /** A shopper whose every choice comes from {@code context.random()}; it keeps only its own state. */
    static final class RandomShopper implements AssistantPolicy {
        private final List<String> services;
        private final List<Proposal> proposals = new ArrayList<>();
        private int reactions;

        RandomShopper(List<String> services) {
            this.services = services;
        }

        @Override
        public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            if (observation instanceof ProposalReceived p) {
                proposals.add(p.proposal());
            }
            SplittableRandom random = context.random();
            if (++reactions > 60) {
                return reactions == 61 ? List.of(new Done("tired")) : List.of();
            }
            List<AssistantAction> actions = new ArrayList<>();
            int count = 1 + random.nextInt(2); // 1 or 2 actions, so the shopper keeps going
            for (int i = 0; i < count; i++) {
                int choice = random.nextInt(10);
                switch (choice) {
                    case 0 ->
                        actions.add(new Search(
                                "q" + random.nextInt(3),
                                random.nextBoolean()
                                        ? SearchFilters.NONE
                                        : new SearchFilters(
                                                new TreeSet<>(List.of(AMENITIES.get(random.nextInt(AMENITIES.size())))),
                                                random.nextInt(5)),
                                random.nextInt(3)));
                    case 1, 2, 3 ->
                        actions.add(Message.inquiry(
                                random.nextInt(20) == 0 ? "nobody" : services.get(random.nextInt(services.size())),
                                "text " + random.nextInt(100),
                                Map.of(ITEMS.get(random.nextInt(ITEMS.size())), 1 + random.nextInt(3))));
                    case 4, 5 -> {
                        if (!proposals.isEmpty()) {
                            Proposal p = proposals.get(random.nextInt(proposals.size()));
                            long amount = random.nextInt(5) == 0 ? p.total() + 1 : p.total();
                            actions.add(new Pay(random.nextInt(15) == 0 ? "p999" : p.id(), amount));
                        }
                    }
                    case 6 -> {
                        if (!proposals.isEmpty()) {
                            actions.add(new Decline(proposals
                                    .get(random.nextInt(proposals.size()))
                                    .id()));
                        }
                    }
                    case 7, 8 -> actions.add(new Wait(context.now() + random.nextLong(-1_000, 40_000)));
                    default -> {
                        if (random.nextInt(20) == 0) {
                            actions.add(new Done("random"));
                        }
                    }
                }
            }
            // Keep the shopper alive: unless it already did something that is always answered, it waits.
            boolean answered = actions.stream()
                    .anyMatch(a -> a instanceof Search || a instanceof Wait || a instanceof Pay || a instanceof Done);
            if (!answered) {
                actions.add(new Wait(context.now() + random.nextLong(0, 20_000)));
            }
            return actions;
        }
    }

    /** A seller answering messages with proposals from its menu (sometimes wrong or odd), replies or waits. */
    static final class RandomSeller implements ServicePolicy {
        private final List<String> customers;
        private Service self;
        private int reactions;

        RandomSeller(List<String> customers) {
            this.customers = customers;
        }

        @Override
        public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
            if (observation instanceof ServiceStarted started) {
                self = started.service();
            }
            SplittableRandom random = context.random();
            if (++reactions > 40) {
                return List.of();
            }
            List<ServiceAction> actions = new ArrayList<>();
            String customer = observation instanceof MessageReceived m
                    ? m.from()
                    : customers.get(random.nextInt(customers.size()));
            int choice = random.nextInt(6);
            if (choice <= 2) {
                List<OrderLine> lines = new ArrayList<>();
                List<String> menu = new ArrayList<>(self.menu().keySet());
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    String item = menu.get(random.nextInt(menu.size()));
                    lines.add(new OrderLine(
                            item, 1 + random.nextInt(3), self.menu().get(item)));
                }
                long total = OrderLine.total(lines) + (random.nextInt(8) == 0 ? 1 : 0);
                actions.add(new Propose(customer, lines, total, context.now() + random.nextLong(-100, 60_000)));
            } else if (choice == 3) {
                actions.add(new Reply(customer, "thanks " + random.nextInt(10)));
            } else if (choice == 4 && context.now() < 500_000) {
                actions.add(new Wait(context.now() + random.nextLong(0, 30_000)));
            }
            return actions;
        }
    }

    private static SimulationSetup setup(Market market, long seed, Mode mode, int parallelism) {
        Catalog catalog = market.catalog();
        List<String> serviceIds = catalog.services().stream().map(Service::id).toList();
        List<String> customerIds =
                catalog.customers().stream().map(Customer::id).toList();
        List<SimulationSetup.Agent<AssistantPolicy>> assistants = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < customerIds.size(); i++) {
            assistants.add(new SimulationSetup.Agent<>(
                    new RandomShopper(serviceIds), market.thinkTimes().get(k++)));
        }
        List<SimulationSetup.Agent<ServicePolicy>> sellers = new ArrayList<>();
        for (int i = 0; i < serviceIds.size(); i++) {
            sellers.add(new SimulationSetup.Agent<>(
                    new RandomSeller(customerIds), market.thinkTimes().get(k++)));
        }
        return new SimulationSetup(
                catalog,
                assistants,
                sellers,
                new SimpleSearch(catalog.services()),
                new SearchSettings(market.pageSize(), 3, seed % 2 == 0),
                new KernelSettings(seed, market.networkDelay(), 2_000_000, parallelism, mode),
                PresentationSettings.DEFAULT,
                RevealSettings.IMMEDIATE,
                null);
    }

    // A fixed seed: the coverage checks below are statistical over only 20 tries, and CI must not flake.
    @Property(tries = 20, seed = "20261125", edgeCases = EdgeCasesMode.MIXIN, shrinking = ShrinkingMode.BOUNDED)
    void bareAndActorRunsWriteIdenticalLogs(@ForAll("markets") Market market, @ForAll long seed) {
        byte[] bare = Sims.jsonl(setup(market, seed, Mode.BARE, 1));
        byte[] oneThread = Sims.jsonl(setup(market, seed, Mode.ACTORS, 1));
        byte[] fourThreads = Sims.jsonl(setup(market, seed, Mode.ACTORS, 4));

        int catalogLines = market.catalog().customers().size()
                + market.catalog().services().size();
        List<String> lines = lines(bare);
        assertThat(lines).hasSizeGreaterThan(catalogLines);
        Statistics.label("log lines").collect(lines.size() < 50 ? "<50" : lines.size() < 200 ? "50-199" : "200+");
        Statistics.label("log lines").coverage(c -> c.check("200+").percentage(p -> p > 20));
        Statistics.label("payments").collect(lines.stream().anyMatch(l -> l.contains("\"type\":\"payment\"")));
        Statistics.label("payments").coverage(c -> c.check(true).percentage(p -> p > 30));
        assertThat(new String(oneThread, StandardCharsets.UTF_8)).isEqualTo(new String(bare, StandardCharsets.UTF_8));
        assertThat(new String(fourThreads, StandardCharsets.UTF_8)).isEqualTo(new String(bare, StandardCharsets.UTF_8));
        assertThat(fourThreads).isEqualTo(bare);
    }

    /**
     * Agents sharing actors ({@link AgentHost}): two, three or every agent per actor, on one and
     * four threads, write the bare loop's log byte for byte.
     */
    @Property(tries = 15, edgeCases = EdgeCasesMode.MIXIN, shrinking = ShrinkingMode.BOUNDED)
    void agentsSharingActorsWriteTheBareLoopsLog(
            @ForAll("markets") Market market, @ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int sharing) {
        byte[] bare = Sims.jsonl(withPagesAndReveal(market, seed, Mode.BARE, 1));
        int agents = market.catalog().customers().size()
                + market.catalog().services().size();
        int perActor = new int[] {2, 3, agents}[sharing];
        for (int threads : new int[] {1, 4}) {
            SimulationSetup hosted =
                    withAgentsPerActor(withPagesAndReveal(market, seed, Mode.ACTORS, threads), perActor);
            assertThat(new String(Sims.jsonl(hosted), StandardCharsets.UTF_8))
                    .isEqualTo(new String(bare, StandardCharsets.UTF_8));
        }
    }

    /**
     * The windowed kernel sends a window's batches in chunks while it still applies the window; with
     * a chunk of one agent, agents get one window's deliveries in several batches, and on two and four
     * threads, with one actor per agent and with hosts, the log is still the bare loop's.
     */
    @Property(tries = 15, edgeCases = EdgeCasesMode.MIXIN, shrinking = ShrinkingMode.BOUNDED)
    void windowsSentInChunksWriteTheBareLoopsLog(@ForAll("markets") Market market, @ForAll long seed) {
        byte[] bare = Sims.jsonl(withPagesAndReveal(market, seed, Mode.BARE, 1));
        String before = System.setProperty("mercato.kernel.minChunk", "1");
        try {
            for (int threads : new int[] {2, 4}) {
                for (int perActor : new int[] {1, 2}) {
                    SimulationSetup chunked =
                            withAgentsPerActor(withPagesAndReveal(market, seed, Mode.ACTORS, threads), perActor);
                    assertThat(new String(Sims.jsonl(chunked), StandardCharsets.UTF_8))
                            .isEqualTo(new String(bare, StandardCharsets.UTF_8));
                }
            }
        } finally {
            if (before == null) {
                System.clearProperty("mercato.kernel.minChunk");
            } else {
                System.setProperty("mercato.kernel.minChunk", before);
            }
        }
    }

    private static SimulationSetup withAgentsPerActor(SimulationSetup setup, int perActor) {
        return new SimulationSetup(
                setup.catalog(),
                setup.assistants(),
                setup.sellers(),
                setup.search(),
                setup.searchSettings(),
                setup.kernel().withAgentsPerActor(perActor),
                setup.presentation(),
                setup.reveal(),
                setup.ads());
    }

    /** The same market with randomized grid pages and a reveal policy chosen by the seed. */
    private static SimulationSetup withPagesAndReveal(Market market, long seed, Mode mode, int parallelism) {
        SimulationSetup plain = setup(market, seed, mode, parallelism);
        RevealSettings reveal = switch ((int) Math.floorMod(seed, 3L)) {
            case 0 -> RevealSettings.batched(5_000);
            case 1 -> RevealSettings.minWait(8_000);
            default -> RevealSettings.IMMEDIATE;
        };
        return new SimulationSetup(
                plain.catalog(),
                plain.assistants(),
                plain.sellers(),
                plain.search(),
                plain.searchSettings(),
                plain.kernel(),
                PresentationSettings.aces().withLayout(PresentationSettings.Layout.GRID, 1, market.pageSize()),
                reveal,
                null);
    }

    @Property(tries = 15, edgeCases = EdgeCasesMode.MIXIN, shrinking = ShrinkingMode.BOUNDED)
    void withRandomizedPagesAndRevealTimersBareAndActorRunsWriteIdenticalLogs(
            @ForAll("markets") Market market, @ForAll long seed) {
        byte[] bare = Sims.jsonl(withPagesAndReveal(market, seed, Mode.BARE, 1));
        byte[] oneThread = Sims.jsonl(withPagesAndReveal(market, seed, Mode.ACTORS, 1));
        byte[] fourThreads = Sims.jsonl(withPagesAndReveal(market, seed, Mode.ACTORS, 4));

        List<String> lines = lines(bare);
        Statistics.label("impressions").collect(lines.stream().anyMatch(l -> l.contains("\"type\":\"impression\"")));
        Statistics.label("impressions").coverage(c -> c.check(true).percentage(p -> p > 50));
        Statistics.label("reveals").collect(lines.stream().anyMatch(l -> l.contains("\"type\":\"reveal\"")));
        Statistics.label("reveals").coverage(c -> c.check(true).percentage(p -> p > 20));
        assertThat(new String(oneThread, StandardCharsets.UTF_8)).isEqualTo(new String(bare, StandardCharsets.UTF_8));
        assertThat(fourThreads).isEqualTo(bare);
    }

    /**
     * The rolling kernel applies items in the windowed kernel's order however its batches are cut
     * and whenever its agents finish: policies that stall for a random few microseconds (timing
     * only; their choices still come from their own streams) change nothing in the log or the
     * kernel's counts. The policies take the kernel's guesses of their next observation (a forked
     * market applying the queue ahead of the safe horizon), which must change nothing either
     * (PrefetchGuessTest shows they are right when nothing can come first). Agents sharing actors
     * change nothing either.
     */
    @Property(tries = 15, edgeCases = EdgeCasesMode.MIXIN, shrinking = ShrinkingMode.BOUNDED)
    void theRollingKernelWritesTheWindowedKernelsLog(@ForAll("markets") Market market, @ForAll long seed) {
        // Policies keep state, so every run gets a fresh setup.
        Sims.Outcome reference = Sims.run(withPagesAndReveal(market, seed, Mode.BARE, 1));
        byte[] expected = Sims.jsonl(withPagesAndReveal(market, seed, Mode.BARE, 1));
        long rightBefore = RIGHT_GUESSES.get();
        for (Mode mode : List.of(Mode.BARE, Mode.ACTORS)) {
            for (int threads : mode == Mode.BARE ? new int[] {1} : new int[] {1, 4}) {
                byte[] log = Sims.jsonl(rolling(withPagesAndReveal(market, seed, mode, threads)));
                assertThat(new String(log, StandardCharsets.UTF_8))
                        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
                Sims.Outcome outcome = Sims.run(rolling(withPagesAndReveal(market, seed, mode, threads)));
                assertThat(outcome.stats()).isEqualTo(reference.stats());
            }
        }
        // agents sharing actors, as behavioural agents do on either kernel, one host's batches queued
        // behind another's
        byte[] hosted = Sims.jsonl(rolling(withAgentsPerActor(withPagesAndReveal(market, seed, Mode.ACTORS, 2), 3)));
        assertThat(new String(hosted, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        Statistics.label("right guesses").collect(RIGHT_GUESSES.get() > rightBefore);
    }

    private static SimulationSetup rolling(SimulationSetup setup) {
        return new SimulationSetup(
                setup.catalog(),
                setup.assistants().stream()
                        .map(a -> new SimulationSetup.Agent<AssistantPolicy>(
                                new GuessingAssistant(a.policy()), a.thinkTime()))
                        .toList(),
                setup.sellers().stream()
                        .map(a -> new SimulationSetup.Agent<ServicePolicy>(
                                new GuessingService(a.policy()), a.thinkTime()))
                        .toList(),
                setup.search(),
                setup.searchSettings(),
                setup.kernel().withRolling(true),
                setup.presentation(),
                setup.reveal(),
                setup.ads());
    }

    /**
     * A stalling wrapper that also takes the rolling kernel's guesses ({@link Prefetching}), so the
     * speculation path runs in every rolling run; it fails the run if a guess comes while the agent
     * is reacting, and counts guesses that turned out right.
     */
    private static final class Guesses {
        private final AtomicBoolean reacting = new AtomicBoolean();
        private volatile Observation last;

        void guess(Observation observation) {
            if (reacting.get()) {
                throw new AssertionError("a guess came while the agent was reacting");
            }
            last = observation;
        }

        <T> T react(Observation observation, Supplier<T> reaction) {
            reacting.set(true);
            try {
                if (observation.equals(last)) {
                    RIGHT_GUESSES.incrementAndGet();
                }
                stall();
                return reaction.get();
            } finally {
                reacting.set(false);
            }
        }
    }

    static final AtomicLong RIGHT_GUESSES = new AtomicLong();

    record GuessingAssistant(AssistantPolicy inner, Guesses guesses) implements AssistantPolicy, Prefetching {
        GuessingAssistant(AssistantPolicy inner) {
            this(inner, new Guesses());
        }

        @Override
        public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            return guesses.react(observation, () -> inner.onObservation(observation, context));
        }

        @Override
        public void prefetch(Observation observation, AgentContext context) {
            guesses.guess(observation);
        }
    }

    record GuessingService(ServicePolicy inner, Guesses guesses) implements ServicePolicy, Prefetching {
        GuessingService(ServicePolicy inner) {
            this(inner, new Guesses());
        }

        @Override
        public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
            return guesses.react(observation, () -> inner.onObservation(observation, context));
        }

        @Override
        public void prefetch(Observation observation, AgentContext context) {
            guesses.guess(observation);
        }
    }

    /** Wall-clock jitter, so agents of the rolling kernel finish in varying orders. */
    private static void stall() {
        long until = System.nanoTime()
                + java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 30_000);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Property(tries = 10, edgeCases = EdgeCasesMode.NONE)
    void aRunIsReproducible(@ForAll("markets") Market market, @ForAll @IntRange(min = 0, max = 1_000) int seed) {
        assertThat(Sims.jsonl(setup(market, seed, Mode.BARE, 1)))
                .isEqualTo(Sims.jsonl(setup(market, seed, Mode.BARE, 1)));
    }

    @Example
    void differentSeedsGiveDifferentLogs() {
        Catalog catalog = Sims.catalog(3, 2);
        List<ThinkTime> thinks = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            thinks.add(new ThinkTime.Uniform(100, 10_000));
        }
        Market fixed = new Market(catalog, thinks, 500, 2);
        byte[] one = Sims.jsonl(setup(fixed, 1, Mode.BARE, 1));
        byte[] two = Sims.jsonl(setup(fixed, 3, Mode.BARE, 1));
        assertThat(lines(one)).hasSizeGreaterThan(20);
        assertThat(lines(two)).hasSizeGreaterThan(20);
        assertThat(new String(one, StandardCharsets.UTF_8)).isNotEqualTo(new String(two, StandardCharsets.UTF_8));
        // The catalog part of the log is the same; only what agents did differs.
        assertThat(lines(one).subList(0, 5)).isEqualTo(lines(two).subList(0, 5));
    }

    private static List<String> lines(byte[] log) {
        return new String(log, StandardCharsets.UTF_8).lines().toList();
    }
}
