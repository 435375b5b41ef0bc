package org.mercato.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.ArrivalEvent;
import org.mercato.sim.events.DeliveryEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.PeriodEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.QualityEvent;
import org.mercato.sim.events.RejectionEvent;
import org.mercato.sim.events.ReputationEvent;
import org.mercato.sim.events.RestockEvent;
import org.mercato.sim.events.ReviewEvent;
import org.mercato.sim.events.ReviewTextEvent;
import org.mercato.sim.market.dynamics.Aggregation;
import org.mercato.sim.market.dynamics.FakeReviews;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.dynamics.Refresh;
import org.mercato.sim.market.dynamics.Restock;
import org.mercato.sim.market.dynamics.Returns;
import org.mercato.sim.market.dynamics.ReviewFilter;
import org.mercato.sim.market.dynamics.Reviews;
import org.mercato.sim.market.dynamics.ServiceQuality;
import org.mercato.sim.market.presentation.PagePresenter;
import org.mercato.sim.market.search.CachedSearch;
import org.mercato.sim.market.search.MarketVersion;
import org.mercato.sim.market.search.SearchMechanism;
import org.mercato.sim.market.search.SearchMechanisms;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.protocol.Action;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.OrderDelivered;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.RejectionReason;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.WriteReview;
import org.mercato.sim.schedule.Scheduled;
import org.mercato.sim.schedule.Scheduled.TimerPurpose;

/** Each rule of a market with dynamics, on a small hand-built market driven item by item. */
class MarketDynamicsTest {
    // Agents: customers c0 (0), c1 (1); services s0 (2), s1 (3).
    private static final int C0 = 0;
    private static final int C1 = 1;
    private static final int S0 = 2;
    private static final int S1 = 3;
    private static final long SEED = 11;
    private static final long HORIZON = 1_000_000;

    private final RecordingOutput out = new RecordingOutput();
    private final PriorityQueue<Scheduled> pending = new PriorityQueue<>(Scheduled.ORDER);
    private final List<RecordingOutput.Recorded> log = new ArrayList<>();
    private final List<RecordingOutput.Delivered> delivered = new ArrayList<>();
    private Market market;
    private long seq;

    static Catalog catalog(int capacity) {
        return new Catalog(
                List.of(service("s0", 4.0, capacity), service("s1", 3.0, capacity)),
                List.of(MarketTest.customer("c0", 10_000), MarketTest.customer("c1", 10_000)));
    }

    static Service service(String id, double rating, int capacity) {
        return new Service(
                id,
                null,
                null,
                new TreeMap<>(Map.of("pizza", 1200L)),
                new TreeSet<>(Set.of()),
                rating,
                2,
                new TreeMap<>(),
                capacity,
                null);
    }

    static MarketDynamics dynamics(
            long[] arrivals, long period, Returns returns, long delay, ServiceQuality quality, Reviews reviews) {
        return new MarketDynamics(arrivals, period, HORIZON, returns, delay, quality, reviews, null, null);
    }

    private void open(Catalog catalog, MarketDynamics dynamics, SearchMechanism search) {
        market = new Market(
                new AgentDirectory(catalog),
                search,
                SearchSettings.DEFAULT,
                PagePresenter.plainList(),
                ProposalReveal.immediate(),
                null,
                dynamics,
                SEED);
        market.open(out);
        collect();
    }

    private void open(Catalog catalog, MarketDynamics dynamics) {
        open(catalog, dynamics, new SimpleSearch(catalog.services()));
    }

    private void collect() {
        log.addAll(out.events);
        delivered.addAll(out.deliveries);
        pending.addAll(out.scheduled);
        out.clear();
    }

    /** Applies every pending timer up to and including {@code t}, in the kernel's order. */
    private void runUntil(long t) {
        while (!pending.isEmpty() && pending.peek().time() <= t) {
            market.apply(pending.poll(), out);
            collect();
        }
    }

