package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.MetricsSettings;

class RunFeaturesTest {
    private static final SummaryContext LIVE = new SummaryContext(true, MetricsSettings.NO_BASELINES, false);

    /** A plugin's feature adding one block under {@code key}. */
    private record OneBlock(String key) implements RunFeature {
        @Override
        public List<SummaryPart> summaryParts(SummaryContext context) {
            return List.of(SummaryFold.over(key, event -> {}, source -> 1));
        }
    }

    @Test
    void aPluginsBlockComesAfterTheBuiltInsAndBeforeTheRunsOwn() {
        List<RunFeature> features = new ArrayList<>(RunFeatures.create());
        features.add(new OneBlock("myBlock"));

        List<String> keys = RunFeatures.summaryParts(features, LIVE).stream()
                .map(SummaryPart::key)
                .toList();

        assertThat(keys).containsSubsequence("market", "myBlock", "virtualTimeMicros", "failures");
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void aBlockNamedLikeABuiltInOneIsRefusedNamingTheFeature() {
        for (String taken : List.of("market", "failures", "condition", "warnings")) {
            List<RunFeature> features = new ArrayList<>(RunFeatures.create());
            features.add(new OneBlock(taken));

            assertThatThrownBy(() -> RunFeatures.summaryParts(features, LIVE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'" + taken + "'")
                    .hasMessageContaining(OneBlock.class.getName());
        }
    }

    @Test
    void withoutPluginsOnTheClasspathTheFeaturesAreTheBuiltIns() {
        assertThat(RunFeatures.plugins()).isEmpty();
    }
}
