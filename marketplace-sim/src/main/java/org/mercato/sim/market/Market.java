package org.mercato.sim.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Immutable;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.MoneyOverflowException;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.DeclineEvent;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.ImpressionEvent;
import org.mercato.sim.events.MessageEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.RejectionEvent;
import org.mercato.sim.events.RevealEvent;
import org.mercato.sim.events.SearchEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.events.WaitEvent;
import org.mercato.sim.events.WakeEvent;
import org.mercato.sim.market.ads.SponsoredSlots;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.presentation.PagePresenter;
import org.mercato.sim.market.presentation.Tags;
import org.mercato.sim.market.search.SearchMechanism;
import org.mercato.sim.protocol.Action;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
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
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;
import org.mercato.sim.protocol.WriteReview;
import org.mercato.sim.schedule.Scheduled;

/**
 * The market's state and rules. It applies one scheduled item at a time, in the kernel's order,
 * on one thread, and enforces the ledger invariants: an assistant pays only a live proposal
 * addressed to it, exactly its total, within its balance, at most once; services talk only to
 * customers who wrote to them and take no more paid orders than their capacity; every refusal is
 * logged with its reason and told to the actor. Results pages go through a {@link PagePresenter};
 * proposals reach their customer as the {@link ProposalReveal} policy says (a proposal not yet
 * revealed is unknown to its customer). With {@link MarketDynamics} it also lives over time
 * ({@link MarketTimeline}): customers arrive and return, orders are delivered and reviewed, and
 * the services are re-listed with their current displayed ratings and, when sellers reprice, their
 * posted prices.
 */
public final class Market {
    private final AgentDirectory agents;
    private SearchMechanism search;
    private final SearchSettings searchSettings;
    private final PagePresenter presenter;
    private final ProposalReveal reveal;
    private final Ledger ledger;
    private final ProposalBook proposals;
    private final LongHashSet conversations;
    private final boolean[] done;
    private final int[] ordersTaken;
    private final SponsoredSlots ads;
    private final MarketTimeline timeline;

    /** A market with today's pages (a ranked list with true values) and proposals delivered when made. */
    public Market(AgentDirectory agents, SearchMechanism search, SearchSettings searchSettings) {
        this(agents, search, searchSettings, PagePresenter.plainList(), ProposalReveal.immediate());
    }

    public Market(
            AgentDirectory agents,
            SearchMechanism search,
            SearchSettings searchSettings,
            PagePresenter presenter,
            ProposalReveal reveal) {
        this(agents, search, searchSettings, presenter, reveal, null, null, 0);
    }

    /**
     * A market that also sells sponsored slots on first results pages ({@code ads} null: none) and
     * changes over time as {@code dynamics} say (null: it does not), drawing from streams of the
     * master {@code seed}. With reviews, the search mechanism must be able to {@link
     * SearchMechanism#relist re-list}.
     */
    public Market(
            AgentDirectory agents,
            SearchMechanism search,
            SearchSettings searchSettings,
            PagePresenter presenter,
            ProposalReveal reveal,
            SponsoredSlots ads,
            MarketDynamics dynamics,
            long seed) {
        this.timeline = dynamics == null ? null : new MarketTimeline(dynamics, seed, agents, reveal.timers());
        this.ads = ads;
        this.agents = agents;
        this.search = search;
        this.searchSettings = searchSettings;
        this.presenter = presenter;
        this.reveal = reveal;
        long[] opening = new long[agents.size()];
        for (int i = 0; i < agents.customerCount(); i++) {
            opening[i] = agents.customer(i).budget();
        }
        this.ledger = new Ledger(opening);
        this.proposals = new ProposalBook();
        this.conversations = new LongHashSet();
        this.done = new boolean[agents.size()];
        this.ordersTaken = new int[agents.size()];
        if (dynamics != null && (dynamics.reviews() != null || dynamics.repricing() != null)) {
            relist(agents.services()); // fails now, not mid-run, when the mechanism cannot re-list
        }
    }