    private void act(long t, int agent, Action action) {
        runUntil(t);
        market.apply(new Scheduled.ActionAt(t, agent, seq++, action), out);
        collect();
    }

    private Proposal buy(long t, int customer, int service) {
        String serviceId = market.agents().idOf(service);
        act(t, customer, Message.inquiry(serviceId, "one", Map.of("pizza", 1)));
        act(
                t,
                service,
                new Propose(market.agents().idOf(customer), List.of(new OrderLine("pizza", 1, 1200)), 1200, t + 1000));
        Proposal proposal = ((ProposalEvent) log.get(log.size() - 1).event()).proposal();
        act(t, customer, new Pay(proposal.id(), 1200));
        runUntil(t); // a delivery without delay
        return proposal;
    }

    private <E> List<E> logged(Class<E> type) {
        return log.stream()
                .map(RecordingOutput.Recorded::event)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private List<RecordingOutput.Delivered> deliveredOf(Class<?> type) {
        return delivered.stream().filter(d -> type.isInstance(d.observation())).toList();
    }

    @Test
    void customersArriveAtTheirTimesOnTimersFiledUnderThemselves() {
        open(catalog(0), dynamics(new long[] {500, 0}, 0, null, 0, null, null));

        assertThat(deliveredOf(AssistantStarted.class)).isEmpty();
        assertThat(deliveredOf(ServiceStarted.class)).hasSize(2);
        assertThat(pending)
                .extracting(Scheduled::time, Scheduled::agent, s -> ((Scheduled.MarketTimerAt) s).purpose())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(500L, C0, TimerPurpose.ARRIVAL),
                        org.assertj.core.groups.Tuple.tuple(0L, C1, TimerPurpose.ARRIVAL));
        runUntil(1_000);
        assertThat(log.stream().filter(r -> r.event() instanceof ArrivalEvent))
                .containsExactly(
                        new RecordingOutput.Recorded(0, new ArrivalEvent("c1", 0)),
                        new RecordingOutput.Recorded(500, new ArrivalEvent("c0", 0)));
        assertThat(deliveredOf(AssistantStarted.class))
                .containsExactly(
                        new RecordingOutput.Delivered(
                                C1, 0, new AssistantStarted(market.agents().customer(C1), 0)),
                        new RecordingOutput.Delivered(
                                C0, 500, new AssistantStarted(market.agents().customer(C0), 0)));
    }

    @Test
    void aCustomerReturnsAfterItsVisitWithItsBudgetAgain() {
        open(catalog(0), dynamics(null, 0, new Returns(40_000, false), 0, null, null));
        buy(10, C0, S0);
        assertThat(market.ledger().balance(C0)).isEqualTo(8_800);
        act(20, C0, new Done("paid"));
        act(30, C0, new Search("pizza", null, 0));
        assertThat(logged(RejectionEvent.class))
                .extracting(RejectionEvent::reason)
                .containsExactly(RejectionReason.AGENT_DONE);

        runUntil(40_019);
        assertThat(logged(ArrivalEvent.class)).doesNotContain(new ArrivalEvent("c0", 1));
        runUntil(40_020);
        assertThat(log.get(log.size() - 1)).isEqualTo(new RecordingOutput.Recorded(40_020, new ArrivalEvent("c0", 1)));
        assertThat(delivered.get(delivered.size() - 1))
                .isEqualTo(new RecordingOutput.Delivered(
                        C0, 40_020, new AssistantStarted(market.agents().customer(C0), 1)));
        assertThat(market.isDone(C0)).isFalse();
        assertThat(market.ledger().balance(C0)).isEqualTo(10_000);
        assertThat(market.ledger().issued()).isEqualTo(1_200);
        assertThat(market.ledger().total()).isEqualTo(20_000 + 1_200);
        buy(40_030, C0, S1);
        assertThat(logged(PaymentEvent.class)).hasSize(2);
    }

