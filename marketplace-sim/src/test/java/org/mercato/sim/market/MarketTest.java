package org.mercato.sim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.DeclineEvent;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.MessageEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.RejectionEvent;
import org.mercato.sim.events.SearchEvent;
import org.mercato.sim.events.WaitEvent;
import org.mercato.sim.events.WakeEvent;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.protocol.Action;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalDeclined;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Rejected;
import org.mercato.sim.protocol.RejectionReason;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;
import org.mercato.sim.schedule.Scheduled;

/** Example-based tests of the market's rules, one scenario per rule, against a real {@link Market}. */
class MarketTest {
    // Agents: customers c0 (0), c1 (1), poor (2); services s0 (3), s1 (4).
    private static final int C0 = 0;
    private static final int C1 = 1;
    private static final int POOR = 2;
    private static final int S0 = 3;
    private static final int S1 = 4;

    private Market market;
    private RecordingOutput out;
    private long seq;

    static Customer customer(String id, long budget) {
        return new Customer(
                id,
                id,
                "pizza please",
                new TreeMap<>(Map.of("pizza", 1)),
                new TreeMap<>(Map.of("pizza", 1500L)),
                new TreeSet<>(),
                budget);
    }

    static Service service(String id, double rating, Set<String> amenities) {
        return Service.of(id, Map.of("pizza", 1200L, "soda", 300L), amenities, rating, 10);
    }

    @BeforeEach
    void setUp() {
        Catalog catalog = new Catalog(
                List.of(service("s0", 4.5, Set.of("delivery")), service("s1", 3.0, Set.of())),
                List.of(customer("c0", 10_000), customer("c1", 10_000), customer("poor", 1_000)));
        market = newMarket(catalog, SearchSettings.DEFAULT);
        out = new RecordingOutput();
    }

    private static Market newMarket(Catalog catalog, SearchSettings settings) {
        return new Market(new AgentDirectory(catalog), new SimpleSearch(catalog.services()), settings);
    }

    private void act(long t, int agent, Action action) {
        out.clear();
        market.apply(new Scheduled.ActionAt(t, agent, seq++, action), out);
    }

    private static List<OrderLine> pizzas(int quantity) {
        return List.of(new OrderLine("pizza", quantity, 1200));
    }

    /** c writes to s, then s proposes {@code quantity} pizzas valid until {@code validUntil}; returns the proposal. */
    private Proposal converseAndPropose(long t, int customer, int service, int quantity, long validUntil) {
        act(t, customer, Message.inquiry(market.agents().idOf(service), "hi", Map.of("pizza", quantity)));
        act(t, service, new Propose(market.agents().idOf(customer), pizzas(quantity), 1200L * quantity, validUntil));
        return ((ProposalEvent) out.onlyEvent()).proposal();
    }

    private void assertRejected(int agent, String action, String ref, RejectionReason reason) {
        assertThat(out.events).hasSize(1);
        assertThat(out.events.get(0).event())
                .isEqualTo(new RejectionEvent(market.agents().idOf(agent), action, ref, reason));
        assertThat(out.deliveries)
                .containsExactly(new RecordingOutput.Delivered(
                        agent, out.events.get(0).time(), new Rejected(action, ref, reason)));
        assertThat(out.scheduled).isEmpty();
    }

    private long[] balances() {
        long[] balances = new long[market.agents().size()];
        for (int i = 0; i < balances.length; i++) {
            balances[i] = market.ledger().balance(i);
        }
        return balances;
    }

    @Test
    void openLogsTheCatalogAndStartsEveryAgentAtTimeZero() {
        market.open(out);

        assertThat(out.events).extracting(RecordingOutput.Recorded::time).containsOnly(0L);
        assertThat(out.events)
                .extracting(r -> r.event().type())
                .containsExactly("customer", "customer", "customer", "service", "service");
        assertThat(out.deliveries).extracting(RecordingOutput.Delivered::agent).containsExactly(0, 1, 2, 3, 4);
        assertThat(out.deliveries.subList(0, 3))
                .allSatisfy(d -> assertThat(d.observation()).isInstanceOf(AssistantStarted.class));
        assertThat(out.deliveries.subList(3, 5))
                .allSatisfy(d -> assertThat(d.observation()).isInstanceOf(ServiceStarted.class));
        assertThat(((ServiceStarted) out.deliveries.get(4).observation())
                        .service()
                        .id())
                .isEqualTo("s1");
        assertThat(balances()).containsExactly(10_000, 10_000, 1_000, 0, 0);
    }

