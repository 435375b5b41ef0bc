package org.mercato.sim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.AdAuctionEvent;
import org.mercato.sim.events.AdChargeEvent;
import org.mercato.sim.events.ImpressionEvent;
import org.mercato.sim.events.SearchEvent;
import org.mercato.sim.market.ads.AdPlacement;
import org.mercato.sim.market.ads.AdPricing;
import org.mercato.sim.market.ads.AdsSettings;
import org.mercato.sim.market.ads.AdsSetup;
import org.mercato.sim.market.ads.Advertiser;
import org.mercato.sim.market.ads.AuctionMechanism;
import org.mercato.sim.market.ads.AuctionRules;
import org.mercato.sim.market.ads.Bidder;
import org.mercato.sim.market.ads.QualitySource;
import org.mercato.sim.market.ads.SponsoredSlots;
import org.mercato.sim.market.presentation.PagePresenter;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.presentation.Tags;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.schedule.Scheduled;

/** Sponsored slots in the market: placement, tags, the auction and charge events, budgets. */
class MarketAdsTest {
    private static final Customer ANA = new Customer(
            "ana",
            "ana",
            "tacos",
            new TreeMap<>(Map.of("tacos", 1)),
            new TreeMap<>(Map.of("tacos", 1000L)),
            new TreeSet<>(),
            10_000);

