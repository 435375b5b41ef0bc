package org.mercato.sim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md documents every observation, every action and every rejection reason: each
 * permitted record of the sealed interfaces has its own {@code ### Name} section, each reason its
 * row in the rejection table.
 */
class ProtocolPageTest {
    private static final Path PAGE = Path.of("../docs/protocol.md");

    @Test
    void everyObservationAndActionHasItsSection() throws Exception {
        List<String> headings = Files.readAllLines(PAGE).stream()
                .filter(line -> line.startsWith("### "))
                .map(line -> line.substring(4).strip())
                .toList();
        List<Class<?>> records = new ArrayList<>();
        records.addAll(Arrays.asList(Observation.class.getPermittedSubclasses()));
        records.addAll(Arrays.asList(AssistantAction.class.getPermittedSubclasses()));
        records.addAll(Arrays.asList(ServiceAction.class.getPermittedSubclasses()));

        assertThat(records).hasSizeGreaterThan(15);
        for (Class<?> record : records) {
            assertThat(headings)
                    .as("a '### %s' section in %s", record.getSimpleName(), PAGE)
                    .contains(record.getSimpleName());
        }
    }

    @Test
    void everyRejectionReasonHasItsRule() throws Exception {
        List<String> rows = Files.readAllLines(PAGE).stream()
                .filter(line -> line.startsWith("| `"))
                .toList();
        for (RejectionReason reason : RejectionReason.values()) {
            assertThat(rows)
                    .as("a row '| `%s` | actions | rule |' in %s", reason.label(), PAGE)
                    .anyMatch(row -> row.startsWith("| `" + reason.label() + "` | ") && row.split("\\|").length >= 4);
        }
    }

    @Test
    void everyActionKindIsNamedWhereRejectedExplainsItsField() throws Exception {
        String page = Files.readString(PAGE);
        String rejected = page.substring(page.indexOf("### Rejected"), page.indexOf("### WokenUp"));
        List<Class<?>> actions = new ArrayList<>(Arrays.asList(AssistantAction.class.getPermittedSubclasses()));
        actions.addAll(Arrays.asList(ServiceAction.class.getPermittedSubclasses()));
        for (Class<?> action : actions) {
            // the kind is the class name in snake case (WriteReview: write_review)
            String kind = action.getSimpleName()
                    .replaceAll("(?<=[a-z])(?=[A-Z])", "_")
                    .toLowerCase(java.util.Locale.ROOT);
            assertThat(rejected).as("the kind of %s", action.getSimpleName()).contains("`" + kind + "`");
        }
    }
}
