package org.mercato.sim.market.ads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.AdAuctionEvent;
import org.mercato.sim.events.AdChargeEvent;
import org.mercato.sim.events.EventRecorder;

/**
 * The market's sponsored slots for one run: advertisers' bidders and ad budgets, the counts that
 * observed quality needs, and the charges still due for sponsored listings paid per choice. It
 * runs on the market's thread in the kernel's order, like everything the market does.
 *
 * <p>Ad money is kept apart from the market's {@code Ledger}: an advertiser's ad budget is its own
 * account, and every charge moves cents from it to the platform's revenue, so budgets left plus
 * platform revenue always equal the budgets given. Customers' and services' balances never move
 * for ads, so the ledger invariants hold unchanged. A charge never exceeds the budget left: an
 * advertiser takes part only when its budget covers its bid, and a per-choice charge due after the
 * budget ran low is cut to what is left (none is logged when nothing is left).
 */
public final class SponsoredSlots {
    private final AdsSettings settings;
    private final Map<String, Account> accounts = new TreeMap<>();
    private final Map<String, Integer> shown = new HashMap<>();
    private final Map<String, Integer> choices = new HashMap<>();
    private final Map<String, Due> due = new HashMap<>();
    private long revenue;

    public SponsoredSlots(AdsSetup setup) {
        this.settings = setup.settings();
        for (Advertiser advertiser : setup.advertisers()) {
            if (accounts.put(
                            advertiser.service(),
                            new Account(advertiser, advertiser.bidder().get()))
                    != null) {
                throw new IllegalArgumentException("advertiser " + advertiser.service() + " given twice");
            }
        }
    }

    public AdsSettings settings() {
        return settings;
    }

    /** Cents charged to advertisers so far: the platform's ad revenue. */
    public long revenue() {
        return revenue;
    }

    /** The ad budget {@code service} has left ({@code Long.MAX_VALUE} without a limit). */
    public long budgetLeft(String service) {
        Account account = accounts.get(service);
        return account == null ? 0 : account.left;
    }

    /** An auction's bids (every advertiser in the ranking that bid above 0 within budget) and result. */
    public record Auction(String query, List<AdBid> bids, AuctionResult result) {
        public Auction {
            bids = List.copyOf(bids);
        }

        public Set<String> winners() {
            Set<String> ids = new HashSet<>();
            result.winners().forEach(award -> ids.add(award.service()));
            return ids;
        }
    }

    /** Asks every advertiser among the ranked services for a bid and runs the mechanism. */
    public Auction auction(long time, String query, List<Service> ranked) {
        List<AdBid> bids = new ArrayList<>();
        for (Service service : ranked) {
            Account account = accounts.get(service.id());
            if (account == null) {
                continue;
            }
            long bid = account.bidder.bid(new Bidder.BidRequest(
                    time, query, account.left, settings.rules().reserve()));
            if (bid > 0 && bid <= account.left) {
                bids.add(new AdBid(service.id(), bid, quality(service)));
            }
        }
        bids.sort(java.util.Comparator.comparing(AdBid::service));
        return new Auction(query, bids, settings.mechanism().run(bids, settings.rules()));
    }

    /**
     * The first page with the winners placed: each at its slot's position (moved up when the page is
     * shorter), organic results (without the winners) filling the rest in rank order, the page size
     * unchanged. Every winner is shown: the settings never sell more slots than a page holds.
     */
    public List<Service> page(List<Service> ranked, Auction auction, int pageSize) {
        if (auction.result().winners().size() > pageSize) {
            throw new IllegalStateException(
                    auction.result().winners().size() + " ads do not fit a page of " + pageSize);
        }
        Set<String> winnerIds = auction.winners();
        Map<String, Service> byId = new HashMap<>();
        List<Service> organic = new ArrayList<>();
        for (Service service : ranked) {
            byId.put(service.id(), service);
            if (!winnerIds.contains(service.id())) {
                organic.add(service);
            }
        }
        List<SlotAward> winners = auction.result().winners();
        List<Integer> positions = settings.placement().positions();
        int size = Math.min(pageSize, winners.size() + organic.size());
        List<Service> page = new ArrayList<>(size);
        int w = 0;
        int o = 0;
        for (int position = 1; position <= size; position++) {
            // An ad goes at its position, or earlier when the rest of the page is needed to show
            // every winner (a position past the page's end) or no organic result is left.
            boolean adHere = w < winners.size()
                    && (positions.get(w) <= position
                            || o >= organic.size()
                            || winners.size() - w >= size - position + 1);
            page.add(adHere ? byId.get(winners.get(w++).service()) : organic.get(o++));
        }
        return page;
    }