    private Market(Market from, SearchMechanism search) {
        this.agents = from.agents;
        this.search = search;
        this.searchSettings = from.searchSettings;
        this.presenter = from.presenter.fork();
        this.reveal = from.reveal;
        this.ads = null;
        this.timeline = null;
        this.ledger = from.ledger.copy();
        this.proposals = from.proposals.copy();
        this.conversations = from.conversations.copy();
        this.done = from.done.clone();
        this.ordersTaken = from.ordersTaken.clone();
    }

    /**
     * A what-if copy for predicting deliveries: applying items to it changes nothing here and draws
     * nothing from this market's streams. Its searches use {@link SearchMechanism#preview} and throw
     * {@link CannotPredict} when the mechanism cannot tell. Null when this market cannot be copied
     * faithfully: sponsored slots (their budgets and learning), proposals held back by a reveal
     * policy, or dynamics (arrivals, deliveries, reviews and restocks on timers of their own).
     */
    public Market fork() {
        if (ads != null || !reveal.isImmediate() || timeline != null) {
            return null;
        }
        SearchMechanism inner = search;
        return new Market(this, (request, searcher) -> {
            List<Service> ranked = inner.preview(request, searcher);
            if (ranked == null) {
                throw new CannotPredict();
            }
            return ranked;
        });
    }

    /** A forked market met a search whose results it cannot tell in advance. */
    public static final class CannotPredict extends RuntimeException {
        CannotPredict() {
            super("this search mechanism cannot be previewed", null, false, false);
        }
    }

    /** A service with a capacity has no stock left: as many paid orders as it can serve, plus restocks. */
    private boolean soldOut(int service) {
        int capacity = agents.service(service).capacity();
        if (capacity == 0) {
            return false;
        }
        if (timeline != null) {
            return timeline.stock(service - agents.customerCount(), ordersTaken[service]) <= 0;
        }
        return ordersTaken[service] >= capacity;
    }

    /** Paid orders the service at catalog index {@code service} has taken. */
    int ordersTaken(int service) {
        return ordersTaken[agents.customerCount() + service];
    }

    /** A customer's visit starts: it shops again, with its budget as its balance. */
    void startVisit(int customer) {
        done[customer] = false;
        ledger.reset(customer, agents.customer(customer).budget());
    }

    /**
     * The services as listed now: the catalog's, or with dynamics their current displayed ratings
     * and (with repricing sellers) posted prices.
     */
    public List<Service> listed() {
        return timeline == null ? agents.services() : timeline.listed();
    }

    private void relist(List<Service> current) {
        SearchMechanism relisted = search.relist(current);
        if (relisted == null) {
            throw new IllegalStateException(
                    "the search mechanism " + search.getClass().getSimpleName()
                            + " cannot re-list services, which a market with reviews or repricing sellers needs");
        }
        search = relisted;
    }

