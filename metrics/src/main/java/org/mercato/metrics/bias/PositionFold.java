package org.mercato.metrics.bias;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.ImpressionEvent;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;

/**
 * Position and tag bias from {@code impression} events. A choice is a payment by a customer to a
 * service that was shown to that customer; it is placed where the service was shown last before
 * the payment (its rank, row, column and tags on that page). For each rank, row, column and tag:
 * how many impressions it had, how many choices, and its share of all choices. A choice with
 * several tags counts once under each; tag {@code (none)} counts untagged impressions and choices.
 * Payments to services the customer was never shown are counted apart.
 */
public final class PositionFold implements EventSink {
    /** The tag under which untagged impressions and choices are counted. */
    public static final String NO_TAG = "(none)";

    private record Shown(int rank, int row, int column, SortedSet<String> tags) {}

    private final Map<String, Map<String, Shown>> lastShown = new HashMap<>();
    private final Counts rank = new Counts();
    private final Counts row = new Counts();
    private final Counts column = new Counts();
    private final SortedMap<String, long[]> tags = new TreeMap<>();
    private long choices;
    private long unshown;

    private static final class Counts {
        final SortedMap<Integer, long[]> byValue = new TreeMap<>();

        void impression(int value) {
            byValue.computeIfAbsent(value, v -> new long[2])[0]++;
        }

        void choice(int value) {
            byValue.computeIfAbsent(value, v -> new long[2])[1]++;
        }

        List<Cell> cells(long choices) {
            List<Cell> cells = new ArrayList<>();
            byValue.forEach((value, n) -> cells.add(new Cell(value, n[0], n[1], Rounding.share(n[1], choices))));
            return cells;
        }
    }

    @Override
    public void accept(LoggedEvent logged) {
        var event = logged.event();
        if (event instanceof ImpressionEvent impression) {
            lastShown
                    .computeIfAbsent(impression.agent(), k -> new HashMap<>())
                    .put(
                            impression.service(),
                            new Shown(impression.rank(), impression.row(), impression.column(), impression.tags()));
            rank.impression(impression.rank());
            row.impression(impression.row());
            column.impression(impression.column());
            for (String tag : tagsOf(impression.tags())) {
                tags.computeIfAbsent(tag, t -> new long[2])[0]++;
            }
        } else if (event instanceof PaymentEvent payment) {
            Shown shown = lastShown.getOrDefault(payment.customer(), Map.of()).get(payment.service());
            if (shown == null) {
                unshown++;
                return;
            }
            choices++;
            rank.choice(shown.rank());
            row.choice(shown.row());
            column.choice(shown.column());
            for (String tag : tagsOf(shown.tags())) {
                tags.computeIfAbsent(tag, t -> new long[2])[1]++;
            }
        }
    }

    private static Iterable<String> tagsOf(SortedSet<String> tags) {
        return tags.isEmpty() ? List.of(NO_TAG) : tags;
    }

    /** The shares, or null when the log has no impressions. */
    public Position result() {
        if (rank.byValue.isEmpty()) {
            return null;
        }
        List<TagShare> byTag = new ArrayList<>();
        tags.forEach((tag, n) -> byTag.add(new TagShare(tag, n[0], n[1], Rounding.share(n[1], choices))));
        return new Position(choices, unshown, rank.cells(choices), row.cells(choices), column.cells(choices), byTag);
    }

    /**
     * {@code choices}: payments to a service shown to the customer; {@code unshown}: payments to
     * one never shown to it; then impressions, choices and choice share by rank, row, column, tag.
     */
    public record Position(
            long choices,
            long unshown,
            List<Cell> byRank,
            List<Cell> byRow,
            List<Cell> byColumn,
            List<TagShare> byTag) {}

    /** One rank, row or column: impressions there, choices there, share of all choices (null without choices). */
    public record Cell(int value, long impressions, long choices, Double share) {}

    public record TagShare(String tag, long impressions, long choices, Double share) {}
}
