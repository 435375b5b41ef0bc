package org.mercato.gateway.turns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/protocol.md has a row for every reason an external agent is ended with. */
class FailureReasonsPageTest {
    private static final Path PAGE = Path.of("../docs/protocol.md");

    @Test
    void everyExternalReasonHasItsRow() throws Exception {
        List<String> rows = Files.readAllLines(PAGE).stream()
                .filter(line -> line.startsWith("| `"))
                .toList();
        assertThat(ExternalReasons.ALL).hasSize(3);
        for (String reason : ExternalReasons.ALL) {
            assertThat(rows)
                    .as("a row '| `%s` | who | why |' in %s", reason, PAGE)
                    .anyMatch(row -> row.startsWith("| `" + reason + "` | external agents | "));
        }
    }
}
