package org.mercato.sim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.RejectionEvent;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.protocol.Action;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
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
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.schedule.Scheduled;

/**
 * Random action sequences against a real {@link Market}, checked against an explicit model of the
 * ledger rules kept in this test (expected balances, proposal states, conversations, done agents).
 */
class LedgerProperties {
    private static final int TRIES = 250;
    private static final List<String> ITEMS = List.of("pizza", "soda", "salad", "cake");

    // ---------------------------------------------------------------- generated scenario

    /** Generated intents; indices are reduced modulo what exists when the step is applied. */
    sealed interface Op {}

    /** target < services: that service; == services: an unknown id; otherwise a customer's id. */
    record MessageOp(int customer, int target) implements Op {}

    /**
     * A service speaks to a customer. When {@code invited}, service and customer are instead picked
     * among the conversations opened so far (if any); customer == customers means an unknown id.
     */
    record ReplyOp(int service, int customer, boolean invited) implements Op {}

    record LineSpec(int item, int quantity, long unitPrice) {}

    /** Same choice of service and customer as {@link ReplyOp}. */
    record ProposeOp(int service, int customer, boolean invited, List<LineSpec> lines, long totalError, long validFor)
            implements Op {}

    /**
     * Which proposal a Pay or Decline names: OPEN picks an open proposal (unexpired ones first) and
     * makes its addressee the actor (the likely-valid case); OWN one of the actor's own proposals in any state; ANY anyone's
     * proposal; UNKNOWN an id that was never issued.
     */
    enum Target {
        OPEN,
        OWN,
        ANY,
        UNKNOWN
    }

    record PayOp(int customer, Target target, int pick, long amountError) implements Op {}

    record DeclineOp(int customer, Target target, int pick) implements Op {}

    record DoneOp(int customer) implements Op {}

    record SearchOp(int customer) implements Op {}

    record WaitOp(int agent, long delay) implements Op {}

    record Step(long dt, Op op) {}

