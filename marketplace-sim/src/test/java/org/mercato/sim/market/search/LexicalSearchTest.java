package org.mercato.sim.market.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mercato.sim.market.search.Listings.ids;
import static org.mercato.sim.market.search.Listings.service;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;

class LexicalSearchTest {
    private static final List<Service> KITCHENS = List.of(
            // the carrying business: its description shares no word with the query
            service("s-ceviche", "Casa Marina", "Fresh seafood by the sea", Map.of("Shrimp Ceviche", 1400L)),
            // descriptions that share the query's words, menus that do not carry the dish
            service(
                    "s-talk",
                    "Shrimp Shack",
                    "Shrimp lovers come for our shrimp tacos; ceviche fans too",
                    Map.of("Fish Tacos", 900L)),
            service("s-grill", "Grill House", "Grilled shrimp and shrimp skewers", Map.of("Steak Fajitas", 1600L)),
            service("s-sweet", "Dulce", "Desserts", Map.of("Flan", 500L, "Churros", 450L)));

    private final LexicalSearch lexical = new LexicalSearch(KITCHENS);

    private List<String> rank(String query) {
        return ids(lexical.rank(new Search(query), null));
    }

    @Test
    void anExactItemNameRanksTheBusinessThatCarriesItFirst() {
        List<String> ranked = rank("Shrimp Ceviche");
        assertThat(ranked).first().isEqualTo("s-ceviche");
        assertThat(ranked).contains("s-talk", "s-grill").doesNotContain("s-sweet");
    }

    @Test
    void stemmingAndFoldingMatchPluralsAndAccents() {
        LexicalSearch search = new LexicalSearch(List.of(
                service("a", "A", "", Map.of("Jalapeño Poppers", 700L)),
                service("b", "B", "", Map.of("Café de Olla", 300L)),
                service("c", "C", "", Map.of("Fish Tacos", 900L))));
        assertThat(ids(search.rank(new Search("jalapeno popper"), null))).containsExactly("a");
        assertThat(ids(search.rank(new Search("cafe"), null))).containsExactly("b");
        assertThat(ids(search.rank(new Search("taco"), null))).containsExactly("c");
    }

    @Test
    void equalScoresBreakByIdNotByIndexOrder() {
        // listed in reverse id order, so the index's own document order would give z, m, a
        LexicalSearch search = new LexicalSearch(List.of(
                service("z", "Taqueria", "Tacos", Map.of("Fish Tacos", 900L)),
                service("m", "Taqueria", "Tacos", Map.of("Fish Tacos", 900L)),
                service("a", "Taqueria", "Tacos", Map.of("Fish Tacos", 900L)),
                service("b", "Other", "Soups", Map.of("Menudo", 900L))));
        assertThat(ids(search.rank(new Search("fish tacos"), null))).containsExactly("a", "m", "z");
    }

    @Test
    void aBlankQueryBrowsesEveryServiceById() {
        assertThat(rank("")).containsExactly("s-ceviche", "s-grill", "s-sweet", "s-talk");
        assertThat(rank("  the and of  ")).containsExactly("s-ceviche", "s-grill", "s-sweet", "s-talk");
        assertThat(rank("?!...")).containsExactly("s-ceviche", "s-grill", "s-sweet", "s-talk");
    }

    @Test
    void wordsTheIndexDoesNotKnowMatchNothing() {
        assertThat(rank("pizza margherita")).isEmpty();
        assertThat(rank("pizza flan")).containsExactly("s-sweet");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"shrimp",
                "shrimp\" AND (ceviche OR",
                "title:flan^2 ~ * ? [a TO z] {x} \\ / - + && || !",
                "ceviche\u0000\u0007",
                "\uD83C\uDF2E taco emoji \uD83C\uDF2E",
                "\uD800 lone surrogate \uDC00",
                "крем-брюле 焦糖布丁 فلان",
                "NOT",
                "*",
                "\"\"",
            })
    void userTextNeverThrows(String query) {
        assertThatCode(() -> rank(query)).doesNotThrowAnyException();
    }

    @Test
    void queryOperatorsAreWordsNotSyntax() {
        assertThat(rank("\"Shrimp Ceviche\" NOT shrimp")).first().isEqualTo("s-ceviche");
        assertThat(rank("flan^10 OR churros*")).containsExactly("s-sweet");
    }

    @Test
    void aQueryWithMoreTermsThanLuceneAllowsClausesStillRanks() {
        StringBuilder huge = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            huge.append("word").append(i).append(' ');
        }
        huge.append("ceviche");
        assertThat(rank(huge.toString())).first().isEqualTo("s-ceviche");
        StringBuilder vocabulary = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            vocabulary.append("shrimp ceviche fish tacos flan churros seafood grill ");
        }
        assertThatCode(() -> rank(vocabulary.toString())).doesNotThrowAnyException();
    }

    @Test
    void theKeyIsTheSortedDistinctKnownTerms() {
        QueryTerms terms = lexical.terms("Churros, FLAN and churros and pizza");
        assertThat(terms.terms()).containsExactly("churro", "flan");
        assertThat(terms.blank()).isFalse();
        assertThat(lexical.terms("flan churros")).isEqualTo(terms);
        assertThat(lexical.terms("the").blank()).isTrue();
        assertThat(lexical.terms("pizza").blank()).isFalse();
    }

    @Test
    void anEmptyMarketHasNoResults() {
        LexicalSearch empty = new LexicalSearch(List.of());
        assertThat(empty.rank(new Search("tacos"), null)).isEmpty();
        assertThat(empty.rank(new Search(""), null)).isEmpty();
    }
}
