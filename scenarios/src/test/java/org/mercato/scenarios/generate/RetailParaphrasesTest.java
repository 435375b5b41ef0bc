package org.mercato.scenarios.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.market.search.LexicalSearch;

/** Paraphrase requests: no word of their category as the lexical index analyses it, same customers otherwise. */
class RetailParaphrasesTest {
    /** A lexical index whose only words are the category's name: what it finds of a text is that text's category terms. */
    private static LexicalSearch categoryWords(String category) {
        return new LexicalSearch(List.of(new Service(
                "only", category, "", new TreeMap<>(Map.of(category, 100L)), new TreeSet<>(), 4.0, 1, null, 0, null)));
    }

    @Test
    void everyCategoryHasSeveralParaphrasesWithoutAnAnalysedTermOfItsName() {
        for (int c = 0; c < RetailGenerator.CATEGORIES.length; c++) {
            String category = RetailGenerator.CATEGORIES[c];
            LexicalSearch words = categoryWords(category);
            assertThat(words.terms(category).terms()).as(category).isNotEmpty();
            assertThat(RetailParaphrases.of(c))
                    .as(category)
                    .hasSizeBetween(2, 4)
                    .doesNotHaveDuplicates();
            for (String paraphrase : RetailParaphrases.of(c)) {
                assertThat(words.terms(paraphrase).terms())
                        .as("terms of '%s' in '%s'", category, paraphrase)
                        .isEmpty();
            }
        }
    }

    @Test
    void aParaphraseMarketHasTheLiteralMarketsCustomersButForTheirRequests() {
        Catalog literal = Generators.forDomain("retail", 9, "literal").generate(300, 200, 1);
        Catalog paraphrase = Generators.forDomain("retail", 9, "paraphrase").generate(300, 200, 1);

        assertThat(Generators.forDomain("retail", 9).generate(300, 200, 1)).isEqualTo(literal);
        assertThat(paraphrase.services()).isEqualTo(literal.services());
        TreeSet<String> requests = new TreeSet<>();
        Map<String, LexicalSearch> wordsByCategory = new TreeMap<>();
        for (int i = 0; i < literal.customers().size(); i++) {
            Customer was = literal.customers().get(i);
            Customer now = paraphrase.customers().get(i);
            assertThat(new Customer(
                            now.id(),
                            now.name(),
                            was.request(),
                            now.items(),
                            now.referencePrices(),
                            now.requiredAmenities(),
                            now.budget(),
                            now.timeCostPerHour(),
                            now.persona()))
                    .isEqualTo(was);
            String category = now.items().firstKey();
            assertThat(wordsByCategory
                            .computeIfAbsent(category, RetailParaphrasesTest::categoryWords)
                            .terms(now.request())
                            .terms())
                    .as(now.request())
                    .isEmpty();
            assertThat(now.request().endsWith(", with free shipping"))
                    .isEqualTo(!now.requiredAmenities().isEmpty());
            requests.add(now.request());
        }
        assertThat(requests).as("several paraphrases are drawn").hasSizeGreaterThan(40);
    }

    @Test
    void paraphrasesAreForRetailOnly() {
        assertThatThrownBy(() -> Generators.forDomain("restaurants", 1, "paraphrase"))
                .hasMessage("requests paraphrase is written for domain retail only, not restaurants");
        assertThatThrownBy(() -> Generators.forDomain("retail", 1, "prose"))
                .hasMessage("requests must be one of literal, paraphrase, was 'prose'");
    }
}