    @Test
    void noReturnVisitStartsAtOrAfterTheHorizon() {
        open(catalog(0), dynamics(null, 0, new Returns(HORIZON, false), 0, null, null));
        act(10, C0, new Done("bored"));
        assertThat(pending).noneMatch(s -> s.agent() == C0);
    }

    @Test
    void exponentialReturnGapsComeFromTheCustomersOwnStream() {
        open(catalog(0), dynamics(null, 0, new Returns(50_000, true), 0, null, null));
        act(10, C0, new Done("a"));
        act(10, C1, new Done("b"));
        long c0 = pending.stream()
                .filter(s -> s.agent() == C0)
                .findFirst()
                .orElseThrow()
                .time();
        long c1 = pending.stream()
                .filter(s -> s.agent() == C1)
                .findFirst()
                .orElseThrow()
                .time();
        var random = org.mercato.sim.random.Seeds.derive(SEED, "market/returns/c0/0");
        long expected = 10 + Math.max(1, Math.round(-50_000 * Math.log(1.0 - random.nextDouble())));
        assertThat(c0).isEqualTo(expected);
        assertThat(c1).isNotEqualTo(c0);
    }

    @Test
    void periodsStartUntilTheHorizonAndTheLastEndsThere() {
        open(catalog(0), dynamics(null, 300_000, null, 0, null, null));
        runUntil(HORIZON);
        assertThat(logged(PeriodEvent.class))
                .containsExactly(
                        new PeriodEvent(0, 0, 300_000),
                        new PeriodEvent(1, 300_000, 600_000),
                        new PeriodEvent(2, 600_000, 900_000),
                        new PeriodEvent(3, 900_000, 1_000_000));
        assertThat(log.stream().filter(r -> r.event() instanceof PeriodEvent).map(RecordingOutput.Recorded::time))
                .containsExactly(0L, 300_000L, 600_000L, 900_000L);
    }

    @Test
    void anOrderIsDeliveredAfterTheDelayAtTheQualityOfThatTimeEvenAfterTheVisit() {
        ServiceQuality quality = new ServiceQuality(
                1.0,
                new TreeMap<>(
                        Map.of(0, List.of(new ServiceQuality.Step(0, 0.8), new ServiceQuality.Step(5_000, 0.3)))));
        open(catalog(0), dynamics(null, 0, null, 7_000, quality, null));
        assertThat(logged(QualityEvent.class)).containsExactly(new QualityEvent("s0", 0.8));
        Proposal proposal = buy(100, C0, S0);
        act(200, C0, new Done("paid"));
        assertThat(pending).anyMatch(s -> s.time() == 7_100 && s.agent() == C0);

        runUntil(7_100);
        assertThat(logged(QualityEvent.class))
                .containsExactly(new QualityEvent("s0", 0.8), new QualityEvent("s0", 0.3));
        assertThat(log.get(log.size() - 1))
                .isEqualTo(new RecordingOutput.Recorded(7_100, new DeliveryEvent(proposal.id(), "c0", "s0", 0.3)));
        assertThat(delivered.get(delivered.size() - 1))
                .isEqualTo(new RecordingOutput.Delivered(C0, 7_100, new OrderDelivered(proposal.id(), "s0", 0.3)));
    }

    private static Reviews reviews(double probability, Refresh refresh, ReviewFilter filter, List<FakeReviews> fakes) {
        return new Reviews(probability, 0, new Aggregation.Mean(), refresh, filter, fakes);
    }