    /** s1..s6, rated best first; s6 and s5 bid most. */
    private static Catalog catalog() {
        List<Service> services = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            services.add(Service.of("s" + i, Map.of("tacos", 900L), Set.of(), 5.0 - 0.5 * i, 10));
        }
        return new Catalog(services, List.of(ANA));
    }

    /** A fixed bid that remembers what it was told. */
    static final class FixedBidder implements Bidder {
        final long bid;
        final List<AuctionFeedback> outcomes = new ArrayList<>();
        long charged;

        FixedBidder(long bid) {
            this.bid = bid;
        }

        @Override
        public long bid(BidRequest request) {
            return bid;
        }

        @Override
        public void onOutcome(AuctionFeedback feedback) {
            outcomes.add(feedback);
        }

        @Override
        public void onCharge(long time, long amount) {
            charged += amount;
        }
    }

    private final Map<String, FixedBidder> bidders = new TreeMap<>();

    private Market market(AdPricing pricing, AdPlacement placement, long budget, int pageSize) {
        Catalog catalog = catalog();
        long[] bids = {0, 0, 100, 0, 300, 400};
        List<Advertiser> advertisers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            FixedBidder bidder = new FixedBidder(bids[i]);
            bidders.put("s" + (i + 1), bidder);
            advertisers.add(new Advertiser("s" + (i + 1), budget, () -> bidder));
        }
        AdsSettings settings = new AdsSettings(
                AuctionMechanism.named("gsp"), AuctionRules.of(2, 50, 0), QualitySource.NONE, pricing, placement);
        return new Market(
                new AgentDirectory(catalog),
                new SimpleSearch(catalog.services()),
                new SearchSettings(pageSize, 10, true),
                PagePresenter.of(PresentationSettings.DEFAULT.withImpressions(true), 1),
                ProposalReveal.immediate(),
                new SponsoredSlots(new AdsSetup(settings, advertisers)),
                null,
                0);
    }

    private static SearchResults search(Market market, RecordingOutput out, int page, long seq) {
        market.apply(new Scheduled.ActionAt(100, 0, seq, new Search("tacos", SearchFilters.NONE, page)), out);
        return (SearchResults) out.deliveries.get(out.deliveries.size() - 1).observation();
    }

    @Test
    void winnersTopTheFirstPageTaggedSponsoredAndPayTheNextBid() {
        RecordingOutput out = new RecordingOutput();
        Market market = market(AdPricing.PER_IMPRESSION, null, Long.MAX_VALUE, 4);
        SearchResults results = search(market, out, 0, 0);

        assertThat(results.listings()).extracting(ListingView::service).containsExactly("s6", "s5", "s1", "s2");
        assertThat(results.listings().get(0).tags()).containsExactly(Tags.SPONSORED);
        assertThat(results.listings().get(1).tags()).containsExactly(Tags.SPONSORED);
        assertThat(results.listings().get(2).tags()).isEmpty();
        assertThat(out.eventsOf(SearchEvent.class).get(0).results()).containsExactly("s6", "s5", "s1", "s2");
        assertThat(out.eventsOf(ImpressionEvent.class))
                .extracting(impression -> String.join(",", impression.tags()))
                .containsExactly("sponsored", "sponsored", "", "");

        AdAuctionEvent auction = out.eventsOf(AdAuctionEvent.class).get(0);
        assertThat(auction.search()).isEqualTo(0);
        assertThat(auction.bids()).extracting(AdAuctionEvent.Bid::service).containsExactly("s3", "s5", "s6");
        assertThat(auction.winners())
                .containsExactly(new AdAuctionEvent.Winner(1, "s6", 300), new AdAuctionEvent.Winner(2, "s5", 100));
        assertThat(out.eventsOf(AdChargeEvent.class))
                .containsExactly(
                        new AdChargeEvent("s6", "ana", 0, "impression", 300, null),
                        new AdChargeEvent("s5", "ana", 0, "impression", 100, null));
        assertThat(market.ads().revenue()).isEqualTo(400);
        assertThat(bidders.get("s3").outcomes)
                .extracting(Bidder.AuctionFeedback::won)
                .containsExactly(false);
        assertThat(bidders.get("s6").charged).isEqualTo(300);
        // The order of events: search, its impressions, the auction, the charges.
        assertThat(out.events.get(0).event()).isInstanceOf(SearchEvent.class);
        assertThat(out.events.get(5).event()).isInstanceOf(AdAuctionEvent.class);
    }

    @Test
    void laterPagesHaveNoAdsAndTheLedgerNeverMoves() {
        RecordingOutput out = new RecordingOutput();
        Market market = market(AdPricing.PER_IMPRESSION, null, Long.MAX_VALUE, 4);
        long total = market.ledger().total();
        search(market, out, 0, 0);
        out.clear();
        SearchResults second = search(market, out, 1, 1);
        assertThat(second.listings()).extracting(ListingView::service).containsExactly("s5", "s6");
        assertThat(second.listings()).allSatisfy(view -> assertThat(view.tags()).isEmpty());
        assertThat(out.eventsOf(AdAuctionEvent.class)).isEmpty();
        assertThat(market.ledger().total()).isEqualTo(total);
        assertThat(market.ledger().balance(0)).isEqualTo(10_000);
    }

    @Test
    void interleavedAdsTakeTheirPositions() {
        RecordingOutput out = new RecordingOutput();
        Market market = market(AdPricing.PER_IMPRESSION, AdPlacement.interleaved(List.of(2, 4)), Long.MAX_VALUE, 5);
        SearchResults results = search(market, out, 0, 0);
        assertThat(results.listings()).extracting(ListingView::service).containsExactly("s1", "s6", "s2", "s5", "s3");
    }

    @Test
    void anAdPositionPastTheEndOfThePageMovesUpSoEveryWinnerIsShown() {
        RecordingOutput out = new RecordingOutput();
        Market market = market(AdPricing.PER_IMPRESSION, AdPlacement.interleaved(List.of(2, 9)), Long.MAX_VALUE, 4);
        SearchResults results = search(market, out, 0, 0);
        assertThat(results.listings()).extracting(ListingView::service).containsExactly("s1", "s6", "s2", "s5");
        assertThat(results.listings().get(3).tags()).containsExactly(Tags.SPONSORED);
    }

    @Test
    void perChoiceChargesOnlyWhenTheCustomerPaysTheAdvertiser() {
        RecordingOutput out = new RecordingOutput();
        Market market = market(AdPricing.PER_CHOICE, null, 1_000, 4);
        search(market, out, 0, 0);
        assertThat(out.eventsOf(AdChargeEvent.class)).isEmpty();
        int s6 = 1 + 5;
        market.apply(new Scheduled.ActionAt(200, 0, 1, new Message("s6", "tacos?", new TreeMap<>())), out);
        market.apply(
                new Scheduled.ActionAt(
                        300, s6, 0, new Propose("ana", List.of(new OrderLine("tacos", 1, 900)), 900, 10_000)),
                out);
        String proposal = out.eventsOf(org.mercato.sim.events.ProposalEvent.class)
                .get(0)
                .proposal()
                .id();
        out.clear();
        market.apply(new Scheduled.ActionAt(400, 0, 2, new Pay(proposal, 900)), out);
        assertThat(out.eventsOf(AdChargeEvent.class))
                .containsExactly(new AdChargeEvent("s6", "ana", 0, "choice", 300, 700L));
        assertThat(market.ads().budgetLeft("s6")).isEqualTo(700);
        assertThat(market.ads().budgetLeft("s5")).isEqualTo(1_000);
        // Money for ads never touches the ledger: the customer paid the proposal, nothing more.
        assertThat(market.ledger().balance(0)).isEqualTo(10_000 - 900);
        assertThat(market.ledger().balance(s6)).isEqualTo(900);
    }

    @Test
    void anAdvertiserWhoseBudgetCannotCoverItsBidDropsOut() {
        RecordingOutput out = new RecordingOutput();
        Market market = market(AdPricing.PER_IMPRESSION, null, 350, 4);
        search(market, out, 0, 0);
        // s6 bids 400 with 350 left: out. s5 wins at s3's bid, s3 second at the reserve.
        AdAuctionEvent auction = out.eventsOf(AdAuctionEvent.class).get(0);
        assertThat(auction.bids()).extracting(AdAuctionEvent.Bid::service).containsExactly("s3", "s5");
        assertThat(auction.winners())
                .containsExactly(new AdAuctionEvent.Winner(1, "s5", 100), new AdAuctionEvent.Winner(2, "s3", 50));
        out.clear();
        search(market, out, 0, 1);
        // s5 paid 100 and has 250 left, below its bid of 300: now it is out too.
        assertThat(market.ads().budgetLeft("s5")).isEqualTo(250);
        assertThat(market.ads().budgetLeft("s3")).isEqualTo(350 - 50 - 50);
        AdAuctionEvent next = out.eventsOf(AdAuctionEvent.class).get(0);
        assertThat(next.bids()).extracting(AdAuctionEvent.Bid::service).containsExactly("s3");
        assertThat(next.winners()).containsExactly(new AdAuctionEvent.Winner(1, "s3", 50));
    }
}