    @Nested
    class Conversations {
        @Test
        void messageGoesOnlyToTheAddressedService() {
            act(5, C0, Message.inquiry("s1", "two pizzas?", Map.of("pizza", 2)));

            assertThat(out.onlyEvent())
                    .isEqualTo(new MessageEvent("c0", "s1", "two pizzas?", new TreeMap<>(Map.of("pizza", 2))));
            assertThat(out.deliveries)
                    .containsExactly(new RecordingOutput.Delivered(
                            S1, 5, new MessageReceived("c0", "two pizzas?", new TreeMap<>(Map.of("pizza", 2)))));
        }

        @Test
        void messageToAnUnknownIdIsRejectedAsUnknownRecipient() {
            act(5, C0, Message.inquiry("nobody", "hello", Map.of()));
            assertRejected(C0, "message", "nobody", RejectionReason.UNKNOWN_RECIPIENT);
        }

        @Test
        void messageToAnotherCustomerIsRejectedAsUnknownRecipient() {
            act(5, C0, Message.inquiry("c1", "hello", Map.of()));
            assertRejected(C0, "message", "c1", RejectionReason.UNKNOWN_RECIPIENT);
        }

        @Test
        void replyWithoutConversationIsRejected() {
            act(5, S0, new Reply("c0", "buy from us"));
            assertRejected(S0, "reply", "c0", RejectionReason.NO_CONVERSATION);
        }

        @Test
        void replyToAnUnknownCustomerIsRejectedAsNoConversation() {
            act(5, S0, new Reply("ghost", "hello"));
            assertRejected(S0, "reply", "ghost", RejectionReason.NO_CONVERSATION);
        }

        @Test
        void conversationWithOneServiceDoesNotOpenOneWithAnother() {
            act(5, C0, Message.inquiry("s0", "hi", Map.of()));
            act(6, S1, new Reply("c0", "me too"));
            assertRejected(S1, "reply", "c0", RejectionReason.NO_CONVERSATION);
            act(7, S0, new Reply("c1", "and you?"));
            assertRejected(S0, "reply", "c1", RejectionReason.NO_CONVERSATION);
        }

        @Test
        void replyAfterTheCustomerWroteReachesOnlyThatCustomer() {
            act(5, C0, Message.inquiry("s0", "hi", Map.of()));
            act(6, S0, new Reply("c0", "hello back"));

            assertThat(out.onlyEvent()).isEqualTo(new MessageEvent("s0", "c0", "hello back", new TreeMap<>()));
            assertThat(out.deliveries)
                    .containsExactly(new RecordingOutput.Delivered(
                            C0, 6, new MessageReceived("s0", "hello back", new TreeMap<>())));
        }

        @Test
        void proposeWithoutConversationIsRejected() {
            act(5, S0, new Propose("c0", pizzas(1), 1200, 100));
            assertRejected(S0, "propose", "c0", RejectionReason.NO_CONVERSATION);
            assertThat(market.proposals().issued()).isZero();
        }
    }

    @Nested
    class Proposals {
        @BeforeEach
        void converse() {
            act(1, C0, Message.inquiry("s0", "hi", Map.of()));
        }