    @Test
    void aDeliveredOrderIsReviewedByTheStarModelAndTheRatingShowsInSearchAndPages() {
        ServiceQuality quality = ServiceQuality.constant(1.0, Map.of(0, 0.25));
        open(catalog(0), dynamics(null, 0, null, 0, quality, reviews(1, Refresh.IMMEDIATE, null, List.of())));
        act(1, C1, new Search("pizza", null, 0));
        assertThat(((SearchResults) delivered.get(delivered.size() - 1).observation()).listings())
                .extracting(ListingView::service, ListingView::rating, ListingView::reviewCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("s0", 4.0, 2),
                        org.assertj.core.groups.Tuple.tuple("s1", 3.0, 2));

        Proposal proposal = buy(10, C0, S0);
        // noise 0: stars = round(1 + 4 * 0.25) = 2; mean of 4, 4 and 2 is 3.33 -> 3.3
        assertThat(logged(ReviewEvent.class))
                .containsExactly(new ReviewEvent("s0", "c0", proposal.id(), 2, false, false));
        assertThat(logged(ReputationEvent.class)).containsExactly(new ReputationEvent("s0", 3.3, 3));

        act(20, C1, new Search("pizza", null, 0));
        assertThat(((SearchResults) delivered.get(delivered.size() - 1).observation()).listings())
                .extracting(ListingView::service, ListingView::rating, ListingView::reviewCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("s0", 3.3, 3),
                        org.assertj.core.groups.Tuple.tuple("s1", 3.0, 2));
        assertThat(market.listed().get(0).rating()).isEqualTo(3.3);
        assertThat(market.agents().service(S0).rating())
                .as("the catalog entry is kept")
                .isEqualTo(4.0);
    }

    @Test
    void withPeriodRefreshTheRatingChangesOnlyAtTheNextPeriodStart() {
        ServiceQuality quality = ServiceQuality.constant(1.0, Map.of(0, 0.0));
        open(catalog(0), dynamics(null, 100_000, null, 0, quality, reviews(1, Refresh.PERIOD, null, List.of())));
        buy(10, C0, S0);
        buy(20, C1, S0);
        assertThat(logged(ReviewEvent.class)).hasSize(2);
        assertThat(logged(ReputationEvent.class)).isEmpty();
        runUntil(100_000);
        // mean of 4, 4, 1, 1 = 2.5
        assertThat(log.subList(log.size() - 2, log.size()))
                .containsExactly(
                        new RecordingOutput.Recorded(100_000, new PeriodEvent(1, 100_000, 200_000)),
                        new RecordingOutput.Recorded(100_000, new ReputationEvent("s0", 2.5, 4)));
    }

    @Test
    void withReviewTextsTheCustomerIsToldItsStarsAndItsTextIsTakenOnceEvenAfterTheVisit() {
        ServiceQuality quality = ServiceQuality.constant(1.0, Map.of(0, 0.25));
        Reviews withText = new Reviews(1, 0, new Aggregation.Mean(), Refresh.IMMEDIATE, null, List.of(), true);
        open(catalog(0), dynamics(null, 0, null, 0, quality, withText));
        Proposal proposal = buy(10, C0, S0);
        // noise 0: stars = round(1 + 4 * 0.25) = 2
        assertThat(deliveredOf(OrderDelivered.class))
                .extracting(RecordingOutput.Delivered::observation)
                .containsExactly(new OrderDelivered(proposal.id(), "s0", 0.25, 2, true));
        act(20, C0, new Done("paid"));

        act(30, C1, new WriteReview(proposal.id(), "not mine"));
        act(40, C0, new WriteReview(proposal.id(), "Cold, \"late\" pizza."));
        act(50, C0, new WriteReview(proposal.id(), "again"));
        act(60, C0, new WriteReview("s1-p9", "no such order"));

        assertThat(logged(ReviewTextEvent.class))
                .containsExactly(new ReviewTextEvent("c0", "s0", proposal.id(), 2, "Cold, \"late\" pizza."));
        assertThat(logged(RejectionEvent.class))
                .extracting(RejectionEvent::agent, RejectionEvent::ref, RejectionEvent::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c1", proposal.id(), RejectionReason.UNKNOWN_PROPOSAL),
                        org.assertj.core.groups.Tuple.tuple("c0", proposal.id(), RejectionReason.UNKNOWN_PROPOSAL),
                        org.assertj.core.groups.Tuple.tuple("c0", "s1-p9", RejectionReason.UNKNOWN_PROPOSAL));
    }

