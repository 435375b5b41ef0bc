package org.mercato.storefront;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.SearchResults;

/**
 * Pure function: a results page (and optional controls) to a self-contained HTML page. No clock,
 * no randomness, no hash-map order, {@code \n} line ends, every text escaped, no scripts and no
 * external URLs (fonts are root-relative, see {@link StorefrontFonts}).
 */
public final class StorefrontHtml {
    /** Form targets for browser agents; {@link #NONE} renders no form. */
    public record Controls(String actionUrl, String searchUrl) {
        public static final Controls NONE = new Controls("", "");

        public Controls {
            Objects.requireNonNull(actionUrl, "actionUrl");
            Objects.requireNonNull(searchUrl, "searchUrl");
        }

        /** Whether the page carries forms. */
        public boolean shown() {
            return !actionUrl.isEmpty() || !searchUrl.isEmpty();
        }
    }

    /** The label of every tile's control. */
    public static final String ASK = "Ask for a proposal";

    private static final String STAR =
            "8.00,0.80 9.88,5.81 15.23,6.05 11.04,9.39 12.47,14.55 8.00,11.60 3.53,14.55 4.96,9.39 0.77,6.05 6.12,5.81";

    private static final Comparator<ListingView> READING_ORDER =
            Comparator.comparingInt(ListingView::row).thenComparingInt(ListingView::column);

    private StorefrontHtml() {}

    /** The screenshot page: no forms. */
    public static StorefrontPage render(SearchResults page, StorefrontStyle style) {
        return render(page, style, Controls.NONE);
    }

    /** The page with forms posting to {@code controls}' URLs, for browser agents. */
    public static StorefrontPage render(SearchResults page, StorefrontStyle style, Controls controls) {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(controls, "controls");
        List<ListingView> tiles = new ArrayList<>(page.listings());
        tiles.sort(READING_ORDER); // stable: equal cells keep the page's order
        int columns =
                Math.max(1, tiles.stream().mapToInt(ListingView::column).max().orElse(1));
        StringBuilder out = new StringBuilder(4096 + 2048 * tiles.size());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>")
                .append(Html.escape("Mercato: results for " + text(page.query())))
                .append("</title>\n<style>\n")
                .append(StorefrontCss.of(style, columns))
                .append("</style>\n</head>\n<body class=\"")
                .append(style.name())
                .append("\">\n");
        header(out, page, controls);
        out.append("<main>\n");
        out.append("<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\">")
                .append("<defs><polygon id=\"star\" points=\"")
                .append(STAR)
                .append("\"/></defs></svg>\n");
        if (tiles.isEmpty()) {
            out.append("<p class=\"empty\">No results.</p>\n");
        } else {
            out.append("<div class=\"grid\" data-columns=\"").append(columns).append("\">\n");
            for (int i = 0; i < tiles.size(); i++) {
                tile(out, tiles.get(i), i, controls);
            }
            out.append("</div>\n");
        }
        out.append("</main>\n</body>\n</html>\n");
        return StorefrontPage.of(out.toString());
    }

    private static void header(StringBuilder out, SearchResults page, Controls controls) {
        out.append("<header>\n<div class=\"brand\">Mercato</div>\n");
        String query = Html.escape(text(page.query()));
        if (controls.shown()) {
            out.append("<form class=\"search\" method=\"post\" action=\"")
                    .append(Html.escape(controls.searchUrl()))
                    .append("\"><input type=\"hidden\" name=\"action\" value=\"search\">")
                    .append("<input type=\"search\" name=\"query\" value=\"")
                    .append(query)
                    .append("\" aria-label=\"Search\"><button type=\"submit\">Search</button></form>\n");
        } else {
            out.append("<div class=\"search\"><span class=\"box\">")
                    .append(query)
                    .append("</span><span class=\"go\">Search</span></div>\n");
        }
        out.append("<div class=\"paging\">Page ")
                .append(page.page() + 1)
                .append(" of ")
                .append(Math.max(1, page.totalPages()))
                .append("</div>\n</header>\n");
    }