        @Test
        void validProposalIsRecordedAndDeliveredToTheCustomerOnly() {
            List<OrderLine> lines = List.of(new OrderLine("pizza", 2, 1200), new OrderLine("soda", 1, 300));
            act(10, S0, new Propose("c0", lines, 2700, 50));

            Proposal expected = new Proposal("s0-p1", "s0", "c0", lines, 2700, 10, 50);
            assertThat(out.onlyEvent()).isEqualTo(new ProposalEvent(expected));
            assertThat(out.deliveries)
                    .containsExactly(new RecordingOutput.Delivered(C0, 10, new ProposalReceived(expected)));
            assertThat(market.proposals().get("s0-p1").status()).isEqualTo(ProposalBook.Status.OPEN);
            assertThat(market.proposals().get("s0-p1").customer()).isEqualTo(C0);
            assertThat(market.proposals().get("s0-p1").service()).isEqualTo(S0);
        }

        @Test
        void proposalIdsCountUpPerService() {
            act(10, S0, new Propose("c0", pizzas(1), 1200, 50));
            act(11, S0, new Propose("c0", pizzas(2), 2400, 50));
            assertThat(((ProposalEvent) out.onlyEvent()).proposal().id()).isEqualTo("s0-p2");
            act(12, C0, Message.inquiry("s1", "hi", Map.of()));
            act(13, S1, new Propose("c0", pizzas(1), 1200, 50));
            // another service's count is its own, whatever s0 did before
            assertThat(((ProposalEvent) out.onlyEvent()).proposal().id()).isEqualTo("s1-p1");
            assertThat(market.proposals().issued()).isEqualTo(3);
        }

        @Test
        void proposalWithoutLinesIsInvalid() {
            act(10, S0, new Propose("c0", List.of(), 0, 50));
            assertRejected(S0, "propose", "c0", RejectionReason.INVALID_PROPOSAL);
        }

        @Test
        void proposalWhoseTotalOverflowsIsInvalidNotWrappedAround() {
            List<OrderLine> lines = List.of(new OrderLine("pizza", Integer.MAX_VALUE, Long.MAX_VALUE / 4));
            long wrapped = Integer.MAX_VALUE * (Long.MAX_VALUE / 4);

            act(10, S0, new Propose("c0", lines, wrapped, 50));

            assertRejected(S0, "propose", "c0", RejectionReason.INVALID_PROPOSAL);
            assertThat(market.proposals().issued()).isZero();
        }

        @Test
        void proposalWhoseTotalDoesNotMatchItsLinesIsInvalid() {
            act(10, S0, new Propose("c0", pizzas(2), 2399, 50));
            assertRejected(S0, "propose", "c0", RejectionReason.INVALID_PROPOSAL);
            act(11, S0, new Propose("c0", pizzas(2), 2401, 50));
            assertRejected(S0, "propose", "c0", RejectionReason.INVALID_PROPOSAL);
            assertThat(market.proposals().issued()).isZero();
        }

        @Test
        void proposalAlreadyExpiredIsInvalidButOneValidUntilNowIsAccepted() {
            act(10, S0, new Propose("c0", pizzas(1), 1200, 9));
            assertRejected(S0, "propose", "c0", RejectionReason.INVALID_PROPOSAL);

            act(10, S0, new Propose("c0", pizzas(1), 1200, 10));
            assertThat(out.onlyEvent()).isInstanceOf(ProposalEvent.class);
        }
    }

    @Nested
    class Payments {
        @Test
        void paymentMovesExactlyTheTotalAndTellsBothSides() {
            Proposal p = converseAndPropose(10, C0, S0, 2, 100);
            act(20, C0, new Pay(p.id(), 2400));

            assertThat(out.onlyEvent()).isEqualTo(new PaymentEvent(p.id(), "c0", "s0", 2400));
            PaymentSettled settled = new PaymentSettled(p.id(), "c0", "s0", 2400);
            assertThat(out.deliveries)
                    .containsExactly(
                            new RecordingOutput.Delivered(C0, 20, settled),
                            new RecordingOutput.Delivered(S0, 20, settled));
            assertThat(balances()).containsExactly(7_600, 10_000, 1_000, 2_400, 0);
            assertThat(market.ledger().total()).isEqualTo(21_000);
            assertThat(market.proposals().get(p.id()).status()).isEqualTo(ProposalBook.Status.PAID);
        }

