package org.mercato.metrics.ads;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.AdAuctionEvent;
import org.mercato.sim.events.AdChargeEvent;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;

/**
 * Sponsored slots as a pure fold over the events: auctions, slots filled, the platform's revenue
 * (every {@code ad_charge}), and what advertisers got for it. An advertiser is a service that bid
 * in at least one auction. Its value from the market is its producer surplus (what customers paid
 * it minus the unit costs of what it sold, all sales, sponsored or not); its surplus is that minus
 * its ad spend. A sponsored choice is a payment by a customer to a service that won a slot on one of
 * that customer's earlier pages.
 */
public final class AdsFold implements EventSink {
    private static final String MARGIN = "an advertiser's sales margin";

    private final Map<String, Service> services = new HashMap<>();
    private final Map<String, Proposal> proposals = new HashMap<>();
    private final Map<String, Long> margin = new TreeMap<>();
    private final Map<String, Long> spend = new TreeMap<>();
    private final Set<String> advertisers = new HashSet<>();
    private final Set<String> sponsoredFor = new HashSet<>();
    private String mechanism;
    private long auctions;
    private long slotsOffered;
    private long slotsFilled;
    private long bids;
    private long winningPrices;
    private long sponsoredChoices;
    private long charges;
    private long revenue;
    private long events;

    @Override
    public void accept(LoggedEvent logged) {
        var event = logged.event();
        if (event instanceof ServiceEvent s) {
            services.put(s.service().id(), s.service());
        } else if (event instanceof ProposalEvent p) {
            proposals.put(p.proposal().id(), p.proposal());
        } else if (event instanceof AdAuctionEvent auction) {
            events++;
            mechanism = auction.mechanism();
            auctions++;
            slotsOffered += auction.slots();
            slotsFilled += auction.winners().size();
            bids += auction.bids().size();
            auction.bids().forEach(bid -> advertisers.add(bid.service()));
            for (AdAuctionEvent.Winner winner : auction.winners()) {
                winningPrices = Money.add(winningPrices, winner.price(), "the winning ad prices");
                sponsoredFor.add(auction.agent() + "\u0000" + winner.service());
            }
        } else if (event instanceof AdChargeEvent charge) {
            events++;
            charges++;
            revenue = Money.add(revenue, charge.amount(), "the ad revenue");
            spend.merge(charge.service(), charge.amount(), (a, b) -> Money.add(a, b, "an advertiser's ad spend"));
        } else if (event instanceof PaymentEvent payment) {
            if (sponsoredFor.contains(payment.customer() + "\u0000" + payment.service())) {
                sponsoredChoices++;
            }
            Proposal proposal = proposals.get(payment.proposal());
            Service seller = services.get(payment.service());
            long cost = 0;
            if (proposal != null && seller != null) {
                for (OrderLine line : proposal.lines()) {
                    cost = Money.add(cost, Money.times(line.quantity(), seller.unitCost(line.item()), MARGIN), MARGIN);
                }
            }
            margin.merge(
                    payment.service(),
                    Money.subtract(payment.amount(), cost, MARGIN),
                    (a, b) -> Money.add(a, b, MARGIN));
        }
    }

    /** Whether the log had any ad events. */
    public boolean sawAds() {
        return events > 0;
    }

    public AdsMetrics result() {
        long advertiserMargin = 0;
        for (String advertiser : advertisers) {
            advertiserMargin = Money.add(advertiserMargin, margin.getOrDefault(advertiser, 0L), MARGIN);
        }
        Map<String, BigDecimal> spendByService = new TreeMap<>();
        spend.forEach((service, cents) -> spendByService.put(service, money(cents)));
        return new AdsMetrics(
                mechanism,
                auctions,
                slotsOffered,
                slotsFilled,
                slotsOffered == 0 ? null : Math.round(1e4 * slotsFilled / (double) slotsOffered) / 1e4,
                bids,
                advertisers.size(),
                sponsoredChoices,
                charges,
                money(revenue),
                slotsFilled == 0 ? null : money(Math.round(winningPrices / (double) slotsFilled)),
                money(advertiserMargin),
                money(advertiserMargin - revenue),
                spendByService,
                null);
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
