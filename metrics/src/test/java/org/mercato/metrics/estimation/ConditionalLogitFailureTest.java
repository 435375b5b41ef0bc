package org.mercato.metrics.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Data without a finite, unique estimate: the fit says so, names the covariates, and prints no nonsense. */
class ConditionalLogitFailureTest {
    /** Three alternatives a set; the chosen one has the highest quality, price is noise. */
    static List<ChoiceSet> completelySeparated() {
        SplittableRandom random = new SplittableRandom(7);
        List<ChoiceSet> sets = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            double[][] x = new double[3][];
            int best = 0;
            for (int j = 0; j < 3; j++) {
                x[j] = new double[] {random.nextDouble() * 10, random.nextDouble() * 5};
                if (x[j][1] > x[best][1]) {
                    best = j;
                }
            }
            sets.add(new ChoiceSet("s" + s, null, x, best));
        }
        return sets;
    }

    /**
     * Two alternatives; in a third of the sets only the chosen one is sponsored, in the rest
     * neither is and price decides with logit noise: sponsored never loses, price overlaps.
     */
    static List<ChoiceSet> quasiSeparated() {
        SplittableRandom random = new SplittableRandom(11);
        List<ChoiceSet> sets = new ArrayList<>();
        for (int s = 0; s < 90; s++) {
            double a = random.nextDouble() * 2;
            double b = random.nextDouble() * 2;
            double[][] x;
            int chosen;
            if (s % 3 == 0) {
                x = new double[][] {{a, 1}, {b, 0}};
                chosen = 0;
            } else {
                x = new double[][] {{a, 0}, {b, 0}};
                chosen = random.nextDouble() < 1 / (1 + Math.exp(-(b - a))) ? 0 : 1;
            }
            sets.add(new ChoiceSet("s" + s, "c" + (s % 10), x, chosen));
        }
        return sets;
    }

    @Test
    void completeSeparationIsNotConvergedAndNamesTheCovariate() throws Exception {
        LogitFit fit = new ConditionalLogit().fit(List.of("price", "quality"), completelySeparated(), false);

        assertThat(fit.converged()).isFalse();
        assertThat(fit.status()).isEqualTo(LogitFit.Status.SEPARATED);
        assertThat(fit.causedBy()).containsExactly("quality");
        assertThat(fit.reason())
                .startsWith("complete separation")
                .contains("+quality")
                .contains("60");
        assertThat(fit.covariates()).allSatisfy(c -> assertThat(c.se()).isNull());
        assertThat(fit.covariates()).allSatisfy(c -> assertThat(c.p()).isNull());
        String json = new ObjectMapper().writeValueAsString(fit);
        assertThat(json)
                .contains("\"converged\":false")
                .contains("\"status\":\"separated\"")
                .contains("\"causedBy\":[\"quality\"]")
                .doesNotContain("NaN")
                .doesNotContain("Infinity");
    }

    @Test
    void quasiCompleteSeparationIsNotConvergedAndNamesTheCovariate() {
        List<ChoiceSet> sets = quasiSeparated();

        LogitFit fit = new ConditionalLogit().fit(List.of("price", "sponsored"), sets, true);

        assertThat(fit.converged()).isFalse();
        assertThat(fit.status()).isEqualTo(LogitFit.Status.SEPARATED);
        assertThat(fit.causedBy()).containsExactly("sponsored");
        assertThat(fit.reason())
                .startsWith("quasi-complete separation")
                .contains("+sponsored")
                .contains("any of the 90 choice sets, ahead of at least one in 30")
                .contains("fitted to the 60 comparisons it leaves tied");
        LogitFit.Coefficient sponsored = fit.coefficient("sponsored");
        assertThat(sponsored.coef()).isNull();
        assertThat(sponsored.se()).isNull();
        assertThat(sponsored.p()).isNull();
        // price keeps its limit: the fit to the sets where sponsored does not decide
        List<ChoiceSet> tied = new ArrayList<>();
        for (ChoiceSet set : sets) {
            if (set.x()[0][1] == set.x()[1][1]) {
                tied.add(new ChoiceSet(
                        set.id(), set.cluster(), new double[][] {{set.x()[0][0]}, {set.x()[1][0]}}, set.chosen()));
            }
        }
        LogitFit alone = new ConditionalLogit().fit(List.of("price"), tied, true);
        assertThat(fit.coefficient("price")).isEqualTo(alone.coefficient("price"));
        assertThat(fit.coefficient("price").p()).isBetween(0.0, 1.0);
        assertThat(fit.logLikelihood()).isEqualTo(alone.logLikelihood());
    }

    @Test
    void aSeparatingCombinationIsNamedWithItsSigns() {
        // the chosen alternative has the larger quality − price, neither alone decides
        SplittableRandom random = new SplittableRandom(5);
        List<ChoiceSet> sets = new ArrayList<>();
        for (int s = 0; s < 80; s++) {
            double[][] x = {
                {random.nextDouble(), random.nextDouble(), random.nextDouble()},
                {random.nextDouble(), random.nextDouble(), random.nextDouble()}
            };
            double u0 = x[0][1] - x[0][0];
            double u1 = x[1][1] - x[1][0];
            sets.add(new ChoiceSet("s" + s, null, x, u0 > u1 ? 0 : 1));
        }

        LogitFit fit = new ConditionalLogit().fit(List.of("price", "quality", "noise"), sets, false);

        assertThat(fit.status()).isEqualTo(LogitFit.Status.SEPARATED);
        assertThat(fit.causedBy()).containsExactly("price", "quality");
        assertThat(fit.reason()).contains("-price +quality");
    }

    @Test
    void collinearCovariatesAreNamedNotFitted() {
        SplittableRandom random = new SplittableRandom(3);
        List<ChoiceSet> sets = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            double[][] x = new double[3][];
            for (int j = 0; j < 3; j++) {
                double a = random.nextDouble();
                double b = random.nextDouble();
                x[j] = new double[] {a, random.nextDouble(), b, a + 2 * b};
            }
            sets.add(new ChoiceSet("s" + s, null, x, random.nextInt(3)));
        }

        LogitFit fit = new ConditionalLogit().fit(List.of("a", "noise", "b", "a2b"), sets, false);

        assertThat(fit.converged()).isFalse();
        assertThat(fit.status()).isEqualTo(LogitFit.Status.SINGULAR);
        assertThat(fit.causedBy()).containsExactly("a", "b", "a2b");
        assertThat(fit.reason()).contains("a2b is collinear with a, b within choice sets");
        assertThat(fit.covariates()).allSatisfy(c -> assertThat(c.se()).isNull());
    }

    @Test
    void aCovariateConstantWithinEverySetIsNamed() {
        List<ChoiceSet> sets = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            sets.add(new ChoiceSet("s" + s, null, new double[][] {{1, s / 3.0}, {0, s / 3.0}, {0.5, s / 3.0}}, s % 3));
        }

        LogitFit fit = new ConditionalLogit().fit(List.of("a", "constant"), sets, false);

        assertThat(fit.status()).isEqualTo(LogitFit.Status.SINGULAR);
        assertThat(fit.causedBy()).containsExactly("constant");
        assertThat(fit.reason()).contains("constant is constant within every choice set");
    }

    @Test
    void aCoefficientOfExactlyZeroHasAPValueOfOneNotMore() {
        // both alternatives chosen equally often: the estimate is 0, z is 0, p is exactly 1
        List<ChoiceSet> sets = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            sets.add(new ChoiceSet("s" + s, null, new double[][] {{1}, {0}}, s % 2));
        }

        LogitFit fit = new ConditionalLogit().fit(List.of("first"), sets, false);

        assertThat(fit.converged()).isTrue();
        assertThat(fit.coefficient("first").coef()).isZero();
        assertThat(fit.coefficient("first").p()).isEqualTo(1.0);
    }

    @Test
    void theNormalTailIsAccurateAndAProbability() {
        // erfc(z / √2) as glibc computes it (R's 2 * pnorm(-z) agrees)
        double[][] reference = {
            {0, 1},
            {1e-9, 0.9999999992021155},
            {0.5, 0.6170750774519738},
            {1.959963984540054, 0.05000000000000004},
            {3, 0.0026997960632601913},
            {5, 5.733031437583892e-07},
            {10, 1.5239706048321186e-23},
            {40, 0}
        };
        for (double[] row : reference) {
            double p = Normal.twoSidedP(row[0]);
            assertThat(p).as("z = %s", row[0]).isBetween(0.0, 1.0);
            assertThat(Math.abs(p - row[1])).as("z = %s", row[0]).isLessThanOrEqualTo(1e-13 * row[1] + 1e-300);
        }
        assertThat(Normal.twoSidedP(Double.POSITIVE_INFINITY)).isZero();
        assertThat(Normal.twoSidedP(Double.NaN)).isNaN();
    }
}