    /** Counts a listing shown on any page (for observed quality). */
    public void shown(String service) {
        shown.merge(service, 1, Integer::sum);
    }

    /**
     * Logs the auction of the page whose {@code search} event has sequence number {@code search},
     * tells the bidders, and charges the winners shown (per impression) or remembers what they owe
     * if the customer chooses them (per choice).
     */
    public void settle(long t, String customer, long search, Auction auction, EventRecorder out) {
        List<AdAuctionEvent.Bid> bids = new ArrayList<>();
        for (AdBid bid : auction.bids()) {
            bids.add(new AdAuctionEvent.Bid(bid.service(), bid.bid(), bid.quality()));
        }
        List<AdAuctionEvent.Winner> winners = new ArrayList<>();
        for (SlotAward award : auction.result().winners()) {
            winners.add(new AdAuctionEvent.Winner(award.slot(), award.service(), award.price()));
        }
        out.record(
                t,
                new AdAuctionEvent(
                        customer,
                        search,
                        auction.query(),
                        settings.mechanism().name(),
                        settings.rules().slots(),
                        settings.rules().reserve(),
                        bids,
                        winners));
        for (AdBid bid : auction.bids()) {
            SlotAward award = auction.result().awardOf(bid.service());
            accounts.get(bid.service())
                    .bidder
                    .onOutcome(new Bidder.AuctionFeedback(
                            t,
                            bid.bid(),
                            award != null,
                            award == null ? 0 : award.slot(),
                            award == null ? 0 : award.price()));
        }
        for (SlotAward award : auction.result().winners()) {
            if (settings.pricing() == AdPricing.PER_IMPRESSION) {
                charge(t, award.service(), customer, search, award.price(), out);
            } else {
                due.put(customer + "\u0000" + award.service(), new Due(award.price(), search));
            }
        }
    }

    /** A customer paid a service: counts the choice and charges what a sponsored showing left due. */
    public void paid(long t, String customer, String service, EventRecorder out) {
        choices.merge(service, 1, Integer::sum);
        Due owed = due.remove(customer + "\u0000" + service);
        if (owed != null) {
            charge(t, service, customer, owed.search, owed.price, out);
        }
    }

    private void charge(long t, String service, String customer, long search, long price, EventRecorder out) {
        Account account = accounts.get(service);
        long amount = Math.min(price, account.left);
        if (amount == 0) {
            return; // nothing left to charge (or a zero price): no charge event
        }
        if (account.limited()) {
            account.left -= amount;
        }
        revenue += amount;
        out.record(
                t,
                new AdChargeEvent(
                        service,
                        customer,
                        search,
                        settings.pricing().basis(),
                        amount,
                        account.limited() ? account.left : null));
        account.bidder.onCharge(t, amount);
    }

    private double quality(Service service) {
        double q = switch (settings.quality()) {
            case NONE -> 1.0;
            case RATING -> Math.max(0.01, service.rating() / 5.0);
            case OBSERVED ->
                (choices.getOrDefault(service.id(), 0) + 1.0) / (shown.getOrDefault(service.id(), 0) + 2.0);
        };
        // Logged with six places, so the auction ranked by exactly the number the log shows.
        return Math.max(1e-6, Math.round(q * 1e6) / 1e6);
    }

    private record Due(long price, long search) {}

    private static final class Account {
        private final Bidder bidder;
        private final boolean limited;
        private long left;

        Account(Advertiser advertiser, Bidder bidder) {
            this.bidder = bidder;
            this.limited = advertiser.budget() != Long.MAX_VALUE;
            this.left = advertiser.budget();
        }

        boolean limited() {
            return limited;
        }
    }
}
