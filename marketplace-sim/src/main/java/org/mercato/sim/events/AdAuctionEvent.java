package org.mercato.sim.events;

import java.util.List;
import java.util.Objects;

/**
 * A sponsored-slot auction run for a customer's first results page. {@code search} is the {@code
 * seq} of that page's {@code search} event (the auction is logged after the page's impressions);
 * {@code bids} are every bid above 0 from an advertiser in the ranking with budget to pay it, in
 * service-id order, with the quality it was ranked by; {@code winners} are the slots awarded, top
 * first, with the price per billing unit.
 */
public record AdAuctionEvent(
        String agent,
        long search,
        String query,
        String mechanism,
        int slots,
        long reserve,
        List<Bid> bids,
        List<Winner> winners)
        implements Event {
    public AdAuctionEvent {
        Objects.requireNonNull(agent, "agent");
        bids = List.copyOf(bids);
        winners = List.copyOf(winners);
    }

    public record Bid(String service, long bid, double quality) {}

    public record Winner(int slot, String service, long price) {}

    @Override
    public String type() {
        return "ad_auction";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("agent", agent)
                .field("search", search)
                .field("query", query)
                .field("mechanism", mechanism)
                .field("slots", slots)
                .money("reserve", reserve)
                .beginArray("bids");
        for (Bid bid : bids) {
            out.element()
                    .field("service", bid.service())
                    .money("bid", bid.bid())
                    .field("quality", bid.quality())
                    .endElement();
        }
        out.endArray().beginArray("winners");
        for (Winner winner : winners) {
            out.element()
                    .field("slot", winner.slot())
                    .field("service", winner.service())
                    .money("price", winner.price())
                    .endElement();
        }
        out.endArray();
    }
}