        @Test
        void unknownProposalIsRejected() {
            act(20, C0, new Pay("p42", 100));
            assertRejected(C0, "pay", "p42", RejectionReason.UNKNOWN_PROPOSAL);
        }

        @Test
        void someoneElsesProposalIsRejected() {
            Proposal p = converseAndPropose(10, C0, S0, 1, 100);
            act(20, C1, new Pay(p.id(), 1200));
            assertRejected(C1, "pay", p.id(), RejectionReason.NOT_ADDRESSED_TO_YOU);
            assertThat(balances()).containsExactly(10_000, 10_000, 1_000, 0, 0);
        }

        @Test
        void wrongAmountIsRejectedEitherWay() {
            Proposal p = converseAndPropose(10, C0, S0, 1, 100);
            act(20, C0, new Pay(p.id(), 1199));
            assertRejected(C0, "pay", p.id(), RejectionReason.WRONG_AMOUNT);
            act(21, C0, new Pay(p.id(), 1201));
            assertRejected(C0, "pay", p.id(), RejectionReason.WRONG_AMOUNT);
            act(22, C0, new Pay(p.id(), -1200));
            assertRejected(C0, "pay", p.id(), RejectionReason.WRONG_AMOUNT);
            assertThat(market.proposals().get(p.id()).status()).isEqualTo(ProposalBook.Status.OPEN);
        }

        @Test
        void paymentBeyondTheBalanceIsRejectedButTheExactBalanceIsEnough() {
            Proposal tooDear = converseAndPropose(10, POOR, S0, 1, 100); // 1200 > 1000
            act(20, POOR, new Pay(tooDear.id(), 1200));
            assertRejected(POOR, "pay", tooDear.id(), RejectionReason.INSUFFICIENT_FUNDS);

            act(21, S0, new Propose("poor", List.of(new OrderLine("soda", 1, 1000)), 1000, 100));
            String exact = ((ProposalEvent) out.onlyEvent()).proposal().id();
            act(22, POOR, new Pay(exact, 1000));
            assertThat(out.onlyEvent()).isInstanceOf(PaymentEvent.class);
            assertThat(market.ledger().balance(POOR)).isZero();
        }

        @Test
        void aServiceAtCapacityTakesNoMorePaidOrders() {
            Catalog catalog = new Catalog(
                    List.of(service("s0", 4.5, Set.of()).withCapacity(1), service("s1", 3.0, Set.of())),
                    List.of(customer("c0", 10_000), customer("c1", 10_000), customer("poor", 1_000)));
            market = newMarket(catalog, SearchSettings.DEFAULT);
            Proposal first = converseAndPropose(10, C0, S0, 1, 100);
            Proposal second = converseAndPropose(11, C1, S0, 1, 100);
            act(20, C0, new Pay(first.id(), 1200));
            assertThat(out.onlyEvent()).isInstanceOf(PaymentEvent.class);

            act(21, C1, new Pay(second.id(), 1200));
            assertRejected(C1, "pay", second.id(), RejectionReason.SOLD_OUT);
            assertThat(market.ledger().balance(C1)).isEqualTo(10_000);
            assertThat(market.proposals().get(second.id()).status()).isEqualTo(ProposalBook.Status.OPEN);
        }

        @Test
        void secondPaymentOfTheSameProposalIsRejected() {
            Proposal p = converseAndPropose(10, C0, S0, 1, 100);
            act(20, C0, new Pay(p.id(), 1200));
            act(21, C0, new Pay(p.id(), 1200));
            assertRejected(C0, "pay", p.id(), RejectionReason.ALREADY_PAID);
            assertThat(market.ledger().balance(C0)).isEqualTo(8_800);
        }

        @Test
        void declinedProposalCannotBePaid() {
            Proposal p = converseAndPropose(10, C0, S0, 1, 100);
            act(20, C0, new Decline(p.id()));
            act(21, C0, new Pay(p.id(), 1200));
            assertRejected(C0, "pay", p.id(), RejectionReason.ALREADY_DECLINED);
        }