    @Test
    void withoutReviewTextsTheCustomerIsToldItsStarsAndNoTextIsTaken() {
        ServiceQuality quality = ServiceQuality.constant(1.0, Map.of(0, 0.25));
        open(catalog(0), dynamics(null, 0, null, 0, quality, reviews(1, Refresh.IMMEDIATE, null, List.of())));
        Proposal proposal = buy(10, C0, S0);
        assertThat(deliveredOf(OrderDelivered.class))
                .extracting(RecordingOutput.Delivered::observation)
                .containsExactly(new OrderDelivered(proposal.id(), "s0", 0.25, 2, false));
        act(20, C0, new WriteReview(proposal.id(), "unasked"));
        assertThat(logged(ReviewTextEvent.class)).isEmpty();
        assertThat(logged(RejectionEvent.class)).hasSize(1);
    }

    @Test
    void noReviewIsWrittenWhenTheDrawSaysNot() {
        open(catalog(0), dynamics(null, 0, null, 0, null, reviews(0, Refresh.IMMEDIATE, null, List.of())));
        buy(10, C0, S0);
        assertThat(logged(DeliveryEvent.class)).hasSize(1);
        assertThat(logged(ReviewEvent.class)).isEmpty();
    }

    @Test
    void aFilteredReviewIsLoggedButNotCounted() {
        open(
                catalog(0),
                dynamics(null, 0, null, 0, null, reviews(1, Refresh.IMMEDIATE, new ReviewFilter(0, 1), List.of())));
        Proposal proposal = buy(10, C0, S0);
        assertThat(logged(ReviewEvent.class))
                .containsExactly(new ReviewEvent("s0", "c0", proposal.id(), 5, false, true));
        assertThat(logged(ReputationEvent.class)).isEmpty();
        assertThat(market.listed().get(0).reviewCount()).isEqualTo(2);
    }

    @Test
    void fakeReviewsArePostedOnMarketTimersUntilTheBudgetIsSpentAndTheFilterCatchesSome() {
        List<FakeReviews> fakes = List.of(new FakeReviews(1, 3, 50_000, 5));
        open(
                catalog(0),
                dynamics(null, 0, null, 0, null, reviews(1, Refresh.IMMEDIATE, new ReviewFilter(0.5, 0), fakes)));
        assertThat(pending)
                .filteredOn(s -> ((Scheduled.MarketTimerAt) s).purpose() == TimerPurpose.FAKE_REVIEW)
                .singleElement()
                .satisfies(s -> assertThat(s.agent()).isZero());
        runUntil(HORIZON);
        List<ReviewEvent> reviews = logged(ReviewEvent.class);
        assertThat(reviews).hasSize(3).allSatisfy(r -> {
            assertThat(r.service()).isEqualTo("s1");
            assertThat(r.customer()).isNull();
            assertThat(r.proposal()).isNull();
            assertThat(r.fake()).isTrue();
            assertThat(r.stars()).isEqualTo(5);
        });
        for (int k = 0; k < 3; k++) {
            boolean expected = org.mercato.sim.random.Seeds.derive(SEED, "market/review-filter/s1/fake-" + k)
                            .nextDouble()
                    < 0.5;
            assertThat(reviews.get(k).filtered()).as("fake #%d", k).isEqualTo(expected);
        }
        long kept = reviews.stream().filter(r -> !r.filtered()).count();
        assertThat(market.listed().get(1).reviewCount()).isEqualTo(2 + (int) kept);
    }

