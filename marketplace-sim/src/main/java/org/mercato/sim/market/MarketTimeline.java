package org.mercato.sim.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.ArrivalEvent;
import org.mercato.sim.events.DeliveryEvent;
import org.mercato.sim.events.PeriodEvent;
import org.mercato.sim.events.PricingPeriodEvent;
import org.mercato.sim.events.QualityEvent;
import org.mercato.sim.events.ReputationEvent;
import org.mercato.sim.events.RestockEvent;
import org.mercato.sim.events.ReviewEvent;
import org.mercato.sim.events.ReviewTextEvent;
import org.mercato.sim.market.dynamics.FakeReviews;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.dynamics.Refresh;
import org.mercato.sim.market.dynamics.Repricing;
import org.mercato.sim.market.dynamics.Reputation;
import org.mercato.sim.market.dynamics.ReviewFilter;
import org.mercato.sim.market.dynamics.Reviews;
import org.mercato.sim.market.dynamics.ServiceQuality;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.ListingChanged;
import org.mercato.sim.protocol.OrderDelivered;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.WriteReview;
import org.mercato.sim.random.Gaussian;
import org.mercato.sim.random.Seeds;
import org.mercato.sim.schedule.Scheduled;
import org.mercato.sim.schedule.Scheduled.TimerPurpose;

/**
 * What a market with {@link MarketDynamics} does over time, on market timers: customers arrive
 * (and come back after a visit ends), periods start, paid orders are delivered and reviewed, fake
 * reviews are posted, displayed ratings are refreshed (the market then re-lists), stock refills,
 * true quality changes and, with {@link Repricing}, sellers set new prices at each period boundary
 * from the period's settled payments (the market re-lists at the new prices). Timers about one customer (its arrivals, its deliveries) are filed under
 * that customer; market-wide ones (periods, restocks, quality changes, fake reviews) under agent 0.
 * Every draw comes from a stream keyed by what it decides. Used only on the market's thread.
 */
final class MarketTimeline {
    /** What the market must do after a timer: re-list its services with these current values. */
    interface Listings {
        void relist(List<Service> current);
    }

    private final MarketDynamics dynamics;
    private final long seed;
    private final AgentDirectory agents;
    private final MarketTimers timers;
    private final int[] visits;
    private final int[] restocked;
    private final Map<Long, Proposal> deliveries = new HashMap<>();
    private final Map<Long, Integer> fakeTimers = new HashMap<>();
    /** Reviews whose text the market asked for and has not received, by proposal id. */
    private final Map<String, AwaitingText> awaitingText = new HashMap<>();

    private record AwaitingText(String customer, String service, int stars) {}

    private final SplittableRandom[] fakeStreams;
    private final int[] fakesPosted;
    private final Reputation[] reputations;
    private final boolean[] unrefreshed;
    private final Service[] listed;
    private final Repricing repricing;
    /** With repricing: the unit price (cents) each service posts in the current period. */
    private final long[] posted;
    /** With repricing: units sold and profit (cents) of each service in the current period. */
    private final long[] sales;
    /** With repricing: visits started in the current period (the period's shoppers). */
    private long shoppers;

    private final long[] profits;
    /** With repricing: services repriced at time 0, told once they have started. */
    private final boolean[] repricedAtOpen;

    private int nextPeriod;

