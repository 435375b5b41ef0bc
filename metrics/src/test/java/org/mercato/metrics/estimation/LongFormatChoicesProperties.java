package org.mercato.metrics.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** What {@link LongFormatChoices#csv} writes, {@link LongFormatChoices#read} reads back to the same values. */
class LongFormatChoicesProperties {
    @Property(tries = 50)
    void writingThenReadingGivesTheSameChoiceSets(
            @ForAll @IntRange(min = 1, max = 6) int sets,
            @ForAll @IntRange(min = 2, max = 5) int alternatives,
            @ForAll @IntRange(min = 1, max = 4) int covariates,
            @ForAll long seed)
            throws Exception {
        var random = new java.util.SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < covariates; c++) {
            names.add(c == 0 ? "tag:scarcity:1" : "x" + c);
        }
        List<ChoiceSet> written = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            double[][] x = new double[alternatives][covariates];
            for (double[] row : x) {
                for (int c = 0; c < covariates; c++) {
                    // dummies, whole numbers and arbitrary doubles (tiny, huge, negative)
                    row[c] = switch (random.nextInt(4)) {
                        case 0 -> random.nextInt(2);
                        case 1 -> random.nextInt(-1000, 1000);
                        case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 12));
                        default -> -Math.log(random.nextDouble());
                    };
                }
            }
            written.add(new ChoiceSet("set" + s, "customer_" + random.nextInt(3), x, random.nextInt(alternatives)));
        }

        Path csv = Files.createTempFile("choices", ".csv");
        try {
            Files.writeString(csv, LongFormatChoices.csv(new LongFormatChoices.Data(names, written)));
            LongFormatChoices.Data read = LongFormatChoices.read(csv, "set", "chosen", "customer", List.of());

            assertThat(read.covariates()).isEqualTo(names);
            assertThat(read.sets()).hasSameSizeAs(written);
            for (int s = 0; s < sets; s++) {
                ChoiceSet expected = written.get(s);
                ChoiceSet actual = read.sets().get(s);
                assertThat(actual.id()).isEqualTo(expected.id());
                assertThat(actual.cluster()).isEqualTo(expected.cluster());
                assertThat(actual.chosen()).isEqualTo(expected.chosen());
                assertThat(actual.x()).isDeepEqualTo(expected.x());
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
