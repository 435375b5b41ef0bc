package org.mercato.sim.market.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Service;

class SearchMechanismsTest {
    private static final List<Service> MARKET = List.of(Service.of("s1", Map.of("taco", 100L), Set.of(), 3, 1));

    @Test
    void everyNameBuildsAMechanismThatReportsThatName() {
        assertThat(SearchMechanisms.NAMES)
                .containsExactly("simple", "lexical", "filtered", "semantic", "hybrid", "oracle", "random");
        assertThat(SearchMechanisms.NAMES).contains(SearchMechanisms.SIMPLE);
        for (String name : SearchMechanisms.NAMES) {
            CachedSearch search = WordHashEmbedder.create(name, MARKET, 1, new MarketVersion(), 8);
            assertThat(search.mechanism()).isEqualTo(name);
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> SearchMechanisms.create("bm25", MARKET, 1, new MarketVersion(), 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown search mechanism 'bm25', expected one of"
                        + " simple, lexical, filtered, semantic, hybrid, oracle, random");
    }

    @Test
    void theSemanticMechanismsNeedAnEmbedderWhichTheOthersNeverLoad() {
        for (String name : List.of("semantic", "hybrid")) {
            assertThatThrownBy(() -> SearchMechanisms.create(name, MARKET, 1, new MarketVersion(), 8))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("search mechanism '" + name + "' needs an embedder");
        }
        for (String name : List.of("simple", "lexical", "filtered", "oracle", "random")) {
            SearchMechanisms.create(name, MARKET, 1, new MarketVersion(), 8, SemanticSettings.DEFAULTS, () -> {
                throw new AssertionError(name + " loaded the model");
            });
        }
    }
}