    @Test
    void stockRefillsOnRestockTimersAndSoldOutUsesTheCurrentStock() {
        MarketDynamics dynamics =
                new MarketDynamics(null, 100_000, HORIZON, null, 0, null, null, new Restock(0, 0), null);
        open(catalog(1), dynamics);
        buy(10, C0, S0);
        buy(20, C1, S0);
        assertThat(logged(RejectionEvent.class))
                .extracting(RejectionEvent::reason)
                .containsExactly(RejectionReason.SOLD_OUT);
        runUntil(100_000);
        assertThat(logged(RestockEvent.class)).containsExactly(new RestockEvent("s0", 1));
        assertThat(log.stream()
                        .filter(r -> r.time() == 100_000)
                        .map(r -> r.event().type()))
                .as("a period starts before the restock at the same time")
                .containsExactly("period", "restock");
        buy(100_010, C1, S0);
        assertThat(logged(PaymentEvent.class)).hasSize(2);
        runUntil(200_000);
        assertThat(logged(RestockEvent.class)).hasSize(2);
    }

    @Test
    void aPartialRestockAddsItsAmountUpToTheCapacity() {
        MarketDynamics dynamics =
                new MarketDynamics(null, 0, HORIZON, null, 0, null, null, new Restock(50_000, 1), null);
        open(
                new Catalog(
                        List.of(service("s0", 4, 3), service("s1", 3, 0)),
                        catalog(0).customers()),
                dynamics);
        buy(10, C0, S0);
        buy(20, C1, S0);
        runUntil(100_000);
        assertThat(logged(RestockEvent.class)).containsExactly(new RestockEvent("s0", 2), new RestockEvent("s0", 3));
    }

    @Test
    void aCachedSearchNeverServesARankingFromBeforeAReputationChange() {
        Catalog catalog = catalog(0);
        MarketVersion version = new MarketVersion();
        CachedSearch search = SearchMechanisms.create("simple", catalog.services(), SEED, version, 16);
        ServiceQuality quality = ServiceQuality.constant(1.0, Map.of(0, 0.0));
        Reviews reviews = new Reviews(1, 0, new Aggregation.Mean(), Refresh.IMMEDIATE, null, List.of());
        open(catalog, dynamics(null, 0, null, 0, quality, reviews), search);
        act(1, C1, new Search("pizza", null, 0));
        act(2, C1, new Search("pizza", null, 0));
        assertThat(search.stats().hits()).isEqualTo(1);
        assertThat(((SearchResults) delivered.get(delivered.size() - 1).observation()).listings())
                .extracting(ListingView::service)
                .containsExactly("s0", "s1");

        buy(10, C0, S0); // a 1-star review: s0 falls to (4 + 4 + 1) / 3 = 3.0, below... equal to s1; ties by id
        buy(11, C1, S0); // another: (4 + 4 + 1 + 1) / 4 = 2.5
        assertThat(version.current())
                .as("the listing at open, then two changes")
                .isEqualTo(3);
        act(20, C1, new Search("pizza", null, 0));
        assertThat(((SearchResults) delivered.get(delivered.size() - 1).observation()).listings())
                .extracting(ListingView::service, ListingView::rating)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("s1", 3.0), org.assertj.core.groups.Tuple.tuple("s0", 2.5));
        assertThat(search.stats().hits()).isEqualTo(1);
    }

    @Test
    void aMechanismThatCannotReListIsAClearError() {
        Catalog catalog = catalog(0);
        SearchMechanism fixed = (request, searcher) -> catalog.services();
        Reviews reviews = new Reviews(1, 0, new Aggregation.Bayesian(1, 5), Refresh.IMMEDIATE, null, List.of());
        assertThatThrownBy(() -> open(catalog, dynamics(null, 0, null, 0, null, reviews), fixed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot re-list");
    }

    @Test
    void aMarketWithDynamicsIsNotForked() {
        open(catalog(0), dynamics(null, 0, null, 0, null, null));
        assertThat(market.fork()).isNull();
    }
}
