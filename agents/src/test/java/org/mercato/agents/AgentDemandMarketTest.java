package org.mercato.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.assistant.LogitAssistant;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.Simulation;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.ArrivalEvent;
import org.mercato.sim.events.EventReader;
import org.mercato.sim.events.ImpressionEvent;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.MessageEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.PeriodEvent;
import org.mercato.sim.events.PricingBenchmarkEvent;
import org.mercato.sim.events.PricingPeriodEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.kernel.ThinkTime;
import org.mercato.sim.market.RevealSettings;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.presentation.TagRule;
import org.mercato.sim.market.search.MarketVersion;
import org.mercato.sim.market.search.SearchMechanisms;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.pricing.AgentDemand;
import org.mercato.sim.pricing.LogitDemand;
import org.mercato.sim.pricing.MarkupPricer;
import org.mercato.sim.pricing.PriceBenchmarks;
import org.mercato.sim.pricing.PriceGrid;
import org.mercato.sim.pricing.PricePoint;
import org.mercato.sim.pricing.PricerFactory;
import org.mercato.sim.pricing.PricingGame;
import org.mercato.sim.pricing.PricingPolicy;
import org.mercato.sim.pricing.PricingView;
import org.mercato.sim.pricing.QLearningPricer;

/**
 * Learning sellers under agent demand: two posted-price sellers of one widget whose prices are set
 * each period by pricing policies, and logit shoppers with Calvano's demand arriving through the
 * periods, searching (cached simple search) and buying in the kernel.
 */
class AgentDemandMarketTest {
    static final long PERIOD = 60_000_000;
    static final double MU = 0.25;
    static final long UNIT_COST = 100;
    private static final PolicyRegistry REGISTRY = PolicyRegistry.builtIn();

    /** Calvano's baseline (a = 2, a0 = 0, mu = 0.25, c = 1) with its approximate p^N and p^M, 15 prices. */
    static PricingGame game() {
        LogitDemand demand = LogitDemand.symmetric(2, 2, 1, 0, MU);
        double nash = 1.4729;
        double monopoly = 1.9249;
        PriceGrid grid = PriceGrid.of(nash, monopoly, 15, 0.1);
        double[] pn = {nash, nash};
        double[] pm = {monopoly, monopoly};
        PriceBenchmarks benchmarks =
                new PriceBenchmarks(new PricePoint(pn, demand.profits(pn)), new PricePoint(pm, demand.profits(pm)));
        return new PricingGame(demand, List.of(grid, grid), 1, benchmarks);
    }

