package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.presentation.TagRule;

/**
 * How results pages look (ACES-style listing pages). {@code layout}: {@code list} (default) or
 * {@code grid} with {@code rows} × {@code columns} (default 2 × 4; the search page size must equal
 * rows × columns). {@code mode}: {@code none} (default: ranked order, true values), {@code
 * permutation} (positions shuffled, nothing else) or {@code full}, where {@code shuffle} (true),
 * {@code priceSigma} (0.3), {@code ratingJitter} (0.4), {@code reviewsSigma} (1), {@code
 * sponsored}, {@code overallPick} and {@code scarcity} apply with ACES's defaults; they may be given
 * only in mode full. {@code impressions}: log every listing shown (default: true unless the page
 * is a plain list; left out of a resolved scenario unless given, so it follows a changed layout or
 * mode). Pages are a display randomization: proposals are made at posted prices.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "layout",
    "rows",
    "columns",
    "mode",
    "shuffle",
    "priceSigma",
    "ratingJitter",
    "reviewsSigma",
    "sponsored",
    "overallPick",
    "scarcity",
    "impressions"
})
public record PresentationConfig(
        Layout layout,
        Integer rows,
        Integer columns,
        Mode mode,
        Boolean shuffle,
        Double priceSigma,
        Double ratingJitter,
        Double reviewsSigma,
        TagConfig sponsored,
        OverallPickConfig overallPick,
        TagConfig scarcity,
        Boolean impressions) {

    public enum Layout {
        @JsonProperty("list")
        LIST,
        @JsonProperty("grid")
        GRID
    }

    public enum Mode {
        @JsonProperty("none")
        NONE,
        @JsonProperty("permutation")
        PERMUTATION,
        @JsonProperty("full")
        FULL
    }

    public static final PresentationConfig DEFAULT =
            new PresentationConfig(null, null, null, null, null, null, null, null, null, null, null, null);

    public PresentationConfig {
        layout = Objects.requireNonNullElse(layout, Layout.LIST);
        mode = Objects.requireNonNullElse(mode, Mode.NONE);
        if (layout == Layout.GRID) {
            rows = Objects.requireNonNullElse(rows, 2);
            columns = Objects.requireNonNullElse(columns, 4);
            if (rows < 1) {
                throw new IllegalArgumentException("rows must be >= 1, was " + rows);
            }
            if (columns < 1) {
                throw new IllegalArgumentException("columns must be >= 1, was " + columns);
            }
        } else {
            onlyFor(rows, "rows", "layout grid");
            onlyFor(columns, "columns", "layout grid");
        }
        if (mode == Mode.FULL) {
            shuffle = Objects.requireNonNullElse(shuffle, true);
            priceSigma = Objects.requireNonNullElse(priceSigma, 0.3);
            ratingJitter = Objects.requireNonNullElse(ratingJitter, 0.4);
            reviewsSigma = Objects.requireNonNullElse(reviewsSigma, 1.0);
            sponsored = Objects.requireNonNullElse(sponsored, TagConfig.ACES);
            overallPick = Objects.requireNonNullElse(overallPick, OverallPickConfig.ACES);
            scarcity = Objects.requireNonNullElse(scarcity, TagConfig.ACES);
            if (!(priceSigma >= 0) || priceSigma.isInfinite()) {
                throw new IllegalArgumentException("priceSigma must be >= 0, was " + priceSigma);
            }
            if (!(ratingJitter >= 0 && ratingJitter <= 1)) {
                throw new IllegalArgumentException("ratingJitter must be within [0, 1], was " + ratingJitter);
            }
            if (!(reviewsSigma >= 0) || reviewsSigma.isInfinite()) {
                throw new IllegalArgumentException("reviewsSigma must be >= 0, was " + reviewsSigma);
            }
        } else {
            String why = "mode full (mode is " + (mode == Mode.NONE ? "none" : "permutation") + ")";
            onlyFor(shuffle, "shuffle", why);
            onlyFor(priceSigma, "priceSigma", why);
            onlyFor(ratingJitter, "ratingJitter", why);
            onlyFor(reviewsSigma, "reviewsSigma", why);
            onlyFor(sponsored, "sponsored", why);
            onlyFor(overallPick, "overallPick", why);
            onlyFor(scarcity, "scarcity", why);
        }
        // impressions stays null when not given: "auto" must not be frozen into a resolved scenario,
        // where a later --set of the layout or mode would then silently keep the old choice
    }

    /** Whether impressions are logged: as given, else unless the page is a plain list. */
    public boolean logsImpressions() {
        return impressions != null ? impressions : layout != Layout.LIST || mode != Mode.NONE;
    }

    private static void onlyFor(Object value, String key, String where) {
        if (value != null) {
            throw new IllegalArgumentException(key + " applies only to " + where);
        }
    }

    /** How many listings a page of this layout holds, or 0 when the layout does not fix it (a list). */
    public int cells() {
        return layout == Layout.GRID ? rows * columns : 0;
    }

    public PresentationSettings toModel() {
        boolean full = mode == Mode.FULL;
        return new PresentationSettings(
                layout == Layout.GRID ? PresentationSettings.Layout.GRID : PresentationSettings.Layout.LIST,
                layout == Layout.GRID ? rows : 0,
                layout == Layout.GRID ? columns : 0,
                switch (mode) {
                    case NONE -> PresentationSettings.Mode.NONE;
                    case PERMUTATION -> PresentationSettings.Mode.PERMUTATION;
                    case FULL -> PresentationSettings.Mode.FULL;
                },
                full && shuffle,
                full ? priceSigma : 0,
                full ? ratingJitter : 0,
                full ? reviewsSigma : 0,
                full ? sponsored.toModel() : TagRule.OFF,
                full ? overallPick.probability() : 0,
                full ? scarcity.toModel() : TagRule.OFF,
                logsImpressions());
    }
}
