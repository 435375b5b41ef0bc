package org.mercato.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledScenariosDescriptionTest {
    @TempDir
    Path dir;

    private String descriptionOf(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), yaml);
        return BundledScenarios.description(file);
    }

    @Test
    void theTopLevelDescriptionIsFoundAfterNestedBlocksWithTheirOwnDescriptions() throws IOException {
        String yaml = """
                name: demo
                market:
                  generate: {customers: 10, description: not this one}
                  items: [a, b]
                description: "Study 9: the one at the top level"
                seed: 1
                """;

        assertThat(descriptionOf(yaml)).isEqualTo("Study 9: the one at the top level");
    }

    @Test
    void aFoldedDescriptionIsJoinedAsYamlJoinsIt() throws IOException {
        String yaml = """
                description: >
                  two lines
                  folded
                name: demo
                """;

        assertThat(descriptionOf(yaml)).isEqualTo("two lines folded\n");
    }

    @Test
    void noUsableDescriptionGivesAnEmptyString() throws IOException {
        assertThat(descriptionOf("name: demo\nseed: 1\n")).isEmpty();
        assertThat(descriptionOf("description:\nname: demo\n")).isEmpty();
        assertThat(descriptionOf("description: {a: 1}\n")).isEmpty();
        assertThat(descriptionOf("- a list\n- not a scenario\n")).isEmpty();
        assertThat(descriptionOf("description: [unclosed\n")).isEmpty();
        assertThat(BundledScenarios.description(dir.resolve("missing.yaml"))).isEmpty();
    }
}
