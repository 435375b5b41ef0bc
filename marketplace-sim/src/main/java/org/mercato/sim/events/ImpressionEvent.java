package org.mercato.sim.events;

import java.util.SortedSet;
import org.mercato.sim.domain.Immutable;

/**
 * One listing shown on a results page, as the assistant saw it. {@code search} is the {@code seq}
 * of the page's {@code search} event, so the impressions of one page share it; they follow that
 * event directly, in reading order. {@code rank}, {@code row}, {@code column}, {@code tags},
 * {@code rating} and {@code reviews} are the shown values. {@code price} is the shown cost of the
 * searching customer's requested items at this listing (quantity × shown unit price, summed), or
 * null when the page hides prices or the listing does not carry every requested item;
 * {@code priceFactor} is the factor every shown unit price of the listing is its menu price times
 * (rounded to the cent), so the whole shown menu can be rebuilt from the {@code service} event.
 */
public record ImpressionEvent(
        String agent,
        long search,
        String service,
        int rank,
        int row,
        int column,
        SortedSet<String> tags,
        Long price,
        double priceFactor,
        double rating,
        int reviews)
        implements Event {
    public ImpressionEvent {
        tags = Immutable.sortedSet(tags);
    }

    @Override
    public String type() {
        return "impression";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("agent", agent)
                .field("search", search)
                .field("service", service)
                .field("rank", rank)
                .field("row", row)
                .field("column", column)
                .strings("tags", tags);
        if (price == null) {
            out.nullField("price");
        } else {
            out.money("price", price);
        }
        out.field("price_factor", priceFactor).field("rating", rating).field("reviews", reviews);
    }
}