    /** A market of {@code periods} periods with {@code perPeriod} shoppers arriving evenly in each. */
    static SimulationSetup setup(
            int periods, int perPeriod, List<PricerFactory> firms, long seed, int threads, KernelSettings.Mode mode) {
        int customers = periods * perPeriod;
        List<Customer> shoppers = new ArrayList<>();
        long[] arrivals = new long[customers];
        for (int i = 0; i < customers; i++) {
            shoppers.add(new Customer(
                    "c" + i,
                    null,
                    "widget",
                    new TreeMap<>(Map.of("widget", 1)),
                    new TreeMap<>(Map.of("widget", 500L)),
                    new TreeSet<>(),
                    100_000));
            // spread over each period, some visits running over a boundary
            arrivals[i] = i * (PERIOD / perPeriod) + 7_000_000;
        }
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            services.add(new Service(
                    "s" + i,
                    null,
                    null,
                    new TreeMap<>(Map.of("widget", 150L)),
                    new TreeSet<>(),
                    4.0,
                    10,
                    new TreeMap<>(Map.of("widget", UNIT_COST)),
                    0,
                    null));
        }
        Catalog catalog = new Catalog(services, shoppers);
        double a = 2;
        LogitAssistant.Coefficients calvano =
                new LogitAssistant.Coefficients(0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), -1 / MU, (0 - a) / MU, Map.of());
        List<SimulationSetup.Agent<AssistantPolicy>> assistants = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            assistants.add(new SimulationSetup.Agent<>(
                    new LogitAssistant(calvano, 10_000_000), new ThinkTime.Uniform(500_000, 2_500_000)));
        }
        List<SimulationSetup.Agent<ServicePolicy>> sellers = new ArrayList<>();
        var postedPrice = REGISTRY.service("posted-price", Map.of());
        for (int i = 0; i < services.size(); i++) {
            sellers.add(new SimulationSetup.Agent<>(postedPrice.get(), ThinkTime.fixed(1_500_000)));
        }
        long horizon = periods * PERIOD;
        MarketDynamics dynamics = new MarketDynamics(
                arrivals, PERIOD, horizon, null, 0, null, null, null, AgentDemand.repricing(game(), firms, seed));
        PresentationSettings listWithImpressions = new PresentationSettings(
                PresentationSettings.Layout.LIST,
                0,
                0,
                PresentationSettings.Mode.NONE,
                false,
                0,
                0,
                0,
                TagRule.OFF,
                0,
                TagRule.OFF,
                true);
        return new SimulationSetup(
                catalog,
                assistants,
                sellers,
                SearchMechanisms.create("simple", catalog.services(), seed, new MarketVersion(), 64),
                SearchSettings.DEFAULT,
                new KernelSettings(seed, 5_000, horizon, threads, mode),
                listWithImpressions,
                RevealSettings.IMMEDIATE,
                null,
                dynamics);
    }

    static List<LoggedEvent> run(SimulationSetup setup) {
        List<LoggedEvent> events = new ArrayList<>();
        Simulation.run(setup, List.of(events::add), KernelListener.NONE);
        return events;
    }

    /** Plays a scripted grid index per period; remembers what it was asked to learn. */
    static final class ScriptedPricer implements PricingPolicy {
        final int[] script;
        final List<double[]> learned = new ArrayList<>();
        final List<Long> chosenIn = new ArrayList<>();

        ScriptedPricer(int... script) {
            this.script = script;
        }

        @Override
        public int choose(PricingView view) {
            chosenIn.add(view.period());
            return script[(int) (view.period() % script.length)];
        }

        @Override
        public boolean learn(PricingView view, int state, int action, double profit) {
            learned.add(new double[] {view.period(), state, action, profit, view.quantity(1), view.state()});
            return false;
        }

        @Override
        public String name() {
            return "scripted";
        }
    }

    private static long cents(PricingGame game, int index) {
        return Math.round(100 * game.grid(0).price(index));
    }

    @Test
    void pricesChangeAtEachBoundaryAndThePeriodsSalesAndProfitsAreTheMarketsPayments() {
        ScriptedPricer first = new ScriptedPricer(2, 12, 7);
        int periods = 6;
        // firm 1 posts cost * (1 + 0.7) on the grid from time 0 on, instead of the catalog's 1.50
        List<LoggedEvent> events = run(setup(
                periods, 12, List.of((f, g, r) -> first, MarkupPricer.factory(0.7)), 5, 1, KernelSettings.Mode.BARE));
        PricingGame game = game();
        int markup = game.grid(1).nearest(1.7);
        assertThat(cents(game, markup)).isNotEqualTo(150);

        assertThat(events.stream().filter(e -> e.event() instanceof PricingBenchmarkEvent))
                .singleElement()
                .satisfies(e -> assertThat(e.t()).isZero());

        // count everything again from the log: the price each period posts, then per period and
        // service the units and profit of the payments between its `period` event and the next
        Map<String, long[]> sold = new HashMap<>();
        Map<String, long[]> earned = new HashMap<>();
        Map<String, ProposalEvent> proposals = new HashMap<>();
        Map<String, Integer> inquiredIn = new HashMap<>();
        Map<Integer, Integer> arrived = new HashMap<>();
        List<PricingPeriodEvent> reported = new ArrayList<>();
        int period = -1;
        int impressions = 0;
        int checkedProposals = 0;
        for (LoggedEvent logged : events) {
            if (logged.event() instanceof PeriodEvent p) {
                period = p.period();
            } else if (logged.event() instanceof ArrivalEvent) {
                arrived.merge(period, 1, Integer::sum);
            } else if (logged.event() instanceof PricingPeriodEvent p) {
                assertThat(p.period())
                        .as("reported before the next period starts")
                        .isEqualTo(period);
                reported.add(p);
            } else if (logged.event() instanceof ImpressionEvent impression) {
                long[] posted = {cents(game, first.script[period % 3]), cents(game, markup)};
                int firm = impression.service().equals("s0") ? 0 : 1;
                assertThat(impression.price())
                        .as("shown price in period %d", period)
                        .isEqualTo(posted[firm]);
                impressions++;
            } else if (logged.event() instanceof MessageEvent message
                    && message.from().startsWith("c")) {
                inquiredIn.put(message.from() + "->" + message.to(), period);
            } else if (logged.event() instanceof ProposalEvent proposal) {
                proposals.put(proposal.proposal().id(), proposal);
                int asked = inquiredIn.get(proposal.proposal().customer() + "->"
                        + proposal.proposal().service());
                long[] posted = {cents(game, first.script[asked % 3]), cents(game, markup)};
                int firm = proposal.proposal().service().equals("s0") ? 0 : 1;
                assertThat(proposal.proposal().lines().get(0).unitPrice())
                        .as("a proposal answers at the price posted when its inquiry arrived")
                        .isEqualTo(posted[firm]);
                checkedProposals++;
            } else if (logged.event() instanceof PaymentEvent payment) {
                int firm = payment.service().equals("s0") ? 0 : 1;
                long cost = 0;
                int units = 0;
                for (OrderLine line :
                        proposals.get(payment.proposal()).proposal().lines()) {
                    units += line.quantity();
                    cost += line.quantity() * UNIT_COST;
                }
                sold.computeIfAbsent("" + period, k -> new long[2])[firm] += units;
                earned.computeIfAbsent("" + period, k -> new long[2])[firm] += payment.amount() - cost;
            }
        }
        assertThat(impressions).isGreaterThan(periods * 12);
        assertThat(checkedProposals).isGreaterThan(periods * 8);
        // the last period ends at the horizon, where nothing is reported
        assertThat(reported).extracting(PricingPeriodEvent::period).containsExactly(0, 1, 2, 3, 4);
        long totalSales = 0;
        for (PricingPeriodEvent p : reported) {
            int q = p.period();
            assertThat(p.services()).containsExactly("s0", "s1");
            assertThat(p.prices()).containsExactly(cents(game, first.script[q % 3]), cents(game, markup));
            long[] units = sold.getOrDefault("" + q, new long[2]);
            long[] profit = earned.getOrDefault("" + q, new long[2]);
            assertThat(p.sales()).containsExactly(units[0], units[1]);
            assertThat(p.profits()).containsExactly(profit[0], profit[1]);
            totalSales += units[0] + units[1];
            // what the firm learned from: its profit in currency units and its units, both per
            // shopper who arrived in the period, the state it priced in (period 0: none yet) and
            // the price it played
            double[] learned = first.learned.get(q);
            int shoppers = arrived.getOrDefault(q, 0);
            assertThat(shoppers).as("shoppers arriving in period %d", q).isPositive();
            assertThat(learned[0]).as("the view shows the next period").isEqualTo(q + 1);
            assertThat(learned[2]).isEqualTo(first.script[q % 3]);
            assertThat(learned[3]).isEqualTo(profit[0] / 100.0 * (1.0 / shoppers));
            assertThat(learned[4]).isEqualTo(units[0] * (1.0 / shoppers));
            int profile = first.script[q % 3] + 15 * markup;
            assertThat(learned[5]).as("the state after period %d", q).isEqualTo(profile);
            if (q > 0) {
                assertThat(learned[1]).isEqualTo(first.script[(q - 1) % 3] + 15 * markup);
            } else {
                assertThat(learned[1]).isZero();
            }
        }
        assertThat(totalSales).as("shoppers bought in the reported periods").isGreaterThan(40);
        assertThat(first.chosenIn).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    /** Draws each period's grid index from the firm's own stream. */
    static PricerFactory randomPricer() {
        return (firm, game, random) -> new PricingPolicy() {
            @Override
            public int choose(PricingView view) {
                return random.nextInt(game.grid(firm).size());
            }

            @Override
            public boolean learn(PricingView view, int state, int action, double profit) {
                return false;
            }

            @Override
            public String name() {
                return "random";
            }
        };
    }

    static String jsonl(List<LoggedEvent> events) {
        StringBuilder out = new StringBuilder();
        for (LoggedEvent event : events) {
            event.writeJson(out);
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void theSameSeedWritesTheSameBytesInTheBareLoopAndWithActorsOnOneAndFourThreads(@TempDir Path dir)
            throws IOException {
        List<PricerFactory> firms = List.of(randomPricer(), randomPricer());
        String bare = jsonl(run(setup(4, 8, firms, 17, 1, KernelSettings.Mode.BARE)));
        String one = jsonl(run(setup(4, 8, firms, 17, 1, KernelSettings.Mode.ACTORS)));
        String four = jsonl(run(setup(4, 8, firms, 17, 4, KernelSettings.Mode.ACTORS)));
        assertThat(bare).contains("\"type\":\"pricing_period\"").contains("\"type\":\"payment\"");
        assertThat(one).isEqualTo(bare);
        assertThat(four).isEqualTo(bare);
        // the log reads back to the same events, pricing events and all
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, bare);
        assertThat(jsonl(EventReader.readAll(file))).isEqualTo(bare);
        String otherSeed = jsonl(run(setup(4, 8, firms, 18, 1, KernelSettings.Mode.BARE)));
        assertThat(pricingPeriods(otherSeed)).isNotEqualTo(pricingPeriods(bare));
    }

    private static List<String> pricingPeriods(String log) {
        return log.lines().filter(line -> line.contains("\"pricing_period\"")).toList();
    }

    @Test
    void qLearningSellersUnderAgentDemandRunAndLearn() {
        List<QLearningPricer> learners = new ArrayList<>();
        PricerFactory calvano = QLearningPricer.factory(0.15, 4e-6, 0.95);
        PricerFactory kept = (firm, game, random) -> {
            QLearningPricer pricer = (QLearningPricer) calvano.create(firm, game, random);
            learners.add(pricer);
            return pricer;
        };
        int periods = 30;
        List<LoggedEvent> events = run(setup(periods, 8, List.of(kept, kept), 23, 1, KernelSettings.Mode.BARE));

        List<PricingPeriodEvent> reported = events.stream()
                .filter(e -> e.event() instanceof PricingPeriodEvent)
                .map(e -> (PricingPeriodEvent) e.event())
                .toList();
        assertThat(reported).hasSize(periods - 1);
        assertThat(reported.stream()
                        .mapToLong(p -> p.sales().get(0) + p.sales().get(1))
                        .sum())
                .isGreaterThan(periods * 4L);
        assertThat(reported.stream().map(PricingPeriodEvent::prices).distinct().count())
                .as("exploring sellers move their prices")
                .isGreaterThan(5);
        for (int firm = 0; firm < learners.size(); firm++) {
            double[] initial =
                    ((QLearningPricer) calvano.create(firm, game(), new java.util.SplittableRandom(1))).table();
            double[] table = learners.get(firm).table();
            int changed = 0;
            for (int i = 0; i < table.length; i++) {
                assertThat(table[i]).isFinite();
                if (table[i] != initial[i]) {
                    changed++;
                }
            }
            // one Q-value updated per period learned from (some pairs may repeat)
            assertThat(changed).isBetween(1, periods - 1);
        }
    }
}