    private static void tile(StringBuilder out, ListingView l, int index, Controls controls) {
        String name = l.name() == null || l.name().isBlank() ? l.service() : l.name();
        String firstItem = l.prices().isEmpty() ? "" : l.prices().firstKey();
        out.append("<article class=\"tile\" data-service=\"")
                .append(Html.escape(l.service()))
                .append("\" data-rank=\"")
                .append(l.rank())
                .append("\" data-row=\"")
                .append(l.row())
                .append("\" data-column=\"")
                .append(l.column())
                .append("\" data-tags=\"")
                .append(Html.escape(String.join(" ", l.tags())))
                .append("\">\n");
        out.append(ProductImage.svg(name, firstItem)).append('\n');
        out.append("<div class=\"badges\">");
        for (String tag : l.tags()) {
            out.append("<span class=\"badge ")
                    .append(badgeClass(tag))
                    .append("\">")
                    .append(Html.escape(badge(tag)))
                    .append("</span>");
        }
        out.append("</div>\n");
        out.append("<h2 class=\"name\">").append(Html.escape(name)).append("</h2>\n");
        out.append("<div class=\"id\">id: ").append(Html.escape(l.service())).append("</div>\n");
        rating(out, l, index);
        out.append("<ul class=\"prices\">");
        if (l.prices().isEmpty()) {
            out.append("<li><em class=\"none\">price on request</em></li>");
        }
        for (Map.Entry<String, Long> price : l.prices().entrySet()) {
            out.append("<li><span class=\"item\">")
                    .append(Html.escape(price.getKey()))
                    .append("</span><span class=\"price\">")
                    .append(money(price.getValue()))
                    .append("</span></li>");
        }
        out.append("</ul>\n");
        if (!l.amenities().isEmpty()) {
            out.append("<div class=\"amenities\">")
                    .append(Html.escape(String.join(", ", l.amenities())))
                    .append("</div>\n");
        }
        if (controls.shown()) {
            out.append("<form class=\"ask\" method=\"post\" action=\"")
                    .append(Html.escape(controls.actionUrl()))
                    .append("\"><input type=\"hidden\" name=\"action\" value=\"ask\">")
                    .append("<input type=\"hidden\" name=\"service\" value=\"")
                    .append(Html.escape(l.service()))
                    .append("\"><button type=\"submit\">")
                    .append(ASK)
                    .append("</button></form>\n");
        } else {
            out.append("<div class=\"ask\"><span class=\"button\">").append(ASK).append("</span></div>\n");
        }
        out.append("</article>\n");
    }

    private static void rating(StringBuilder out, ListingView l, int index) {
        BigDecimal stars = Double.isFinite(l.rating())
                ? BigDecimal.valueOf(Math.max(0, Math.min(5, l.rating()))).setScale(1, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(1);
        String clip = "stars-" + index;
        out.append("<div class=\"rating\" aria-label=\"")
                .append(stars.toPlainString())
                .append(" out of 5 stars, ")
                .append(reviews(l.reviewCount()))
                .append("\"><svg class=\"stars\" viewBox=\"0 0 80 16\" aria-hidden=\"true\"><defs><clipPath id=\"")
                .append(clip)
                .append("\"><rect width=\"")
                .append(stars.multiply(BigDecimal.valueOf(16))
                        .stripTrailingZeros()
                        .toPlainString())
                .append("\" height=\"16\"/></clipPath></defs><g fill=\"#d0d7de\">");
        starRow(out);
        out.append("</g><g fill=\"#f5a623\" clip-path=\"url(#").append(clip).append(")\">");
        starRow(out);
        out.append("</g></svg><span class=\"score\">")
                .append(stars.toPlainString())
                .append("</span><span class=\"reviews\">(")
                .append(reviews(l.reviewCount()))
                .append(")</span></div>\n");
    }

    private static void starRow(StringBuilder out) {
        for (int i = 0; i < 5; i++) {
            out.append("<use href=\"#star\" x=\"").append(16 * i).append("\"/>");
        }
    }

    private static String reviews(int count) {
        return count + (count == 1 ? " review" : " reviews");
    }

    /** The badge a tag shows. */
    static String badge(String tag) {
        if (tag.equals("sponsored")) {
            return "Sponsored";
        }
        if (tag.equals("overall-pick")) {
            return "Overall Pick";
        }
        if (tag.startsWith("scarcity:")) {
            return "Only " + tag.substring("scarcity:".length()) + " left";
        }
        return tag;
    }

    private static String badgeClass(String tag) {
        if (tag.equals("sponsored") || tag.equals("overall-pick")) {
            return tag;
        }
        return tag.startsWith("scarcity:") ? "scarcity" : "other";
    }

    /** {@code $x.yz} for an amount in cents. */
    static String money(long cents) {
        return (cents < 0 ? "-$" : "$") + BigDecimal.valueOf(Math.abs(cents), 2).toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