        @Test
        void paymentIsAcceptedAtValidUntilAndRejectedJustAfter() {
            Proposal early = converseAndPropose(10, C0, S0, 1, 100);
            Proposal late = converseAndPropose(10, C1, S0, 1, 100);
            act(100, C0, new Pay(early.id(), 1200));
            assertThat(out.onlyEvent()).isInstanceOf(PaymentEvent.class);
            act(101, C1, new Pay(late.id(), 1200));
            assertRejected(C1, "pay", late.id(), RejectionReason.EXPIRED);
        }

        @Test
        void rejectionsFollowTheDocumentedPrecedence() {
            // Expired and wrong amount: expiry is reported. Foreign and paid: foreign is reported.
            Proposal p = converseAndPropose(10, C0, S0, 1, 100);
            act(200, C0, new Pay(p.id(), 1));
            assertRejected(C0, "pay", p.id(), RejectionReason.EXPIRED);
            Proposal q = converseAndPropose(300, C0, S0, 1, 400);
            act(301, C0, new Pay(q.id(), 1200));
            act(302, C1, new Pay(q.id(), 5));
            assertRejected(C1, "pay", q.id(), RejectionReason.NOT_ADDRESSED_TO_YOU);
        }
    }

    @Nested
    class Declines {
        @Test
        void declineTellsOnlyTheService() {
            Proposal p = converseAndPropose(10, C0, S0, 1, 100);
            act(20, C0, new Decline(p.id()));

            assertThat(out.onlyEvent()).isEqualTo(new DeclineEvent(p.id(), "c0", "s0"));
            assertThat(out.deliveries)
                    .containsExactly(new RecordingOutput.Delivered(S0, 20, new ProposalDeclined(p.id(), "c0")));
            assertThat(market.proposals().get(p.id()).status()).isEqualTo(ProposalBook.Status.DECLINED);
        }

        @Test
        void declineOfUnknownForeignPaidOrDeclinedProposalsIsRejected() {
            act(5, C0, new Decline("nope"));
            assertRejected(C0, "decline", "nope", RejectionReason.UNKNOWN_PROPOSAL);

            Proposal p = converseAndPropose(10, C0, S0, 1, 100);
            act(20, C1, new Decline(p.id()));
            assertRejected(C1, "decline", p.id(), RejectionReason.NOT_ADDRESSED_TO_YOU);

            act(21, C0, new Pay(p.id(), 1200));
            act(22, C0, new Decline(p.id()));
            assertRejected(C0, "decline", p.id(), RejectionReason.ALREADY_PAID);

            Proposal q = converseAndPropose(30, C0, S0, 1, 100);
            act(31, C0, new Decline(q.id()));
            act(32, C0, new Decline(q.id()));
            assertRejected(C0, "decline", q.id(), RejectionReason.ALREADY_DECLINED);
        }
    }

    @Nested
    class AfterDone {
        @Test
        void doneIsRecordedAndLaterActionsAreRejectedWithoutDelivery() {
            Proposal p = converseAndPropose(10, C0, S0, 1, 100);
            act(20, C0, new Done("enough"));
            assertThat(out.onlyEvent()).isEqualTo(new DoneEvent("c0", "enough"));
            assertThat(market.isDone(C0)).isTrue();

            List<Action> later = List.of(
                    new Pay(p.id(), 1200),
                    new Decline(p.id()),
                    new Search("pizza"),
                    Message.inquiry("s0", "again", Map.of()),
                    new Wait(500),
                    new Done("twice"));
            for (Action action : later) {
                act(30, C0, action);
                assertThat(out.onlyEvent())
                        .isEqualTo(new RejectionEvent("c0", action.kind(), "", RejectionReason.AGENT_DONE));
                // Nothing more is delivered to a done agent, not even its rejections.
                assertThat(out.deliveries).isEmpty();
                assertThat(out.scheduled).isEmpty();
            }
            assertThat(market.ledger().balance(C0)).isEqualTo(10_000);
            assertThat(market.proposals().get(p.id()).status()).isEqualTo(ProposalBook.Status.OPEN);
        }

