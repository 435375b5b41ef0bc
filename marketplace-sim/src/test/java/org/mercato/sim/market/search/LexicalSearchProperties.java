package org.mercato.sim.market.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.sim.market.search.Listings.service;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;

/** Whatever a user types, lexical search answers with distinct services from the market. */
class LexicalSearchProperties {
    private static final List<Service> MARKET = List.of(
            service("a", "Taqueria Uno", "Tacos & more", Map.of("Fish Tacos", 900L, "Horchata", 300L)),
            service("b", "Dulce", "Desserts: flan, churros", Map.of("Flan", 500L, "Churros", 450L)),
            service("c", "Café Olla", "Coffee", Map.of("Café de Olla", 300L)));
    private static final LexicalSearch LEXICAL = new LexicalSearch(MARKET);

    @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
    void anyTextRanksWithoutThrowing(@ForAll String query) {
        List<Service> ranked = LEXICAL.rank(new Search(query), null);
        assertThat(MARKET).containsAll(ranked);
        assertThat(new HashSet<>(ranked)).hasSameSizeAs(ranked);
        assertThat(LEXICAL.rank(new Search(query), null)).isEqualTo(ranked);
    }
}