    MarketTimeline(MarketDynamics dynamics, long seed, AgentDirectory agents, MarketTimers timers) {
        this.dynamics = dynamics;
        this.seed = seed;
        this.agents = agents;
        this.timers = timers;
        int services = agents.services().size();
        this.visits = new int[agents.customerCount()];
        this.restocked = new int[services];
        this.listed = agents.services().toArray(new Service[0]);
        Reviews reviews = dynamics.reviews();
        this.reputations = new Reputation[reviews == null ? 0 : services];
        this.unrefreshed = new boolean[reputations.length];
        for (int i = 0; i < reputations.length; i++) {
            Service service = listed[i];
            reputations[i] = new Reputation(reviews.aggregation(), service.rating(), service.reviewCount());
        }
        int campaigns = reviews == null ? 0 : reviews.fakes().size();
        this.fakeStreams = new SplittableRandom[campaigns];
        this.fakesPosted = new int[campaigns];
        for (int k = 0; k < campaigns; k++) {
            FakeReviews fake = reviews.fakes().get(k);
            fakeStreams[k] = Seeds.derive(seed, "market/fake-reviews/" + listed[fake.service()].id());
        }
        this.repricing = dynamics.repricing();
        if (repricing != null && repricing.firms() != services) {
            throw new IllegalArgumentException("the repricing sellers are " + repricing.firms()
                    + " firms but the catalog has " + services + " services (firm i is service i)");
        }
        int firms = repricing == null ? 0 : services;
        this.posted = new long[firms];
        this.sales = new long[firms];
        this.profits = new long[firms];
        this.repricedAtOpen = new boolean[firms];
    }

    MarketDynamics dynamics() {
        return dynamics;
    }

    /** The services as listed now (current displayed rating and count), in catalog order. */
    List<Service> listed() {
        return List.of(listed);
    }

    /**
     * At time 0, after the catalog: each service's quality when not 1, displayed ratings that the
     * aggregation changes from the catalog's, and the first timers (the first period first, then
     * quality changes, restocks, fake reviews and the customers' arrivals).
     */
    void open(MarketOutput out, Listings listings) {
        ServiceQuality quality = dynamics.quality();
        for (int i = 0; i < listed.length; i++) {
            double q = quality.at(i, 0);
            if (q != 1.0) {
                out.record(0, new QualityEvent(listed[i].id(), q));
            }
        }
        if (reputations.length > 0) {
            Arrays.fill(unrefreshed, true);
            refresh(0, out, listings);
        }
        if (repricing != null) {
            long[] opening = repricing.open(out);
            boolean[] changed = post(opening, listings);
            System.arraycopy(changed, 0, repricedAtOpen, 0, changed.length);
        }
        // Set now, in this order, so at a shared time a period starts before quality changes and restocks.
        everyUntilHorizon(0, dynamics.period(), TimerPurpose.PERIOD, out);
        for (long t : quality.changeTimes()) {
            schedule(t, 0, TimerPurpose.QUALITY_CHANGE, out);
        }
        everyUntilHorizon(dynamics.restockEvery(), dynamics.restockEvery(), TimerPurpose.RESTOCK, out);
        for (int k = 0; k < fakeStreams.length; k++) {
            nextFake(0, k, out);
        }
        for (int c = 0; c < visits.length; c++) {
            schedule(dynamics.arrival(c), c, TimerPurpose.ARRIVAL, out);
        }
    }

    /** After every service has started at time 0: the services repriced at opening get their listing. */
    void servicesStarted(MarketOutput out) {
        for (int i = 0; i < repricedAtOpen.length; i++) {
            if (repricedAtOpen[i]) {
                out.deliver(agents.customerCount() + i, 0, new ListingChanged(listed[i]));
            }
        }
    }