        @Test
        void servicesMayStillWriteToADoneCustomerButNothingIsDelivered() {
            act(10, C0, Message.inquiry("s0", "hi", Map.of()));
            act(11, C0, new Done(null));
            act(12, S0, new Reply("c0", "still there?"));
            assertThat(out.onlyEvent()).isInstanceOf(MessageEvent.class);
            assertThat(out.deliveries).isEmpty();
            act(13, S0, new Propose("c0", pizzas(1), 1200, 100));
            assertThat(out.onlyEvent()).isInstanceOf(ProposalEvent.class);
            assertThat(out.deliveries).isEmpty();
        }

        @Test
        void wakeOfADoneAgentIsDropped() {
            act(10, C0, new Done(""));
            out.clear();
            market.apply(new Scheduled.WakeAt(50, C0, 99), out);
            assertThat(out.events).isEmpty();
            assertThat(out.deliveries).isEmpty();
        }
    }

    @Nested
    class Waiting {
        @Test
        void waitSchedulesAWakeAtTheRequestedTimeWithTheWaitsSeq() {
            out.clear();
            market.apply(new Scheduled.ActionAt(100, S1, 7, new Wait(250)), out);

            assertThat(out.onlyEvent()).isEqualTo(new WaitEvent("s1", 250));
            assertThat(out.scheduled).containsExactly(new Scheduled.WakeAt(250, S1, 7));
            assertThat(out.deliveries).isEmpty();
        }

        @Test
        void waitIntoThePastWakesNow() {
            out.clear();
            market.apply(new Scheduled.ActionAt(100, C1, 3, new Wait(40)), out);

            assertThat(out.onlyEvent()).isEqualTo(new WaitEvent("c1", 100));
            assertThat(out.scheduled).containsExactly(new Scheduled.WakeAt(100, C1, 3));
        }

        @Test
        void wakeRecordsAndDeliversWokenUp() {
            out.clear();
            market.apply(new Scheduled.WakeAt(250, S1, 7), out);
            assertThat(out.onlyEvent()).isEqualTo(new WakeEvent("s1"));
            assertThat(out.deliveries).containsExactly(new RecordingOutput.Delivered(S1, 250, new WokenUp(250)));
        }
    }

    @Nested
    class Searching {
        // Ratings: a=5.0, b=4.5, c=4.5, d=4.0, e=3.5, f=3.0, g=2.0; c and b tie, listed out of id order.
        private final List<Service> services = List.of(
                service("svc-f", 3.0, Set.of()),
                service("svc-c", 4.5, Set.of("delivery", "vegan")),
                service("svc-a", 5.0, Set.of("delivery")),
                service("svc-g", 2.0, Set.of("vegan")),
                service("svc-b", 4.5, Set.of("delivery")),
                service("svc-e", 3.5, Set.of("delivery", "vegan")),
                service("svc-d", 4.0, Set.of()));
        private final Catalog catalog = new Catalog(services, List.of(customer("shopper", 100)));

        private SearchResults search(SearchSettings settings, Search request) {
            Market m = newMarket(catalog, settings);
            RecordingOutput o = new RecordingOutput();
            m.apply(new Scheduled.ActionAt(42, 0, 0, request), o);
            assertThat(o.deliveries).hasSize(1);
            assertThat(o.deliveries.get(0).agent()).isZero();
            assertThat(o.deliveries.get(0).time()).isEqualTo(42);
            SearchResults results = (SearchResults) o.deliveries.get(0).observation();
            SearchEvent event = (SearchEvent) o.onlyEvent();
            assertThat(event.agent()).isEqualTo("shopper");
            assertThat(event.query()).isEqualTo(request.query());
            assertThat(event.page()).isEqualTo(request.page());
            assertThat(event.totalPages()).isEqualTo(results.totalPages());
            assertThat(event.results())
                    .containsExactlyElementsOf(results.listings().stream()
                            .map(ListingView::service)
                            .toList());
            return results;
        }

