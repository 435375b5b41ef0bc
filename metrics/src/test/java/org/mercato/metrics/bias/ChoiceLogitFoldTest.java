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
    void aTagThatAlwaysSitsInTheSecondRowIsNotEstimable() {
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

        assertThat(result.fit()).isNull();
        assertThat(result.reason())
                .isEqualTo("not estimable: the information matrix is singular (tag:sponsored is collinear with the"
                        + " covariates before it within choice sets)");
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
}
