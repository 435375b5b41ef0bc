package org.mercato.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.SearchResults;

class StorefrontHtmlProperties {
    @Property(tries = 200)
    void oneTilePerListingInTheListingsOrder(@ForAll("pages") SearchResults page, @ForAll boolean dense) {
        StorefrontStyle style = dense ? StorefrontStyle.DENSE : StorefrontStyle.CLEAN;
        StorefrontPage rendered = StorefrontHtml.render(page, style);

        List<String> expected = new ArrayList<>();
        page.listings().forEach(l -> expected.add(Html.escape(l.service())));
        assertThat(StorefrontHtmlTest.services(rendered.html())).isEqualTo(expected);
        assertThat(StorefrontHtml.render(page, style).bytes()).isEqualTo(rendered.bytes());
        assertThat(rendered.html()).doesNotContain("\r").doesNotContain("<script");
    }

    @Provide
    Arbitrary<SearchResults> pages() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(30);
        Arbitrary<Set<String>> tags = Arbitraries.of("sponsored", "overall-pick", "scarcity:2", "<b>x</b>", "new")
                .set()
                .ofMaxSize(3);
        return Combinators.combine(
                        text,
                        Arbitraries.integers().between(1, 5),
                        Combinators.combine(
                                        text,
                                        Arbitraries.doubles().between(0, 5),
                                        Arbitraries.integers().between(0, 100_000),
                                        Arbitraries.longs().between(-1, 1_000_000),
                                        tags)
                                .as((name, rating, reviews, cents, tagSet) ->
                                        new Object[] {name, rating, reviews, cents, tagSet})
                                .list()
                                .ofMaxSize(12))
                .as((query, columns, cells) -> {
                    List<ListingView> listings = new ArrayList<>();
                    for (int i = 0; i < cells.size(); i++) {
                        Object[] c = cells.get(i);
                        @SuppressWarnings("unchecked")
                        Set<String> tagSet = (Set<String>) c[4];
                        listings.add(Pages.listing(
                                i + 1,
                                "s" + i + (String) c[0],
                                (String) c[0],
                                (double) c[1],
                                (int) c[2],
                                (long) c[3],
                                i / columns + 1,
                                i % columns + 1,
                                tagSet));
                    }
                    return new SearchResults(query, 0, 1, listings);
                });
    }
}
