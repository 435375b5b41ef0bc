package org.mercato.metrics.bias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChoiceLogitFoldTest {
    /** Customers c0..c(n-1), each shown one list page of a then b, paying a or b. */
    private static BiasEvents listPages(int payFirst, int paySecond) {
        BiasEvents events = new BiasEvents();
        for (int i = 0; i < payFirst + paySecond; i++) {
            String customer = "c" + i;
            events.shown(customer, "a", 1, 1, 1).shown(customer, "b", 2, 2, 1);
        }
        for (int i = 0; i < payFirst + paySecond; i++) {
            String customer = "c" + i;
            String service = i < payFirst ? "a" : "b";
            events.pay("p" + i, customer, service, 900);
        }
        return events;
    }

    @Test
    void rankTwoCoefficientIsTheLogOddsOfTheSecondSlot() {
        // pages differ only by rank (same rating, reviews, no tags, prices hidden): the MLE of the
        // rank-2 dummy is log(10 / 30) and its standard error 1 / sqrt(40 * 0.25 * 0.75)
        var result = listPages(30, 10).into(new ChoiceLogitFold()).result();

        assertThat(result.choiceSets()).isEqualTo(40);
        assertThat(result.reason()).isNull();
        assertThat(result.fit().coefficients()).hasSize(1);
        var rank2 = result.fit().coefficients().get(0);
        assertThat(rank2.name()).isEqualTo("rank2");
        assertThat(rank2.coef()).isEqualTo(Rounding.six(Math.log(10.0 / 30.0)));
        assertThat(rank2.se()).isEqualTo(Rounding.six(1 / Math.sqrt(7.5)));
        assertThat(result.fit().customers()).isEqualTo(40);
        assertThat(result.fit().converged()).isTrue();
    }

    @Test
    void tooFewSetsGiveAReason() {
        var result = listPages(20, 9).into(new ChoiceLogitFold()).result();

        assertThat(result.choiceSets()).isEqualTo(29);
        assertThat(result.fit()).isNull();
        assertThat(result.reason()).isEqualTo("fewer than 30 choice sets");
    }

    @Test
    void aTagThatAlwaysSitsInTheSecondRowIsLeftOutAsCollinear() {
        BiasEvents events = new BiasEvents();
        for (int i = 0; i < 40; i++) {
            String customer = "c" + i;
            events.shown(customer, "a", 1, 1, 1)
                    .shown(customer, "b", 2, 1, 2)
                    .shown(customer, "c", 3, 2, 1, "sponsored")
                    .shown(customer, "d", 4, 2, 2, "sponsored");
        }
        for (int i = 0; i < 40; i++) {
            events.pay("p" + i, "c" + i, "abcd".substring(i % 4, i % 4 + 1), 900);
        }

        var result = events.into(new ChoiceLogitFold()).result();

        assertThat(result.omitted())
                .contains("tag:sponsored (collinear with the covariates before it within choice sets)");
        assertThat(result.fit().coefficients()).extracting(c -> c.name()).containsExactly("row2", "column2");
        assertThat(result.fit().converged()).isTrue();
    }

    /** 60 customers, products a, b, c (ratings 3, 4, 5) in every order, each product chosen in every place. */
    private static BiasEvents rotatedProducts() {
        String[][] orders = {
            {"a", "b", "c"}, {"a", "c", "b"}, {"b", "a", "c"}, {"b", "c", "a"}, {"c", "a", "b"}, {"c", "b", "a"}
        };
        BiasEvents events = new BiasEvents();
        for (int i = 0; i < 60; i++) {
            String[] order = orders[i % 6];
            for (int place = 0; place < 3; place++) {
                String product = order[place];
                events.shownRated("c" + i, product, place + 1, 3.0 + (product.charAt(0) - 'a'));
            }
        }
        for (int i = 0; i < 60; i++) {
            // places 1, 1, 2, 1, 2, 3, ... so every product is chosen in every place
            int place = (i / 6) % 3 == 0 ? 0 : (i / 6) % 3 == 1 ? (i % 2) : (i % 3);
            events.pay("p" + i, "c" + i, orders[i % 6][place], 900);
        }
        return events;
    }

    @Test
    void theScenarioChoosesTheCovariates() {
        var result = rotatedProducts()
                .into(new ChoiceLogitFold(new LogitSpec(java.util.List.of("rank"), false, true)))
                .result();

        assertThat(result.fit().coefficients()).extracting(c -> c.name()).containsExactly("rank2", "rank3");
        assertThat(result.omitted()).isEmpty();
    }

    @Test
    void productEffectsTakeOverWhatIsConstantPerProduct() {
        var result = rotatedProducts()
                .into(new ChoiceLogitFold(new LogitSpec(java.util.List.of("rank", "rating"), true, true)))
                .result();

        assertThat(result.fit().coefficients())
                .extracting(c -> c.name())
                .containsExactly("product:b", "product:c", "rank2", "rank3");
        assertThat(result.omitted())
                .containsExactly("rating (collinear with the covariates before it within choice sets)");
        assertThat(result.fit().converged()).isTrue();
    }

    @Test
    void withoutClusteringTheStandardErrorsComeFromTheInformationMatrix() {
        // every customer sees the same page twice and makes the same choice on both: the two sets
        // of a customer are one observation, which only the clustered errors know
        BiasEvents events = new BiasEvents();
        for (int i = 0; i < 40; i++) {
            for (long search = 0; search < 2; search++) {
                events.shownRated("c" + i, search, "a", 1, 4).shownRated("c" + i, search, "b", 2, 4);
            }
        }
        for (int i = 0; i < 40; i++) {
            events.pay("p" + i, "c" + i, i < 30 ? "a" : "b", 900);
        }
        var clustered = events.into(new ChoiceLogitFold(new LogitSpec(java.util.List.of("rank"), false, true)))
                .result();
        var model = events.into(new ChoiceLogitFold(new LogitSpec(java.util.List.of("rank"), false, false)))
                .result();

        assertThat(model.choiceSets()).isEqualTo(80);
        assertThat(model.fit().coefficients().get(0).coef())
                .isEqualTo(clustered.fit().coefficients().get(0).coef());
        assertThat(model.fit().coefficients().get(0).se()).isEqualTo(Rounding.six(1 / Math.sqrt(80 * 0.25 * 0.75)));
        assertThat(clustered.fit().coefficients().get(0).se())
                .isGreaterThan(1.3 * model.fit().coefficients().get(0).se());
        assertThat(model.fit().customers()).isNull();
        assertThat(clustered.fit().customers()).isEqualTo(40);
    }

    @Test
    void anUnknownCovariateIsRefusedWithTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new LogitSpec(java.util.List.of("rank", "colour"), false, true))
                .hasMessageContaining("unknown 'colour'")
                .hasMessageContaining("logPrice");
    }

    @Test
    void aDummyThatIsNeverChosenIsLeftOut() {
        // two list pages per customer? no: one page of three, the third never chosen
        BiasEvents events = new BiasEvents();
        for (int i = 0; i < 40; i++) {
            events.shown("c" + i, "a", 1, 1, 1).shown("c" + i, "b", 2, 2, 1).shown("c" + i, "z", 3, 3, 1);
        }
        for (int i = 0; i < 40; i++) {
            events.pay("p" + i, "c" + i, i < 30 ? "a" : "b", 900);
        }

        var result = events.into(new ChoiceLogitFold()).result();

        assertThat(result.omitted())
                .containsExactly(
                        "rank3 (never chosen)",
                        "rating (constant within every set)",
                        "logReviews (constant within every set)");
        assertThat(result.fit().coefficients()).extracting(c -> c.name()).containsExactly("rank2");
    }

    @Test
    void aRunWhoseChoicesAreSeparatedReportsTheFitAsNotConvergedWithTheCause() {
        // every customer pays the better-rated of two listings, which is first half the time: the
        // rating separates the choices, so its coefficient runs off to infinity
        BiasEvents events = new BiasEvents();
        for (int i = 0; i < 40; i++) {
            double better = 4 + (i % 7) / 10.0;
            boolean betterFirst = i % 2 == 0;
            events.shownRated("c" + i, "a", 1, betterFirst ? better : better - 1)
                    .shownRated("c" + i, "b", 2, betterFirst ? better - 1 : better);
        }
        for (int i = 0; i < 40; i++) {
            events.pay("p" + i, "c" + i, i % 2 == 0 ? "a" : "b", 900);
        }

        var result = events.into(new ChoiceLogitFold(new LogitSpec(java.util.List.of("rank", "rating"), false, true)))
                .result();

        assertThat(result.fit()).isNotNull();
        assertThat(result.fit().converged()).isFalse();
        assertThat(result.fit().status()).isEqualTo("separated");
        assertThat(result.fit().causedBy()).containsExactly("rating");
        assertThat(result.reason()).startsWith("complete separation").contains("+rating");
        assertThat(result.fit().coefficients()).allSatisfy(c -> {
            assertThat(c.se()).isNull();
            assertThat(c.p()).isNull();
        });
    }

    @Test
    void aConvergedFitHasNoStatusInTheSummary() throws Exception {
        var result = listPages(30, 10).into(new ChoiceLogitFold()).result();

        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(result);

        assertThat(json).doesNotContain("status").doesNotContain("causedBy").contains("\"converged\":true");
    }
}
