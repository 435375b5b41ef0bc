package org.mercato.sim.market.presentation;

import java.util.Objects;

/**
 * How a results page is laid out and randomized (after ACES, "What Is Your AI Agent Buying?").
 *
 * <ul>
 *   <li>{@code layout}: {@code LIST} (one column, a row per listing) or {@code GRID} ({@code rows} ×
 *       {@code columns} cells filled in reading order; the page size must equal rows × columns).
 *   <li>{@code mode}: {@code NONE} shows the ranked page with true values (the default, today's
 *       behaviour); {@code PERMUTATION} only shuffles positions; {@code FULL} applies every
 *       randomization below whose parameter is not zero.
 *   <li>{@code shuffle}: a uniform random permutation of the page's positions (FULL only).
 *   <li>{@code priceSigma}: every shown price of a listing is its menu price × one factor
 *       exp(priceSigma · Z), Z standard normal, rounded to the cent (ACES 0.3).
 *   <li>{@code ratingJitter}: shown rating r + U[−j, j] · (5 − r), rounded to 0.1 and clamped to
 *       [0, 5] (ACES 0.4).
 *   <li>{@code reviewsSigma}: shown review count × exp(reviewsSigma · Z), rounded (ACES 1).
 *   <li>{@code sponsored}: "Sponsored" on min–max listings with its probability (ACES 0.5, 1–4).
 *   <li>{@code overallPick}: probability of "Overall Pick" on one non-sponsored listing (ACES 0.5).
 *   <li>{@code scarcity}: "Only N left", N from min–max, on one untagged listing (ACES 0.5, 1–4).
 *   <li>{@code impressions}: whether every listing shown is logged as an {@code impression} event.
 * </ul>
 *
 * The page is a display randomization only: proposals are made at the posted menu prices.
 */
public record PresentationSettings(
        Layout layout,
        int rows,
        int columns,
        Mode mode,
        boolean shuffle,
        double priceSigma,
        double ratingJitter,
        double reviewsSigma,
        TagRule sponsored,
        double overallPick,
        TagRule scarcity,
        boolean impressions) {

    public enum Layout {
        LIST,
        GRID
    }

    public enum Mode {
        NONE,
        PERMUTATION,
        FULL
    }

    /** Today's page: a ranked list with true values and no impression events. */
    public static final PresentationSettings DEFAULT =
            new PresentationSettings(Layout.LIST, 0, 0, Mode.NONE, false, 0, 0, 0, TagRule.OFF, 0, TagRule.OFF, false);

    public PresentationSettings {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(sponsored, "sponsored");
        Objects.requireNonNull(scarcity, "scarcity");
        if (layout == Layout.GRID && (rows < 1 || columns < 1)) {
            throw new IllegalArgumentException("a grid needs rows and columns >= 1, was " + rows + " x " + columns);
        }
        requireAtLeastZero("priceSigma", priceSigma);
        requireAtLeastZero("reviewsSigma", reviewsSigma);
        if (!(ratingJitter >= 0 && ratingJitter <= 1)) {
            throw new IllegalArgumentException("ratingJitter must be within [0, 1], was " + ratingJitter);
        }
        if (!(overallPick >= 0 && overallPick <= 1)) {
            throw new IllegalArgumentException("overallPick probability must be within [0, 1], was " + overallPick);
        }
    }

    private static void requireAtLeastZero(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a number >= 0, was " + value);
        }
    }

    /** The ACES storefront: a 2 × 4 grid, every randomization at its published default, impressions logged. */
    public static PresentationSettings aces() {
        return new PresentationSettings(
                Layout.GRID, 2, 4, Mode.FULL, true, 0.3, 0.4, 1.0, TagRule.ACES, 0.5, TagRule.ACES, true);
    }

    public PresentationSettings withLayout(Layout newLayout, int newRows, int newColumns) {
        return with(newLayout, newRows, newColumns, mode, impressions);
    }

    public PresentationSettings withMode(Mode newMode) {
        return with(layout, rows, columns, newMode, impressions);
    }

    public PresentationSettings withImpressions(boolean log) {
        return with(layout, rows, columns, mode, log);
    }

    /** These randomizations with another page shape, mode or impression logging. */
    private PresentationSettings with(Layout newLayout, int newRows, int newColumns, Mode newMode, boolean log) {
        return new PresentationSettings(
                newLayout,
                newRows,
                newColumns,
                newMode,
                shuffle,
                priceSigma,
                ratingJitter,
                reviewsSigma,
                sponsored,
                overallPick,
                scarcity,
                log);
    }

    /** How many listings one page holds, or 0 when the layout does not fix it (a list). */
    public int cells() {
        return layout == Layout.GRID ? rows * columns : 0;
    }

    /** Whether positions are shuffled: always in PERMUTATION mode, in FULL mode if {@code shuffle}. */
    public boolean shufflesPositions() {
        return mode == Mode.PERMUTATION || (mode == Mode.FULL && shuffle);
    }
}