    public AgentDirectory agents() {
        return agents;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** The sponsored slots, or null when the market sells none. */
    public SponsoredSlots ads() {
        return ads;
    }

    public ProposalBook proposals() {
        return proposals;
    }

    public boolean isDone(int agent) {
        return done[agent];
    }

    /** Logs the catalog and starts every agent at time 0. */
    public void open(MarketOutput out) {
        for (int i = 0; i < agents.customerCount(); i++) {
            out.record(0, new CustomerEvent(agents.customer(i)));
        }
        for (Service service : agents.services()) {
            out.record(0, new ServiceEvent(service));
        }
        if (timeline != null) {
            timeline.open(out, this::relist);
        } else {
            for (int i = 0; i < agents.customerCount(); i++) {
                out.deliver(i, 0, new AssistantStarted(agents.customer(i)));
            }
        }
        for (int i = agents.customerCount(); i < agents.size(); i++) {
            out.deliver(i, 0, new ServiceStarted(agents.service(i)));
        }
        if (timeline != null) {
            timeline.servicesStarted(out);
        }
    }

    public void apply(Scheduled item, MarketOutput out) {
        if (item instanceof Scheduled.WakeAt wake) {
            wake(wake, out);
        } else if (item instanceof Scheduled.ActionAt at) {
            act(at.time(), at.agent(), at.seq(), at.action(), out);
        } else if (item instanceof Scheduled.MarketTimerAt timer) {
            timer(timer, out);
        }
    }

    private void timer(Scheduled.MarketTimerAt timer, MarketOutput out) {
        if (timer.purpose() == Scheduled.TimerPurpose.REVEAL_PROPOSALS) {
            for (Proposal proposal : reveal.release(timer, agents.idOf(timer.agent()))) {
                deliverProposal(timer.time(), timer.agent(), proposal, out);
            }
        } else if (timeline == null || !timeline.fire(timer, this, out, this::relist)) {
            throw new IllegalStateException("a market timer this market did not set: " + timer);
        }
    }

    /**
     * Shows a proposal to its customer, unless the customer is done. Under a reveal policy other
     * than immediate, this is logged as a {@code reveal} event.
     */
    private void deliverProposal(long t, int customer, Proposal proposal, MarketOutput out) {
        if (done[customer]) {
            return;
        }
        if (!reveal.isImmediate()) {
            out.record(t, new RevealEvent(proposal.id(), proposal.customer(), proposal.service()));
        }
        out.deliver(customer, t, new ProposalReceived(proposal));
    }

    private void wake(Scheduled.WakeAt wake, MarketOutput out) {
        if (done[wake.agent()]) {
            return;
        }
        out.record(wake.time(), new WakeEvent(agents.idOf(wake.agent())));
        out.deliver(wake.agent(), wake.time(), new WokenUp(wake.time()));
    }

    private void act(long t, int agent, long seq, Action action, MarketOutput out) {
        if (action instanceof WriteReview w) { // also after the visit: deliveries come then
            if (timeline == null || !timeline.reviewText(t, agents.idOf(agent), w, out)) {
                reject(t, agent, w.kind(), w.proposal(), RejectionReason.UNKNOWN_PROPOSAL, out);
            }
            return;
        }
        if (done[agent]) {
            reject(t, agent, action.kind(), "", RejectionReason.AGENT_DONE, out);
            return;
        }
        if (action instanceof Search s) {
            search(t, agent, s, out);
        } else if (action instanceof Message m) {
            message(t, agent, m, out);
        } else if (action instanceof Pay p) {
            pay(t, agent, p, out);
        } else if (action instanceof Decline d) {
            decline(t, agent, d, out);
        } else if (action instanceof Wait w) {
            long until = Math.max(w.until(), t);
            out.record(t, new WaitEvent(agents.idOf(agent), until));
            // The wake-up keeps the Wait's sequence number, which no other item of this agent has.
            out.schedule(new Scheduled.WakeAt(until, agent, seq));
        } else if (action instanceof Done d) {
            done[agent] = true;
            out.record(t, new DoneEvent(agents.idOf(agent), d.reason()));
            if (timeline != null && agents.isCustomer(agent)) {
                timeline.visitEnded(t, agent, out);
            }
        } else if (action instanceof Reply r) {
            reply(t, agent, r, out);
        } else if (action instanceof Propose p) {
            propose(t, agent, p, out);
        }
    }

    /**
     * One results page: the mechanism ranks, the page is cut, the presenter lays it out (and may
     * randomize it); the {@code search} event lists the page in rank order, then each listing shown
     * is an {@code impression} event in reading order when the presenter logs impressions.
     */
    private void search(long t, int agent, Search request, MarketOutput out) {
        Customer searcher = agents.customer(agent);
        List<Service> ranked = search.rank(request, searcher);
        int pageSize = searchSettings.pageSize();
        int totalPages = Math.min(searchSettings.pageLimit(), (ranked.size() + pageSize - 1) / pageSize);
        int from = request.page() < totalPages ? request.page() * pageSize : ranked.size();
        int to = Math.min(ranked.size(), from + pageSize);
        List<Service> page = ranked.subList(from, to);
        SponsoredSlots.Auction auction = null;
        if (ads != null && from == 0 && !ranked.isEmpty()) {
            auction = ads.auction(t, request.query(), ranked);
            page = ads.page(ranked, auction, pageSize);
        }
        List<PagePresenter.Placement> placements =
                presenter.present(new PagePresenter.Page(searcher, page, from + 1, searchSettings.revealPrices()));
        List<String> ids = new ArrayList<>(page.size());
        for (Service service : page) {
            ids.add(service.id());
        }
        String searcherId = agents.idOf(agent);
        long searchSeq = out.record(t, new SearchEvent(searcherId, request.query(), request.page(), totalPages, ids));
        Set<String> sponsored = auction == null ? Set.of() : auction.winners();
        List<ListingView> listings = new ArrayList<>(placements.size());
        for (PagePresenter.Placement placement : placements) {
            ListingView view = sponsored.contains(placement.view().service())
                    ? withTag(placement.view(), Tags.SPONSORED)
                    : placement.view();
            listings.add(view);
            if (ads != null) {
                ads.shown(view.service());
            }
            if (presenter.logsImpressions()) {
                out.record(
                        t,
                        new ImpressionEvent(
                                searcherId,
                                searchSeq,
                                view.service(),
                                view.rank(),
                                view.row(),
                                view.column(),
                                view.tags(),
                                shownBasketPrice(searcher, view),
                                placement.priceFactor(),
                                view.rating(),
                                view.reviewCount()));
            }
        }
        if (auction != null) {
            ads.settle(t, searcherId, searchSeq, auction, out);
        }
        out.deliver(agent, t, new SearchResults(request.query(), request.page(), totalPages, listings));
    }

    private static ListingView withTag(ListingView view, String tag) {
        TreeSet<String> tags = new TreeSet<>(view.tags());
        tags.add(tag);
        return new ListingView(
                view.rank(),
                view.service(),
                view.name(),
                view.description(),
                view.rating(),
                view.reviewCount(),
                view.amenities(),
                view.prices(),
                view.row(),
                view.column(),
                tags);
    }

    private static final String SHOWN_BASKET = "the basket price shown in a listing";

    /** The requested items at the listing's shown prices, or null if hidden or not all carried. */
    private static Long shownBasketPrice(Customer searcher, ListingView view) {
        if (view.prices().isEmpty()) {
            return null;
        }
        long total = 0;
        for (var wanted : searcher.items().entrySet()) {
            Long price = view.prices().get(wanted.getKey());
            if (price == null) {
                return null;
            }
            total = Money.add(total, Money.times(wanted.getValue(), price, SHOWN_BASKET), SHOWN_BASKET);
        }
        return total;
    }

    private void message(long t, int agent, Message m, MarketOutput out) {
        int to = agents.indexOf(m.to());
        if (to < 0 || !agents.isService(to)) {
            reject(t, agent, m.kind(), m.to(), RejectionReason.UNKNOWN_RECIPIENT, out);
            return;
        }
        conversations.add(conversation(agent, to));
        reveal.inquiry(t, agent);
        String from = agents.idOf(agent);
        out.record(t, new MessageEvent(from, m.to(), m.text(), m.items()));
        out.deliver(to, t, new MessageReceived(from, m.text(), m.items()));
    }

    private void reply(long t, int agent, Reply r, MarketOutput out) {
        int customer = agents.indexOf(r.customer());
        if (customer < 0 || !agents.isCustomer(customer) || !conversations.contains(conversation(customer, agent))) {
            reject(t, agent, r.kind(), r.customer(), RejectionReason.NO_CONVERSATION, out);
            return;
        }
        String from = agents.idOf(agent);
        out.record(t, new MessageEvent(from, r.customer(), r.text(), Immutable.emptyMap()));
        deliverIfActive(customer, t, new MessageReceived(from, r.text(), Immutable.emptyMap()), out);
    }

    private void propose(long t, int agent, Propose p, MarketOutput out) {
        int customer = agents.indexOf(p.customer());
        if (customer < 0 || !agents.isCustomer(customer) || !conversations.contains(conversation(customer, agent))) {
            reject(t, agent, p.kind(), p.customer(), RejectionReason.NO_CONVERSATION, out);
            return;
        }
        if (p.lines().isEmpty() || !totalMatches(p) || p.validUntil() < t) {
            reject(t, agent, p.kind(), p.customer(), RejectionReason.INVALID_PROPOSAL, out);
            return;
        }
        Proposal proposal = new Proposal(
                proposals.nextId(agent, agents.idOf(agent)),
                agents.idOf(agent),
                p.customer(),
                p.lines(),
                p.total(),
                t,
                p.validUntil());
        proposals.add(proposal, agent, customer);
        out.record(t, new ProposalEvent(proposal));
        if (reveal.admit(t, customer, proposal, out)) {
            deliverProposal(t, customer, proposal, out);
        }
    }

    /** Whether the proposal's total is its lines' total; a total too large for a long never is. */
    private static boolean totalMatches(Propose p) {
        try {
            return p.total() == OrderLine.total(p.lines());
        } catch (MoneyOverflowException e) {
            return false;
        }
    }

    private void pay(long t, int agent, Pay p, MarketOutput out) {
        ProposalBook.Entry entry = proposals.get(p.proposalId());
        RejectionReason refusal = answerRefusal(agent, p.proposalId(), entry);
        if (refusal == null) {
            refusal = paymentRefusal(t, agent, p.amount(), entry);
        }
        if (refusal != null) {
            reject(t, agent, p.kind(), p.proposalId(), refusal, out);
            return;
        }
        ledger.transfer(agent, entry.service(), p.amount());
        ordersTaken[entry.service()]++;
        proposals.mark(entry, ProposalBook.Status.PAID);
        Proposal proposal = entry.proposal();
        out.record(t, new PaymentEvent(proposal.id(), proposal.customer(), proposal.service(), p.amount()));
        if (ads != null) {
            ads.paid(t, proposal.customer(), proposal.service(), out);
        }
        PaymentSettled settled = new PaymentSettled(proposal.id(), proposal.customer(), proposal.service(), p.amount());
        out.deliver(agent, t, settled);
        out.deliver(entry.service(), t, settled);
        if (timeline != null) {
            timeline.paid(t, agent, proposal, out);
        }
    }

    private void decline(long t, int agent, Decline d, MarketOutput out) {
        ProposalBook.Entry entry = proposals.get(d.proposalId());
        RejectionReason refusal = answerRefusal(agent, d.proposalId(), entry);
        if (refusal != null) {
            reject(t, agent, d.kind(), d.proposalId(), refusal, out);
            return;
        }
        proposals.mark(entry, ProposalBook.Status.DECLINED);
        Proposal proposal = entry.proposal();
        out.record(t, new DeclineEvent(proposal.id(), proposal.customer(), proposal.service()));
        out.deliver(entry.service(), t, new ProposalDeclined(proposal.id(), proposal.customer()));
    }

    /**
     * Why the agent may not answer (pay or decline) this proposal, or null if it may: the proposal
     * must be one its customer has seen, addressed to the agent, and still open.
     */
    private RejectionReason answerRefusal(int agent, String proposalId, ProposalBook.Entry entry) {
        if (entry == null || reveal.isHidden(proposalId)) {
            return RejectionReason.UNKNOWN_PROPOSAL;
        }
        if (entry.customer() != agent) {
            return RejectionReason.NOT_ADDRESSED_TO_YOU;
        }
        if (entry.status() == ProposalBook.Status.PAID) {
            return RejectionReason.ALREADY_PAID;
        }
        if (entry.status() == ProposalBook.Status.DECLINED) {
            return RejectionReason.ALREADY_DECLINED;
        }
        return null;
    }

    /** Why an open proposal the agent may answer cannot be paid with this amount now, or null. */
    private RejectionReason paymentRefusal(long t, int agent, long amount, ProposalBook.Entry entry) {
        if (t > entry.proposal().validUntil()) {
            return RejectionReason.EXPIRED;
        }
        if (amount != entry.proposal().total()) {
            return RejectionReason.WRONG_AMOUNT;
        }
        if (!ledger.canPay(agent, amount)) {
            return RejectionReason.INSUFFICIENT_FUNDS;
        }
        if (soldOut(entry.service())) {
            return RejectionReason.SOLD_OUT;
        }
        return null;
    }

    private void reject(long t, int agent, String action, String ref, RejectionReason reason, MarketOutput out) {
        out.record(t, new RejectionEvent(agents.idOf(agent), action, ref, reason));
        deliverIfActive(agent, t, new Rejected(action, ref, reason), out);
    }

    private void deliverIfActive(int agent, long t, Observation observation, MarketOutput out) {
        if (!done[agent]) {
            out.deliver(agent, t, observation);
        }
    }

    private static long conversation(int customer, int service) {
        return ((long) customer << 32) | (service & 0xffffffffL);
    }
}