    /** Whether this timer is one of this timeline's; if so it has been handled. */
    boolean fire(Scheduled.MarketTimerAt timer, Market market, MarketOutput out, Listings listings) {
        long t = timer.time();
        switch (timer.purpose()) {
            case ARRIVAL -> arrive(t, timer.agent(), market, out);
            case PERIOD -> period(t, out, listings);
            case DELIVERY -> deliver(t, deliveries.remove(timer.seq()), out, listings);
            case RESTOCK -> restock(t, market, out);
            case QUALITY_CHANGE -> qualityChange(t, out);
            case FAKE_REVIEW -> fakeReview(t, fakeTimers.remove(timer.seq()), out, listings);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void arrive(long t, int customer, Market market, MarketOutput out) {
        int visit = visits[customer]++;
        shoppers++;
        market.startVisit(customer);
        out.record(t, new ArrivalEvent(agents.idOf(customer), visit));
        out.deliver(customer, t, new AssistantStarted(agents.customer(customer), visit));
    }

    /** The customer's visit ended at {@code t}: with returns, its next visit starts a drawn gap later. */
    void visitEnded(long t, int customer, MarketOutput out) {
        if (dynamics.returns() == null) {
            return;
        }
        int visit = visits[customer] - 1;
        SplittableRandom random = Seeds.derive(seed, "market/returns/" + agents.idOf(customer) + "/" + visit);
        long mean = dynamics.returns().meanGap();
        long gap = dynamics.returns().exponential() ? exponential(random, mean) : mean;
        long next = saturatedAdd(t, gap);
        if (dynamics.beforeHorizon(next)) {
            schedule(next, customer, TimerPurpose.ARRIVAL, out);
        }
    }

    private void period(long t, MarketOutput out, Listings listings) {
        int period = nextPeriod++;
        if (repricing != null && period > 0) {
            reprice(t, period - 1, out, listings);
        }
        long end = saturatedAdd(t, dynamics.period());
        if (dynamics.horizon() > 0) {
            end = Math.min(end, dynamics.horizon());
        }
        out.record(t, new PeriodEvent(period, t, end));
        if (reputations.length > 0 && refreshesByPeriod()) {
            refresh(t, out, listings);
        }
    }

    /**
     * The firms learn from the period that ended and choose the next prices; the period's sales and
     * profits are logged with the prices they were made at, then the services are re-listed at the
     * new prices and each service whose prices changed is told.
     */
    private void reprice(long t, int ended, MarketOutput out, Listings listings) {
        long[] next = repricing.next(ended, shoppers, sales.clone(), profits.clone());
        List<String> ids = new ArrayList<>(listed.length);
        for (Service service : listed) {
            ids.add(service.id());
        }
        out.record(t, new PricingPeriodEvent(ended, ids, boxed(posted), boxed(sales), boxed(profits)));
        Arrays.fill(sales, 0);
        Arrays.fill(profits, 0);
        shoppers = 0;
        boolean[] changed = post(next, listings);
        for (int i = 0; i < changed.length; i++) {
            if (changed[i]) {
                out.deliver(agents.customerCount() + i, t, new ListingChanged(listed[i]));
            }
        }
    }

    /**
     * Posts one unit price per service on every item of its menu and re-lists when any menu
     * changed; returns which services changed.
     */
    private boolean[] post(long[] prices, Listings listings) {
        if (prices == null || prices.length != listed.length) {
            throw new IllegalStateException("repricing must give one price per service (" + listed.length + "), gave "
                    + (prices == null ? "none" : prices.length));
        }
        boolean[] changed = new boolean[listed.length];
        boolean any = false;
        for (int i = 0; i < listed.length; i++) {
            posted[i] = prices[i];
            Service now = listed[i];
            TreeMap<String, Long> menu = new TreeMap<>();
            for (String item : now.menu().keySet()) {
                menu.put(item, prices[i]);
            }
            if (!menu.equals(now.menu())) {
                listed[i] = new Service(
                        now.id(),
                        now.name(),
                        now.description(),
                        menu,
                        now.amenities(),
                        now.rating(),
                        now.reviewCount(),
                        now.unitCosts(),
                        now.capacity(),
                        now.responseTime(),
                        now.tactic());
                changed[i] = true;
                any = true;
            }
        }
        if (any) {
            listings.relist(listed());
        }
        return changed;
    }

    /** A payment went through at {@code t}: the order is delivered after the delivery delay. */
    void paid(long t, int customer, Proposal proposal, MarketOutput out) {
        if (repricing != null) {
            int service = serviceIndex(proposal.service());
            long cost = 0;
            for (OrderLine line : proposal.lines()) {
                sales[service] += line.quantity();
                cost += line.quantity() * listed[service].unitCost(line.item());
            }
            profits[service] += proposal.total() - cost;
        }
        long at = saturatedAdd(t, dynamics.deliveryDelay());
        if (dynamics.beforeHorizon(at)) {
            Scheduled.MarketTimerAt timer = timers.at(at, customer, TimerPurpose.DELIVERY);
            deliveries.put(timer.seq(), proposal);
            out.schedule(timer);
        }
    }

    private void deliver(long t, Proposal proposal, MarketOutput out, Listings listings) {
        int service = serviceIndex(proposal.service());
        double quality = dynamics.quality().at(service, t);
        Reviews reviews = dynamics.reviews();
        int stars = reviews == null ? 0 : stars(proposal, quality, reviews);
        boolean text = stars > 0 && reviews.text();
        out.record(t, new DeliveryEvent(proposal.id(), proposal.customer(), proposal.service(), quality));
        out.deliver(
                agents.indexOf(proposal.customer()),
                t,
                new OrderDelivered(proposal.id(), proposal.service(), quality, stars, text));
        if (stars == 0) {
            return;
        }
        if (text) {
            awaitingText.put(proposal.id(), new AwaitingText(proposal.customer(), proposal.service(), stars));
        }
        boolean filtered = filtered(reviews.filter(), false, proposal.customer() + "/" + proposal.id());
        out.record(t, new ReviewEvent(proposal.service(), proposal.customer(), proposal.id(), stars, false, filtered));
        if (!filtered) {
            review(t, service, stars, out, listings);
        }
    }

    /** The stars of the customer's review of a delivered order, 0 when it leaves none; draws from {@code market/review/<customer>/<proposal>}. */
    private int stars(Proposal proposal, double quality, Reviews reviews) {
        SplittableRandom random = Seeds.derive(seed, "market/review/" + proposal.customer() + "/" + proposal.id());
        if (!(random.nextDouble() < reviews.probability())) {
            return 0;
        }
        return Reputation.stars(quality, reviews.noise(), Gaussian.next(random));
    }

    /**
     * The customer's text for a review awaiting one: logged once as {@code review_text}; false when
     * the customer has no such review (none drawn, no text asked for, another customer's, or written).
     */
    boolean reviewText(long t, String customer, WriteReview write, MarketOutput out) {
        AwaitingText awaiting = awaitingText.get(write.proposal());
        if (awaiting == null || !awaiting.customer().equals(customer)) {
            return false;
        }
        awaitingText.remove(write.proposal());
        out.record(
                t, new ReviewTextEvent(customer, awaiting.service(), write.proposal(), awaiting.stars(), write.text()));
        return true;
    }

    private void fakeReview(long t, int campaign, MarketOutput out, Listings listings) {
        FakeReviews fake = dynamics.reviews().fakes().get(campaign);
        int k = fakesPosted[campaign]++;
        String service = listed[fake.service()].id();
        boolean filtered = filtered(dynamics.reviews().filter(), true, service + "/fake-" + k);
        out.record(t, new ReviewEvent(service, null, null, fake.stars(), true, filtered));
        if (!filtered) {
            review(t, fake.service(), fake.stars(), out, listings);
        }
        nextFake(t, campaign, out);
    }

    private void nextFake(long t, int campaign, MarketOutput out) {
        FakeReviews fake = dynamics.reviews().fakes().get(campaign);
        if (fakesPosted[campaign] >= fake.budget()) {
            return;
        }
        long at = saturatedAdd(t, exponential(fakeStreams[campaign], fake.meanGap()));
        if (dynamics.beforeHorizon(at)) {
            Scheduled.MarketTimerAt timer = timers.at(at, 0, TimerPurpose.FAKE_REVIEW);
            fakeTimers.put(timer.seq(), campaign);
            out.schedule(timer);
        }
    }

    /** Whether the platform's filter removes this review; draws from {@code market/review-filter/<key>}. */
    private boolean filtered(ReviewFilter filter, boolean fake, String key) {
        if (filter == null) {
            return false;
        }
        double p = fake ? filter.detect() : filter.falsePositive();
        return Seeds.derive(seed, "market/review-filter/" + key).nextDouble() < p;
    }

    private void review(long t, int service, int stars, MarketOutput out, Listings listings) {
        reputations[service].add(t, stars);
        unrefreshed[service] = true;
        if (!refreshesByPeriod()) {
            refresh(t, out, listings);
        }
    }

    private boolean refreshesByPeriod() {
        return dynamics.reviews().refresh() == Refresh.PERIOD && dynamics.period() > 0;
    }

    /** Takes the reviews in: services whose displayed values change are logged, then the market re-lists. */
    private void refresh(long t, MarketOutput out, Listings listings) {
        boolean changed = false;
        for (int i = 0; i < reputations.length; i++) {
            if (!unrefreshed[i]) {
                continue;
            }
            unrefreshed[i] = false;
            double rating = reputations[i].rating();
            int count = reputations[i].reviews();
            Service now = listed[i];
            if (rating != now.rating() || count != now.reviewCount()) {
                listed[i] = new Service(
                        now.id(),
                        now.name(),
                        now.description(),
                        now.menu(),
                        now.amenities(),
                        rating,
                        count,
                        now.unitCosts(),
                        now.capacity(),
                        now.responseTime(),
                        now.tactic());
                out.record(t, new ReputationEvent(now.id(), rating, count));
                changed = true;
            }
        }
        if (changed) {
            listings.relist(listed());
        }
    }

    private void restock(long t, Market market, MarketOutput out) {
        for (int i = 0; i < listed.length; i++) {
            int capacity = listed[i].capacity();
            if (capacity == 0) {
                continue;
            }
            int stock = stock(i, market.ordersTaken(i));
            int amount = dynamics.restock().amount();
            int refilled = amount == 0 ? capacity : (int) Math.min(capacity, (long) stock + amount);
            if (refilled > stock) {
                restocked[i] += refilled - stock;
                out.record(t, new RestockEvent(listed[i].id(), refilled));
            }
        }
    }

    /** Units a service with a capacity has left, given the paid orders it took. */
    int stock(int service, int ordersTaken) {
        return listed[service].capacity() - ordersTaken + restocked[service];
    }

    private void qualityChange(long t, MarketOutput out) {
        ServiceQuality quality = dynamics.quality();
        for (var entry : quality.schedules().entrySet()) {
            for (ServiceQuality.Step step : entry.getValue()) {
                if (step.from() == t) {
                    out.record(t, new QualityEvent(listed[entry.getKey()].id(), step.quality()));
                }
            }
        }
    }

    private int serviceIndex(String serviceId) {
        return agents.indexOf(serviceId) - agents.customerCount();
    }

    /** Market-wide timers at first, first + every, ... before the horizon (none when every is 0). */
    private void everyUntilHorizon(long first, long every, TimerPurpose purpose, MarketOutput out) {
        if (every <= 0) {
            return;
        }
        for (long t = first; dynamics.beforeHorizon(t); t += every) {
            schedule(t, 0, purpose, out);
            if (t > Long.MAX_VALUE - every) {
                break;
            }
        }
    }

    private void schedule(long t, int agent, TimerPurpose purpose, MarketOutput out) {
        if (dynamics.beforeHorizon(t)) {
            out.schedule(timers.at(t, agent, purpose));
        }
    }

    private static List<Long> boxed(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /** An exponential gap of the given mean in whole microseconds, at least 1. */
    private static long exponential(SplittableRandom random, long mean) {
        double gap = -mean * Math.log(1.0 - random.nextDouble());
        return Math.max(1, gap >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(gap));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
