package org.mercato.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.SearchResults;

class StorefrontHtmlTest {
    private static final Pattern TILE = Pattern.compile("<article class=\"tile\" data-service=\"([^\"]*)\"");

    @Test
    void sameDataGivesByteIdenticalHtml() {
        StorefrontPage first = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN);
        StorefrontPage second = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN);

        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(second.sha256()).isEqualTo(first.sha256()).matches("[0-9a-f]{64}");
        assertThat(first.sha256()).isEqualTo(StorefrontPage.of(first.html()).sha256());
        assertThat(first.html())
                .doesNotContain("\r")
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("http:")
                .doesNotContain("https:")
                .doesNotContain("<form")
                .contains("src:url(\"/storefront/fonts/DejaVuSans.ttf\")")
                .contains("grid-template-columns:repeat(4,minmax(0,1fr))");
        assertThat(first.sha256()).isEqualTo(PINNED_GRID);
    }

    @Test
    void theStyleAndEveryShownValueChangeTheHash() {
        String clean =
                StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN).sha256();
        String dense =
                StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.DENSE).sha256();
        SearchResults original = Pages.grid2x4();
        List<ListingView> listings = new ArrayList<>(original.listings());
        ListingView first = listings.get(0);
        listings.set(
                0,
                Pages.listing(
                        1, "svc-1", first.name(), first.rating(), first.reviewCount() + 1, 8900, 1, 1, first.tags()));
        String oneMoreReview = StorefrontHtml.render(
                        new SearchResults(original.query(), 0, 3, listings), StorefrontStyle.CLEAN)
                .sha256();

        assertThat(Set.of(clean, dense, oneMoreReview)).hasSize(3);
    }

    @Test
    void aTileShowsNameIdPricesStarsReviewsBadgesAndTheControl() {
        String html =
                StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN).html();
        String sixth = tile(html, "svc-6");

        assertThat(sixth)
                .contains("data-rank=\"6\" data-row=\"2\" data-column=\"2\" data-tags=\"scarcity:1 sponsored\"")
                .contains("<h2 class=\"name\">The Quiet Room</h2>")
                .contains("<div class=\"id\">id: svc-6</div>")
                .contains("<span class=\"item\">room</span><span class=\"price\">$146.50</span>")
                .contains("<span class=\"score\">4.4</span><span class=\"reviews\">(195 reviews)</span>")
                .contains("<rect width=\"70.4\" height=\"16\"/>")
                .contains(">Only 1 left</span>")
                .contains(">Sponsored</span>")
                .contains("<span class=\"button\">Ask for a proposal</span>");
        assertThat(tile(html, "svc-5")).contains("price on request").doesNotContain("class=\"price\"");
        assertThat(tile(html, "svc-3")).contains(">Overall Pick</span>");
        assertThat(tile(html, "svc-4")).contains(">Only 3 left</span>");
        assertThat(tile(html, "svc-7")).contains("<span class=\"badge other\">eco-certified</span>");
    }

    @Test
    void controlsTurnTheSearchBoxAndEachTileIntoForms() {
        StorefrontHtml.Controls controls = new StorefrontHtml.Controls("/shop/a-1/7?x=1&y=2", "/shop/a-1/7");
        String html = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN, controls)
                .html();

        assertThat(html)
                .contains("<form class=\"search\" method=\"post\" action=\"/shop/a-1/7\">"
                        + "<input type=\"hidden\" name=\"action\" value=\"search\">"
                        + "<input type=\"search\" name=\"query\" value=\"hotel in lisbon\"");
        assertThat(tile(html, "svc-2"))
                .contains("<form class=\"ask\" method=\"post\" action=\"/shop/a-1/7?x=1&amp;y=2\">"
                        + "<input type=\"hidden\" name=\"action\" value=\"ask\">"
                        + "<input type=\"hidden\" name=\"service\" value=\"svc-2\">"
                        + "<button type=\"submit\">Ask for a proposal</button></form>");
        assertThat(StorefrontHtml.Controls.NONE.shown()).isFalse();
    }

    @Test
    void hostileTextIsEscapedEverywhere() {
        String evil = "<img src=x onerror=alert(1)>\"'&";
        ListingView listing = new ListingView(
                1,
                "svc\"><script>",
                evil,
                evil,
                4.5,
                3,
                new java.util.TreeSet<>(Set.of(evil)),
                new java.util.TreeMap<>(java.util.Map.of(evil, 100L)),
                1,
                1,
                new java.util.TreeSet<>(Set.of(evil, "scarcity:<b>")));
        SearchResults page = new SearchResults(evil, 0, 1, List.of(listing));
        String html = StorefrontHtml.render(page, StorefrontStyle.CLEAN, new StorefrontHtml.Controls(evil, evil))
                .html();

        assertThat(html)
                .doesNotContain("<img")
                .doesNotContain("<script")
                .doesNotContain("<b>")
                .doesNotContain("\"'&")
                .contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;")
                .contains("data-service=\"svc&quot;&gt;&lt;script&gt;\"")
                .contains(">Only &lt;b&gt; left</span>");
        assertThat(TILE.matcher(html).results().count()).isEqualTo(1);
    }

    @Test
    void tilesFollowReadingOrderAndAListHasOneColumn() {
        SearchResults grid = Pages.grid2x4();
        List<ListingView> shuffled = new ArrayList<>(grid.listings());
        java.util.Collections.reverse(shuffled);
        String html = StorefrontHtml.render(new SearchResults("q", 0, 1, shuffled), StorefrontStyle.CLEAN)
                .html();
        assertThat(services(html))
                .containsExactly("svc-1", "svc-2", "svc-3", "svc-4", "svc-5", "svc-6", "svc-7", "svc-8");

        List<ListingView> list = List.of(
                Pages.listing(1, "a", "A", 4, 1, 100, 1, 1, Set.of()),
                Pages.listing(2, "b", "B", 4, 1, 100, 2, 1, Set.of()));
        assertThat(StorefrontHtml.render(new SearchResults("q", 0, 1, list), StorefrontStyle.CLEAN)
                        .html())
                .contains("grid-template-columns:repeat(1,minmax(0,1fr))");
        assertThat(StorefrontHtml.render(new SearchResults("q", 0, 0, List.of()), StorefrontStyle.CLEAN)
                        .html())
                .contains("<p class=\"empty\">No results.</p>")
                .contains("Page 1 of 1");
    }

    @Test
    void badgesMoneyAndInitials() {
        assertThat(StorefrontHtml.badge("sponsored")).isEqualTo("Sponsored");
        assertThat(StorefrontHtml.badge("overall-pick")).isEqualTo("Overall Pick");
        assertThat(StorefrontHtml.badge("scarcity:12")).isEqualTo("Only 12 left");
        assertThat(StorefrontHtml.badge("new")).isEqualTo("new");
        assertThat(StorefrontHtml.money(5)).isEqualTo("$0.05");
        assertThat(StorefrontHtml.money(123456)).isEqualTo("$1234.56");
        assertThat(ProductImage.initials("grand plaza hotel")).isEqualTo("GP");
        assertThat(ProductImage.initials("  ---  ")).isEqualTo("?");
        assertThat(ProductImage.initials("élan 9 rooms")).isEqualTo("É9");
    }

    @Test
    void theImageDependsOnTheNameNotOnTheJvm() {
        String svg = ProductImage.svg("Harbor View Inn", "room");
        assertThat(svg).isEqualTo(ProductImage.svg("Harbor View Inn", "room"));
        assertThat(svg).isNotEqualTo(ProductImage.svg("Harbor View Inn", "suite"));
        // pinned: the colour comes from SHA-256, so any JVM draws the same picture
        assertThat(StorefrontPage.of(svg).sha256()).isEqualTo(PINNED_IMAGE);
    }

    private static final String PINNED_IMAGE = "f8beea64f08f6d5ee098232e2bd3a2da936935af6c78d27b55ee9d5f34f7ebcf";

    /** Changes whenever the page's look changes, and with it every screenshot and model-call cache key. */
    private static final String PINNED_GRID = "e3508b2a44cc12c070ba85a2d2401cc9d203dbee33ccfb8f71c6a397cab52ef7";

    @Test
    void badStyleAndControlsAreRefused() {
        assertThatThrownBy(() -> StorefrontStyle.of("fancy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("storefront style must be one of [clean, dense], was 'fancy'");
        assertThat(StorefrontStyle.of(" dense ")).isEqualTo(StorefrontStyle.DENSE);
    }

    static String tile(String html, String service) {
        int start = html.indexOf("data-service=\"" + service + "\"");
        assertThat(start).as("tile of " + service).isPositive();
        return html.substring(start, html.indexOf("</article>", start));
    }

    static List<String> services(String html) {
        List<String> services = new ArrayList<>();
        Matcher m = TILE.matcher(html);
        while (m.find()) {
            services.add(m.group(1));
        }
        return services;
    }
}
