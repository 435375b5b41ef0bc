package org.mercato.metrics.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Draws choices from known coefficients and checks the estimator gets them back. */
class ConditionalLogitRecoveryTest {
    /** ACES-like magnitudes: top-row premium, column effects, log-price slope, sponsored penalty, pick premium. */
    static final List<String> NAMES =
            List.of("row1", "col1", "log_price", "rating", "log_reviews", "sponsored", "overall_pick", "scarcity");

    static final double[] TRUE = {0.6, 0.3, -1.6, 1.0, 0.3, -0.15, 1.0, -0.05};

    /** 2 x 4 grid pages of 8 listings, as ACES randomizes them. */
    static List<ChoiceSet> simulate(int sets, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ChoiceSet> out = new ArrayList<>(sets);
        for (int s = 0; s < sets; s++) {
            double[][] x = new double[8][];
            int sponsored = random.nextInt(2) == 0 ? -1 : random.nextInt(8);
            int pick = random.nextInt(2) == 0 ? -1 : random.nextInt(8);
            int scarce = random.nextInt(2) == 0 ? -1 : random.nextInt(8);
            for (int j = 0; j < 8; j++) {
                double logPrice = Math.log(20) + 0.3 * random.nextGaussian();
                double rating = 3 + 2 * random.nextDouble();
                double logReviews = Math.log(1 + Math.exp(4 + random.nextGaussian()));
                x[j] = new double[] {
                    j < 4 ? 1 : 0,
                    j % 4 == 0 ? 1 : 0,
                    logPrice,
                    rating,
                    logReviews,
                    j == sponsored ? 1 : 0,
                    j == pick && j != sponsored ? 1 : 0,
                    j == scarce ? 1 : 0
                };
            }
            double[] p = ConditionalLogit.probabilities(x, TRUE);
            double u = random.nextDouble();
            int chosen = 0;
            for (double cumulative = p[0]; cumulative < u && chosen < 7; cumulative += p[++chosen]) {}
            out.add(new ChoiceSet("s" + s, "c" + (s / 5), x, chosen));
        }
        return out;
    }

    @Test
    void recoversEveryPlantedCoefficientWithinTwoStandardErrors() {
        LogitFit fit = new ConditionalLogit().fit(NAMES, simulate(6_000, 20261125L), true);
        assertThat(fit.converged()).isTrue();
        for (int i = 0; i < NAMES.size(); i++) {
            LogitFit.Coefficient c = fit.coefficient(NAMES.get(i));
            assertThat(Math.abs(c.coef() - TRUE[i]))
                    .as("%s: %.3f vs %.3f (se %.3f)", c.name(), c.coef(), TRUE[i], c.se())
                    .isLessThan(2 * c.se());
        }
        assertThat(fit.pseudoR2()).isBetween(0.0, 1.0);
    }

    @Test
    void intervalsCoverTheTruthAtRoughlyTheNominalRate() {
        int covered = 0;
        int total = 0;
        for (long seed = 1; seed <= 40; seed++) {
            LogitFit fit = new ConditionalLogit().fit(NAMES, simulate(800, seed), false);
            for (int i = 0; i < NAMES.size(); i++) {
                LogitFit.Coefficient c = fit.coefficient(NAMES.get(i));
                total++;
                if (Math.abs(c.coef() - TRUE[i]) < 1.96 * c.se()) {
                    covered++;
                }
            }
        }
        // 320 intervals at 95%: the count is Binomial(320, 0.95), mean 304, sd 3.9
        assertThat(covered).isBetween(290, 318);
    }

    @Test
    void zAndPFollowFromTheEstimate() {
        LogitFit fit = new ConditionalLogit().fit(NAMES, simulate(2_000, 9), false);
        LogitFit.Coefficient price = fit.coefficient("log_price");
        assertThat(price.z()).isCloseTo(price.coef() / price.se(), within(1e-12));
        assertThat(price.p()).isLessThan(1e-6);
        assertThat(Normal.twoSidedP(1.959964)).isCloseTo(0.05, within(1e-6));
        assertThat(Normal.twoSidedP(0)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aCovariateConstantWithinEverySetIsReportedNotFitted() {
        List<ChoiceSet> sets = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            sets.add(new ChoiceSet("s" + s, null, new double[][] {{1, s}, {0, s}}, s % 2));
        }
        LogitFit fit = new ConditionalLogit().fit(List.of("a", "constant"), sets, false);
        assertThat(fit.converged()).isFalse();
        assertThat(fit.status()).isEqualTo(LogitFit.Status.SINGULAR);
        assertThat(fit.reason()).contains("singular").contains("constant is constant within every choice set");
    }

    @Test
    void badCsvInputIsReportedWithFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "set,chosen,price\n1,1,2.0\n1,0,x\n");
        assertThatThrownBy(() -> LongFormatChoices.read(csv, "set", "chosen", null, null))
                .hasMessageContaining("c.csv:3")
                .hasMessageContaining("price");
        Files.writeString(csv, "set,chosen,price\n1,1,2.0\n1,1,3.0\n");
        assertThatThrownBy(() -> LongFormatChoices.read(csv, "set", "chosen", null, null))
                .hasMessageContaining("more than one chosen");
        assertThatThrownBy(() -> LongFormatChoices.read(csv, "set", "picked", null, null))
                .hasMessageContaining("--chosen")
                .hasMessageContaining("picked");
    }
}