        private List<String> ids(SearchResults results) {
            return results.listings().stream().map(ListingView::service).toList();
        }

        private List<Integer> ranks(SearchResults results) {
            return results.listings().stream().map(ListingView::rank).toList();
        }

        @Test
        void firstPageHoldsPageSizeListingsByRatingWithTiesByIdAndRanksFromOne() {
            SearchResults page0 = search(new SearchSettings(3, 10, true), new Search("pizza", SearchFilters.NONE, 0));
            assertThat(page0.query()).isEqualTo("pizza");
            assertThat(page0.page()).isZero();
            assertThat(page0.totalPages()).isEqualTo(3);
            assertThat(ids(page0)).containsExactly("svc-a", "svc-b", "svc-c");
            assertThat(ranks(page0)).containsExactly(1, 2, 3);
        }

        @Test
        void ranksContinueAcrossPagesAndTheLastPageIsShort() {
            SearchSettings settings = new SearchSettings(3, 10, true);
            SearchResults page1 = search(settings, new Search("", SearchFilters.NONE, 1));
            SearchResults page2 = search(settings, new Search("", SearchFilters.NONE, 2));
            assertThat(ids(page1)).containsExactly("svc-d", "svc-e", "svc-f");
            assertThat(ranks(page1)).containsExactly(4, 5, 6);
            assertThat(ids(page2)).containsExactly("svc-g");
            assertThat(ranks(page2)).containsExactly(7);
        }

        @Test
        void pagesBeyondTheLastAreEmpty() {
            SearchResults page3 = search(new SearchSettings(3, 10, true), new Search("", SearchFilters.NONE, 3));
            assertThat(page3.listings()).isEmpty();
            assertThat(page3.totalPages()).isEqualTo(3);
        }

        @Test
        void pageLimitCapsTheReachablePages() {
            SearchSettings settings = new SearchSettings(3, 2, true);
            SearchResults page1 = search(settings, new Search("", SearchFilters.NONE, 1));
            SearchResults page2 = search(settings, new Search("", SearchFilters.NONE, 2));
            assertThat(page1.totalPages()).isEqualTo(2);
            assertThat(ids(page1)).containsExactly("svc-d", "svc-e", "svc-f");
            assertThat(page2.totalPages()).isEqualTo(2);
            assertThat(page2.listings()).isEmpty();
        }

        @Test
        void everythingFitsOnOnePage() {
            SearchResults page = search(SearchSettings.DEFAULT, new Search("anything"));
            assertThat(page.totalPages()).isEqualTo(1);
            assertThat(ids(page)).containsExactly("svc-a", "svc-b", "svc-c", "svc-d", "svc-e", "svc-f", "svc-g");
            assertThat(ranks(page)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        }

        @Test
        void amenityFilterKeepsOnlyServicesWithAllAmenities() {
            SearchResults page = search(
                    SearchSettings.DEFAULT, new Search("", SearchFilters.amenities(Set.of("delivery", "vegan")), 0));
            assertThat(ids(page)).containsExactly("svc-c", "svc-e");
            assertThat(ranks(page)).containsExactly(1, 2);
        }

        @Test
        void minRatingFilterIsInclusive() {
            SearchResults page =
                    search(SearchSettings.DEFAULT, new Search("", new SearchFilters(new TreeSet<>(), 4.0), 0));
            assertThat(ids(page)).containsExactly("svc-a", "svc-b", "svc-c", "svc-d");
        }

        @Test
        void filtersCombineAndArePagedAfterFiltering() {
            SearchSettings settings = new SearchSettings(1, 10, true);
            Search request = new Search("", new SearchFilters(new TreeSet<>(Set.of("delivery")), 3.5), 1);
            SearchResults page = search(settings, request);
            assertThat(page.totalPages()).isEqualTo(4); // a, b, c, e
            assertThat(ids(page)).containsExactly("svc-b");
            assertThat(ranks(page)).containsExactly(2);
        }

        @Test
        void noMatchGivesZeroPages() {
            SearchResults page = search(
                    SearchSettings.DEFAULT, new Search("", new SearchFilters(new TreeSet<>(Set.of("spa")), 0), 0));
            assertThat(page.totalPages()).isZero();
            assertThat(page.listings()).isEmpty();
        }

        @Test
        void listingsShowTheServicesDetailsAndPricesWhenRevealed() {
            SearchResults page = search(new SearchSettings(2, 10, true), new Search(""));
            ListingView first = page.listings().get(0);
            Service a = services.get(2);
            assertThat(first.service()).isEqualTo("svc-a");
            assertThat(first.name()).isEqualTo(a.name());
            assertThat(first.description()).isEqualTo(a.description());
            assertThat(first.rating()).isEqualTo(5.0);
            assertThat(first.reviewCount()).isEqualTo(10);
            assertThat(first.amenities()).containsExactly("delivery");
            assertThat(first.prices()).isEqualTo(a.menu()).isNotEmpty();
        }

        @Test
        void hiddenPricesGiveEmptyPriceMaps() {
            SearchResults page = search(new SearchSettings(10, 10, false), new Search(""));
            assertThat(page.listings())
                    .hasSize(7)
                    .allSatisfy(listing -> assertThat(listing.prices()).isEmpty());
        }
    }