    record Scenario(Catalog catalog, List<Step> steps) {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("Scenario[");
            for (Customer c : catalog.customers()) {
                out.append(c.id()).append(" budget=").append(c.budget()).append("; ");
            }
            for (Service s : catalog.services()) {
                out.append(s.id()).append(' ').append(s.menu()).append("; ");
            }
            out.append('\n');
            for (Step step : steps) {
                out.append("  +")
                        .append(step.dt())
                        .append(' ')
                        .append(step.op())
                        .append('\n');
            }
            return out.append(']').toString();
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Customer> customer = Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.frequencyOf(
                                Tuple.of(1, Arbitraries.just(0L)),
                                Tuple.of(8, Arbitraries.longs().between(1, 25_000))))
                .as((item, budget) -> new Customer(
                        "placeholder",
                        null,
                        null,
                        new TreeMap<>(Map.of(ITEMS.get(item), 1)),
                        new TreeMap<>(Map.of(ITEMS.get(item), 1_000L)),
                        new TreeSet<>(),
                        budget));
        Arbitrary<SortedMenu> menu = Arbitraries.maps(
                        Arbitraries.of(ITEMS), Arbitraries.longs().between(0, 5_000))
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(SortedMenu::new);
        Arbitrary<List<Customer>> customers = customer.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<SortedMenu>> menus = menu.list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(customers, menus).flatAs((cs, ms) -> {
            List<Customer> named = new ArrayList<>();
            for (int i = 0; i < cs.size(); i++) {
                Customer c = cs.get(i);
                named.add(new Customer(
                        "c" + i, null, null, c.items(), c.referencePrices(), c.requiredAmenities(), c.budget()));
            }
            List<Service> services = new ArrayList<>();
            for (int i = 0; i < ms.size(); i++) {
                services.add(Service.of("s" + i, ms.get(i).prices(), Set.of(), 4.0, 3));
            }
            Catalog catalog = new Catalog(services, named);
            return steps(cs.size(), ms.size())
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(60)
                    .withSizeDistribution(RandomDistribution.uniform())
                    .map(steps -> new Scenario(catalog, steps));
        });
    }

    record SortedMenu(Map<String, Long> prices) {}

    private Arbitrary<Step> steps(int customers, int services) {
        Arbitrary<Integer> customer = Arbitraries.integers().between(0, customers - 1);
        Arbitrary<Integer> service = Arbitraries.integers().between(0, services - 1);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 20);
        Arbitrary<LineSpec> line = Combinators.combine(
                        Arbitraries.integers().between(0, ITEMS.size() - 1),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.longs().between(0, 2_500))
                .as(LineSpec::new);
        Arbitrary<Long> totalError = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.longs().between(-50, 50)));
        Arbitrary<Long> amountError = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.longs().between(-100, 100)));

        Arbitrary<Integer> recipient = Arbitraries.frequencyOf(
                Tuple.of(10, service), Tuple.of(1, Arbitraries.integers().between(services, services + customers)));
        Arbitrary<Op> message = Combinators.combine(customer, recipient).as(MessageOp::new);
        Arbitrary<Boolean> invited = Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false));
        Arbitrary<Op> reply = Combinators.combine(
                        service, Arbitraries.integers().between(0, customers), invited)
                .as(ReplyOp::new);
        Arbitrary<Op> propose = Combinators.combine(
                        service,
                        Arbitraries.frequencyOf(Tuple.of(12, customer), Tuple.of(1, Arbitraries.just(customers))),
                        invited,
                        Arbitraries.frequencyOf(
                                Tuple.of(12, line.list().ofMinSize(1).ofMaxSize(3)),
                                Tuple.of(1, Arbitraries.just(List.<LineSpec>of()))),
                        totalError,
                        Arbitraries.frequencyOf(
                                Tuple.of(1, Arbitraries.longs().between(-3, 3)),
                                Tuple.of(4, Arbitraries.longs().between(4, 150))))
                .as(ProposeOp::new);
        Arbitrary<Target> target = Arbitraries.frequency(
                Tuple.of(6, Target.OPEN),
                Tuple.of(2, Target.OWN),
                Tuple.of(2, Target.ANY),
                Tuple.of(1, Target.UNKNOWN));
        Arbitrary<Op> pay =
                Combinators.combine(customer, target, pick, amountError).as(PayOp::new);
        Arbitrary<Op> decline = Combinators.combine(customer, target, pick).as(DeclineOp::new);
        Arbitrary<Op> done = customer.map(DoneOp::new);
        Arbitrary<Op> search = customer.map(SearchOp::new);
        Arbitrary<Op> await = Combinators.combine(
                        Arbitraries.integers().between(0, customers + services - 1),
                        Arbitraries.longs().between(-5, 30))
                .as(WaitOp::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(20, message),
                Tuple.of(5, reply),
                Tuple.of(30, propose),
                Tuple.of(22, pay),
                Tuple.of(7, decline),
                Tuple.of(1, done),
                Tuple.of(3, search),
                Tuple.of(3, await));
        return Combinators.combine(Arbitraries.longs().between(1, 6), op).as(Step::new);
    }

    // ---------------------------------------------------------------- the model

    enum Status {
        OPEN,
        PAID,
        DECLINED
    }

    static final class ModelProposal {
        final Proposal proposal;
        final int service;
        final int customer;
        Status status = Status.OPEN;

        ModelProposal(Proposal proposal, int service, int customer) {
            this.proposal = proposal;
            this.service = service;
            this.customer = customer;
        }
    }

    /** What the model says one step must produce: accepted, or refused with this reason. */
    record Expectation(RejectionReason reason) {
        static final Expectation ACCEPTED = new Expectation(null);

        boolean accepted() {
            return reason == null;
        }
    }

    /** One applied step with what the market produced and the state after it. */
    record StepRecord(
            long t,
            int agent,
            Action action,
            boolean actorWasDone,
            Expectation expected,
            List<RecordingOutput.Recorded> events,
            List<RecordingOutput.Delivered> deliveries,
            List<Scheduled> scheduled,
            long[] balancesAfter,
            long[] modelBalancesAfter,
            long totalAfter) {}

    /** Applies a scenario to a real market and to the model side by side. */
    static final class Run {
        final AgentDirectory agents;
        final Market market;
        final long budgets;
        final long[] balances;
        final boolean[] done;
        final Set<Long> conversations = new LinkedHashSet<>();
        final Map<String, ModelProposal> proposals = new LinkedHashMap<>();
        final List<StepRecord> records = new ArrayList<>();

        Run(Scenario scenario) {
            this.agents = new AgentDirectory(scenario.catalog());
            this.market = new Market(agents, new SimpleSearch(agents.services()), new SearchSettings(2, 3, true));
            this.balances = new long[agents.size()];
            long sum = 0;
            for (int i = 0; i < agents.customerCount(); i++) {
                balances[i] = agents.customer(i).budget();
                sum += balances[i];
            }
            this.budgets = sum;
            this.done = new boolean[agents.size()];
            long t = 0;
            long seq = 0;
            for (Step step : scenario.steps()) {
                t += step.dt();
                now = t;
                int agent = actor(step.op());
                Action action = action(step.op(), t);
                boolean wasDone = done[agent];
                Expectation expected = expect(t, agent, action);
                RecordingOutput out = new RecordingOutput();
                market.apply(new Scheduled.ActionAt(t, agent, seq++, action), out);
                learnProposals(out, agent);
                long[] after = new long[agents.size()];
                for (int i = 0; i < after.length; i++) {
                    after[i] = market.ledger().balance(i);
                }
                records.add(new StepRecord(
                        t,
                        agent,
                        action,
                        wasDone,
                        expected,
                        List.copyOf(out.events),
                        List.copyOf(out.deliveries),
                        List.copyOf(out.scheduled),
                        after,
                        balances.clone(),
                        market.ledger().total()));
            }
        }

        private int actor(Op op) {
            if (op instanceof MessageOp m) {
                return m.customer();
            } else if (op instanceof ReplyOp r) {
                return speaker(r.service(), r.customer(), r.invited())[0];
            } else if (op instanceof ProposeOp p) {
                return speaker(p.service(), p.customer(), p.invited())[0];
            } else if (op instanceof PayOp p) {
                return payer(p.customer(), p.target(), p.pick());
            } else if (op instanceof DeclineOp d) {
                return payer(d.customer(), d.target(), d.pick());
            } else if (op instanceof DoneOp d) {
                return d.customer();
            } else if (op instanceof SearchOp s) {
                return s.customer();
            } else {
                return ((WaitOp) op).agent();
            }
        }

        /** The service agent and the customer (or an out-of-range index for "ghost") a service step talks to. */
        private int[] speaker(int service, int customer, boolean invited) {
            if (invited && !conversations.isEmpty()) {
                List<Long> open = new ArrayList<>(conversations);
                long pair = open.get((service * 31 + customer) % open.size());
                return new int[] {(int) pair, (int) (pair >>> 32)};
            }
            return new int[] {agents.customerCount() + service, customer};
        }

        private String customerId(int customer) {
            return customer < agents.customerCount() ? agents.idOf(customer) : "ghost";
        }

        private long now;

        /** Open proposals that can still be paid now, or if there are none, all open ones. */
        private List<ModelProposal> openProposals() {
            List<ModelProposal> open = proposals.values().stream()
                    .filter(p -> p.status == Status.OPEN)
                    .toList();
            List<ModelProposal> live =
                    open.stream().filter(p -> p.proposal.validUntil() >= now).toList();
            return live.isEmpty() ? open : live;
        }

        private int payer(int customer, Target target, int pick) {
            List<ModelProposal> open = openProposals();
            return target == Target.OPEN && !open.isEmpty() ? open.get(pick % open.size()).customer : customer;
        }

        private String pickProposal(int customer, Target target, int pick) {
            if (target == Target.UNKNOWN) {
                return "p" + (1_000 + pick);
            }
            if (target == Target.OPEN && !openProposals().isEmpty()) {
                return openProposals()
                        .get(pick % openProposals().size())
                        .proposal
                        .id();
            }
            List<String> candidates = new ArrayList<>();
            for (ModelProposal p : proposals.values()) {
                if (target == Target.ANY || p.customer == customer) {
                    candidates.add(p.proposal.id());
                }
            }
            if (candidates.isEmpty()) {
                return "none-yet";
            }
            return candidates.get(pick % candidates.size());
        }

        private Action action(Op op, long t) {
            if (op instanceof MessageOp m) {
                int services = agents.services().size();
                String to = m.target() < services
                        ? agents.services().get(m.target()).id()
                        : m.target() == services
                                ? "nobody"
                                : agents.idOf((m.target() - services - 1) % agents.customerCount());
                return Message.inquiry(to, "hello from " + agents.idOf(m.customer()), Map.of("pizza", 1));
            } else if (op instanceof ReplyOp r) {
                return new Reply(customerId(speaker(r.service(), r.customer(), r.invited())[1]), "reply");
            } else if (op instanceof ProposeOp p) {
                List<OrderLine> lines = new ArrayList<>();
                for (LineSpec spec : p.lines()) {
                    lines.add(new OrderLine(ITEMS.get(spec.item()), spec.quantity(), spec.unitPrice()));
                }
                long total = OrderLine.total(lines) + p.totalError();
                String to = customerId(speaker(p.service(), p.customer(), p.invited())[1]);
                return new Propose(to, lines, total, t + p.validFor());
            } else if (op instanceof PayOp p) {
                String id = pickProposal(p.customer(), p.target(), p.pick());
                ModelProposal target = proposals.get(id);
                long amount = (target == null ? 500 : target.proposal.total()) + p.amountError();
                return new Pay(id, amount);
            } else if (op instanceof DeclineOp d) {
                return new Decline(pickProposal(d.customer(), d.target(), d.pick()));
            } else if (op instanceof DoneOp) {
                return new Done("generated");
            } else if (op instanceof SearchOp) {
                return new Search("anything");
            } else {
                return new Wait(t + ((WaitOp) op).delay());
            }
        }

        private static long conversation(int customer, int service) {
            return ((long) customer << 32) | service;
        }

        /** The model's verdict on one action; updates the model as the rules say. */
        private Expectation expect(long t, int agent, Action action) {
            if (done[agent]) {
                return new Expectation(RejectionReason.AGENT_DONE);
            }
            if (action instanceof Message m) {
                int to = agents.indexOf(m.to());
                if (to < 0 || !agents.isService(to)) {
                    return new Expectation(RejectionReason.UNKNOWN_RECIPIENT);
                }
                conversations.add(conversation(agent, to));
                return Expectation.ACCEPTED;
            } else if (action instanceof Reply r) {
                int customer = agents.indexOf(r.customer());
                if (customer < 0 || !conversations.contains(conversation(customer, agent))) {
                    return new Expectation(RejectionReason.NO_CONVERSATION);
                }
                return Expectation.ACCEPTED;
            } else if (action instanceof Propose p) {
                int customer = agents.indexOf(p.customer());
                if (customer < 0 || !conversations.contains(conversation(customer, agent))) {
                    return new Expectation(RejectionReason.NO_CONVERSATION);
                }
                long sum = 0;
                for (OrderLine line : p.lines()) {
                    sum += line.quantity() * line.unitPrice();
                }
                if (p.lines().isEmpty() || sum != p.total() || p.validUntil() < t) {
                    return new Expectation(RejectionReason.INVALID_PROPOSAL);
                }
                return Expectation.ACCEPTED; // the proposal itself is learnt from the market's event
            } else if (action instanceof Pay p) {
                ModelProposal target = proposals.get(p.proposalId());
                RejectionReason reason = null;
                if (target == null) {
                    reason = RejectionReason.UNKNOWN_PROPOSAL;
                } else if (target.customer != agent) {
                    reason = RejectionReason.NOT_ADDRESSED_TO_YOU;
                } else if (target.status == Status.PAID) {
                    reason = RejectionReason.ALREADY_PAID;
                } else if (target.status == Status.DECLINED) {
                    reason = RejectionReason.ALREADY_DECLINED;
                } else if (t > target.proposal.validUntil()) {
                    reason = RejectionReason.EXPIRED;
                } else if (p.amount() != target.proposal.total()) {
                    reason = RejectionReason.WRONG_AMOUNT;
                } else if (p.amount() > balances[agent]) {
                    reason = RejectionReason.INSUFFICIENT_FUNDS;
                }
                if (reason != null) {
                    return new Expectation(reason);
                }
                balances[agent] -= p.amount();
                balances[target.service] += p.amount();
                target.status = Status.PAID;
                return Expectation.ACCEPTED;
            } else if (action instanceof Decline d) {
                ModelProposal target = proposals.get(d.proposalId());
                if (target == null) {
                    return new Expectation(RejectionReason.UNKNOWN_PROPOSAL);
                } else if (target.customer != agent) {
                    return new Expectation(RejectionReason.NOT_ADDRESSED_TO_YOU);
                } else if (target.status == Status.PAID) {
                    return new Expectation(RejectionReason.ALREADY_PAID);
                } else if (target.status == Status.DECLINED) {
                    return new Expectation(RejectionReason.ALREADY_DECLINED);
                }
                target.status = Status.DECLINED;
                return Expectation.ACCEPTED;
            } else if (action instanceof Done) {
                done[agent] = true;
                return Expectation.ACCEPTED;
            }
            return Expectation.ACCEPTED; // search, wait
        }

        private void learnProposals(RecordingOutput out, int agent) {
            for (ProposalEvent event : out.eventsOf(ProposalEvent.class)) {
                Proposal p = event.proposal();
                assertThat(proposals).as("proposal ids are fresh").doesNotContainKey(p.id());
                proposals.put(p.id(), new ModelProposal(p, agent, agents.indexOf(p.customer())));
            }
        }
    }

    // ---------------------------------------------------------------- properties

    /** (a) The ledger's total equals the sum of budgets after every step, and matches the model's balances. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void moneyIsConserved(@ForAll("scenarios") Scenario scenario) {
        Run run = new Run(scenario);
        long paid = 0;
        for (StepRecord step : run.records) {
            assertThat(step.totalAfter())
                    .as("ledger total after %s", step.action())
                    .isEqualTo(run.budgets);
            assertThat(step.balancesAfter())
                    .as("balances after %s at t=%d", step.action(), step.t())
                    .containsExactly(step.modelBalancesAfter());
            paid += step.events().stream()
                    .map(RecordingOutput.Recorded::event)
                    .filter(PaymentEvent.class::isInstance)
                    .count();
        }
        Statistics.label("payments per run").collect(paid == 0 ? "0" : paid < 3 ? "1-2" : "3+");
    }

    /** (b) No balance ever goes negative. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void noBalanceGoesNegative(@ForAll("scenarios") Scenario scenario) {
        for (StepRecord step : new Run(scenario).records) {
            for (long balance : step.balancesAfter()) {
                assertThat(balance).as("a balance after %s", step.action()).isNotNegative();
            }
        }
    }

    /**
     * (c) Every recorded payment names a proposal addressed to the payer, pays exactly its total, at or
     * before validUntil, and no proposal is paid twice; the transfer goes from payer to proposing service.
     */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void paymentsAreValid(@ForAll("scenarios") Scenario scenario) {
        Run run = new Run(scenario);
        Map<String, Proposal> made = new HashMap<>();
        Set<String> paid = new HashSet<>();
        long[] before = new long[run.agents.size()];
        for (int i = 0; i < run.agents.customerCount(); i++) {
            before[i] = run.agents.customer(i).budget();
        }
        for (StepRecord step : run.records) {
            long[] expected = before.clone();
            for (RecordingOutput.Recorded recorded : step.events()) {
                if (recorded.event() instanceof ProposalEvent p) {
                    made.put(p.proposal().id(), p.proposal());
                } else if (recorded.event() instanceof PaymentEvent payment) {
                    Proposal proposal = made.get(payment.proposal());
                    assertThat(proposal)
                            .as("paid proposal %s was made", payment.proposal())
                            .isNotNull();
                    assertThat(step.action()).isInstanceOf(Pay.class);
                    assertThat(payment.customer())
                            .isEqualTo(proposal.customer())
                            .isEqualTo(run.agents.idOf(step.agent()));
                    assertThat(payment.service()).isEqualTo(proposal.service());
                    assertThat(payment.amount()).isEqualTo(proposal.total());
                    assertThat(recorded.time()).isEqualTo(step.t()).isLessThanOrEqualTo(proposal.validUntil());
                    assertThat(paid.add(payment.proposal()))
                            .as("%s paid only once", payment.proposal())
                            .isTrue();
                    expected[step.agent()] -= payment.amount();
                    expected[run.agents.indexOf(payment.service())] += payment.amount();
                }
            }
            assertThat(step.balancesAfter()).as("only payments move money").containsExactly(expected);
            before = step.balancesAfter();
        }
    }

    /**
     * (d) A payment the rules forbid is never a PaymentEvent: it is exactly one RejectionEvent with the
     * reason the model predicts, and the payer (if still active) is told with a Rejected delivery.
     */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void forbiddenPaymentsAreRejectedWithTheirReason(@ForAll("scenarios") Scenario scenario) {
        for (StepRecord step : new Run(scenario).records) {
            if (!(step.action() instanceof Pay pay)) {
                continue;
            }
            String payer = idOf(scenario, step.agent());
            Statistics.label("pay outcome")
                    .collect(
                            step.expected().accepted()
                                    ? "paid"
                                    : step.expected().reason());
            if (step.expected().accepted()) {
                assertThat(step.events())
                        .extracting(RecordingOutput.Recorded::event)
                        .singleElement()
                        .isInstanceOf(PaymentEvent.class);
                PaymentSettled settled =
                        (PaymentSettled) step.deliveries().get(0).observation();
                assertThat(step.deliveries())
                        .extracting(RecordingOutput.Delivered::observation)
                        .containsExactly(settled, settled);
                assertThat(step.deliveries().get(0).agent()).isEqualTo(step.agent());
                continue;
            }
            RejectionReason reason = step.expected().reason();
            assertThat(step.events())
                    .extracting(RecordingOutput.Recorded::event)
                    .containsExactly(
                            new RejectionEvent(payer, "pay", step.actorWasDone() ? "" : pay.proposalId(), reason));
            if (step.actorWasDone()) {
                assertThat(step.deliveries()).isEmpty();
            } else {
                assertThat(step.deliveries())
                        .containsExactly(new RecordingOutput.Delivered(
                                step.agent(), step.t(), new Rejected("pay", pay.proposalId(), reason)));
            }
            assertThat(step.balancesAfter()).containsExactly(step.modelBalancesAfter());
        }
        Statistics.label("pay outcome").coverage(coverage -> {
            for (RejectionReason r : List.of(
                    RejectionReason.UNKNOWN_PROPOSAL,
                    RejectionReason.NOT_ADDRESSED_TO_YOU,
                    RejectionReason.WRONG_AMOUNT,
                    RejectionReason.INSUFFICIENT_FUNDS,
                    RejectionReason.ALREADY_PAID,
                    RejectionReason.ALREADY_DECLINED,
                    RejectionReason.EXPIRED)) {
                coverage.check(r).count(c -> c > 0);
            }
            coverage.check("paid").percentage(p -> p > 3);
        });
    }

    /** Every non-pay action is accepted or refused exactly as the model says. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void everyVerdictMatchesTheModel(@ForAll("scenarios") Scenario scenario) {
        for (StepRecord step : new Run(scenario).records) {
            Statistics.label("verdict")
                    .collect(step.action().kind() + ":"
                            + (step.expected().accepted()
                                    ? "ok"
                                    : step.expected().reason()));
            List<Event> events =
                    step.events().stream().map(RecordingOutput.Recorded::event).toList();
            if (step.expected().accepted()) {
                assertThat(events).as("%s", step.action()).singleElement().isNotInstanceOf(RejectionEvent.class);
            } else {
                assertThat(events).as("%s", step.action()).singleElement().isInstanceOf(RejectionEvent.class);
                assertThat(((RejectionEvent) events.get(0)).reason())
                        .isEqualTo(step.expected().reason());
            }
            if (step.expected().accepted() && step.action() instanceof Propose p) {
                Proposal made = ((ProposalEvent) events.get(0)).proposal();
                assertThat(made.service()).isEqualTo(idOf(scenario, step.agent()));
                assertThat(made.customer()).isEqualTo(p.customer());
                assertThat(made.lines()).isEqualTo(p.lines());
                assertThat(made.total()).isEqualTo(p.total());
                assertThat(made.createdAt()).isEqualTo(step.t());
                assertThat(made.validUntil()).isEqualTo(p.validUntil());
            }
            assertThat(step.events()).allSatisfy(r -> assertThat(r.time()).isEqualTo(step.t()));
            assertThat(step.deliveries()).allSatisfy(d -> assertThat(d.time()).isEqualTo(step.t()));
        }
    }

    /**
     * (e) MessageReceived and ProposalReceived go only to the addressee of the acting agent's
     * conversation, and a service's Reply/Propose to a customer that never wrote to it is refused.
     */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void agentsSeeOnlyTheirOwnConversations(@ForAll("scenarios") Scenario scenario) {
        Run run = new Run(scenario);
        AgentDirectory agents = run.agents;
        Set<Long> wrote = new HashSet<>();
        for (StepRecord step : run.records) {
            String actor = agents.idOf(step.agent());
            for (RecordingOutput.Delivered d : step.deliveries()) {
                if (d.observation() instanceof MessageReceived m) {
                    assertThat(m.from()).isEqualTo(actor);
                    String addressee =
                            step.action() instanceof Message msg ? msg.to() : ((Reply) step.action()).customer();
                    assertThat(agents.idOf(d.agent())).isEqualTo(addressee);
                } else if (d.observation() instanceof ProposalReceived p) {
                    assertThat(p.proposal().service()).isEqualTo(actor);
                    assertThat(agents.idOf(d.agent()))
                            .isEqualTo(p.proposal().customer())
                            .isEqualTo(((Propose) step.action()).customer());
                } else if (d.observation() instanceof ProposalDeclined declined) {
                    assertThat(declined.customer()).isEqualTo(actor);
                    assertThat(agents.isService(d.agent())).isTrue();
                } else if (d.observation() instanceof PaymentSettled settled) {
                    assertThat(agents.idOf(d.agent())).isIn(settled.customer(), settled.service());
                } else {
                    assertThat(d.agent())
                            .as("%s goes to the actor", d.observation())
                            .isEqualTo(step.agent());
                }
            }
            if (step.action() instanceof Message m && !step.actorWasDone()) {
                int to = agents.indexOf(m.to());
                if (to >= 0 && agents.isService(to)) {
                    wrote.add(((long) step.agent() << 32) | to);
                }
            }
            boolean serviceSpeaks = step.action() instanceof Reply || step.action() instanceof Propose;
            if (serviceSpeaks) {
                String customer =
                        step.action() instanceof Reply r ? r.customer() : ((Propose) step.action()).customer();
                int c = agents.indexOf(customer);
                boolean hasWritten = c >= 0 && wrote.contains(((long) c << 32) | step.agent());
                if (!hasWritten) {
                    assertThat(step.events())
                            .extracting(RecordingOutput.Recorded::event)
                            .containsExactly(new RejectionEvent(
                                    actor, step.action().kind(), customer, RejectionReason.NO_CONVERSATION));
                    assertThat(step.deliveries())
                            .containsExactly(new RecordingOutput.Delivered(
                                    step.agent(),
                                    step.t(),
                                    new Rejected(step.action().kind(), customer, RejectionReason.NO_CONVERSATION)));
                }
                Statistics.label("service speaks").collect(hasWritten ? "in conversation" : "uninvited");
            }
        }
        Statistics.label("service speaks").coverage(c -> {
            c.check("uninvited").count(n -> n > 0);
            c.check("in conversation").count(n -> n > 0);
        });
    }

    /** (f) After Done, every action of that agent is refused with AGENT_DONE, and nothing reaches it. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void actionsAfterDoneAreRejected(@ForAll("scenarios") Scenario scenario) {
        Run run = new Run(scenario);
        Set<Integer> finished = new HashSet<>();
        for (StepRecord step : run.records) {
            String actor = run.agents.idOf(step.agent());
            if (finished.contains(step.agent())) {
                assertThat(step.actorWasDone()).isTrue();
                assertThat(step.events())
                        .extracting(RecordingOutput.Recorded::event)
                        .containsExactly(
                                new RejectionEvent(actor, step.action().kind(), "", RejectionReason.AGENT_DONE));
                assertThat(step.scheduled()).isEmpty();
                Statistics.label("after done").collect(step.action().kind());
            }
            assertThat(step.deliveries())
                    .as("nothing is delivered to a done agent")
                    .noneSatisfy(d -> assertThat(finished).contains(d.agent()));
            if (step.action() instanceof Done && !finished.contains(step.agent())) {
                assertThat(step.events())
                        .extracting(RecordingOutput.Recorded::event)
                        .containsExactly(new DoneEvent(actor, "generated"));
                finished.add(step.agent());
            }
        }
        for (int agent : finished) {
            assertThat(run.market.isDone(agent)).isTrue();
        }
        Statistics.label("after done").coverage(c -> c.check("pay").count(n -> n > 0));
    }

    /** A ledger step: a transfer when {@code reset} is false, else setting {@code from}'s balance to {@code amount}. */
    record LedgerOp(boolean reset, int from, int to, long amount) {}

    @Provide
    Arbitrary<List<LedgerOp>> ledgerOps() {
        return Combinators.combine(
                        Arbitraries.frequencyOf(
                                Tuple.of(3, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true))),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.longs().between(0, 20_000))
                .as(LedgerOp::new)
                .list()
                .ofMaxSize(40);
    }

    /**
     * (g) With resets (a returning customer's budget for a new visit), money is conserved up to what
     * the resets issued: the total is always the opening total plus {@link Ledger#issued()}, every
     * balance is what a plain model says, none goes negative, and a transfer beyond a balance is
     * refused without changing anything.
     */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.MIXIN)
    void resetsIssueExactlyWhatTheyChangeAndTransfersStillConserve(@ForAll("ledgerOps") List<LedgerOp> ops) {
        long[] model = {5_000, 0, 12_000, 300};
        Ledger ledger = new Ledger(model);
        long opening = ledger.total();
        long issued = 0;
        for (LedgerOp op : ops) {
            if (op.reset()) {
                issued += op.amount() - model[op.from()];
                model[op.from()] = op.amount();
                ledger.reset(op.from(), op.amount());
            } else if (model[op.from()] >= op.amount()) {
                model[op.from()] -= op.amount();
                model[op.to()] += op.amount();
                ledger.transfer(op.from(), op.to(), op.amount());
            } else {
                long[] before = model.clone();
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> ledger.transfer(op.from(), op.to(), op.amount()))
                        .isInstanceOf(IllegalStateException.class);
                assertThat(model).isEqualTo(before);
            }
            assertThat(ledger.issued()).isEqualTo(issued);
            assertThat(ledger.total()).isEqualTo(opening + issued);
            for (int i = 0; i < model.length; i++) {
                assertThat(ledger.balance(i)).isEqualTo(model[i]).isNotNegative();
            }
            Statistics.label("op").collect(op.reset() ? "reset" : "transfer");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.reset(0, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.total()).isEqualTo(opening + issued);
    }

    private static String idOf(Scenario scenario, int agent) {
        int customers = scenario.catalog().customers().size();
        return agent < customers
                ? scenario.catalog().customers().get(agent).id()
                : scenario.catalog().services().get(agent - customers).id();
    }
}