    @Test
    void rejectionsNeverChangeBalancesAndEachIsLoggedOnce() {
        Proposal p = converseAndPropose(10, C0, S0, 1, 100);
        List<Event> all = new ArrayList<>();
        List<Action> bad = List.of(
                new Pay("zzz", 1200), new Pay(p.id(), 1), new Decline("zzz"), Message.inquiry("zzz", "", Map.of()));
        for (Action action : bad) {
            act(20, C0, action);
            all.addAll(out.events.stream().map(RecordingOutput.Recorded::event).toList());
        }
        assertThat(all).hasSize(bad.size()).allSatisfy(e -> assertThat(e).isInstanceOf(RejectionEvent.class));
        assertThat(balances()).containsExactly(10_000, 10_000, 1_000, 0, 0);
    }

    @Nested
    class Forking {
        /**
         * A fork predicts what the real market will deliver: applying the same items to both gives
         * the same deliveries (proposal ids included), and the fork's moves leave the market as it was.
         */
        @Test
        void aForkDeliversWhatTheMarketWillAndChangesNothingInIt() {
            act(1, C0, Message.inquiry("s0", "hi", Map.of("pizza", 1)));
            Market fork = market.fork();
            RecordingOutput guessed = new RecordingOutput();
            List<Scheduled> items = List.of(
                    new Scheduled.ActionAt(5, S0, 0, new Propose("c0", pizzas(1), 1200, 100)),
                    new Scheduled.ActionAt(7, C0, 1, new Pay("s0-p1", 1200)),
                    new Scheduled.ActionAt(8, C1, 0, new org.mercato.sim.protocol.Search("pizza", null, 0)));
            for (Scheduled item : items) {
                fork.apply(item, guessed);
            }
            assertThat(market.proposals().issued()).isZero();
            assertThat(market.ledger().balance(C0)).isEqualTo(10_000);
            assertThat(fork.ledger().balance(C0)).isEqualTo(8_800);

            RecordingOutput real = new RecordingOutput();
            for (Scheduled item : items) {
                market.apply(item, real);
            }
            assertThat(guessed.deliveries).isNotEmpty().isEqualTo(real.deliveries);
        }

        @Test
        void aMarketWithHeldProposalsCannotBeForked() {
            Catalog catalog = new Catalog(List.of(service("s0", 4.5, Set.of())), List.of(customer("c0", 10_000)));
            Market held = new Market(
                    new AgentDirectory(catalog),
                    new SimpleSearch(catalog.services()),
                    SearchSettings.DEFAULT,
                    org.mercato.sim.market.presentation.PagePresenter.plainList(),
                    new ProposalReveal(RevealSettings.batched(5_000), 1));
            assertThat(held.fork()).isNull();
        }
    }
}
