package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * The failures block counts every failed agent exactly once: its causes sum to its agents, the
 * {@code llm-error} ones never explain more agents than the log shows, and it reads back the
 * causes it was given (what {@code mercato report} relies on).
 */
class AgentFailuresProperties {
    @Property(tries = 300)
    void causesSumToTheFailedAgentsOfTheLog(
            @ForAll @IntRange(max = 50) int llmErrors,
            @ForAll @IntRange(max = 50) int turnLimits,
            @ForAll @Size(max = 4)
                    Map<@StringLength(min = 1, max = 8) String, @IntRange(min = 1, max = 30) Integer> recorded) {
        Map<String, Long> byReason = new TreeMap<>();
        if (llmErrors > 0) {
            byReason.put("llm-error", (long) llmErrors);
        }
        if (turnLimits > 0) {
            byReason.put("limit:turns", (long) turnLimits);
        }
        Map<String, Long> causes = new TreeMap<>();
        recorded.forEach((cause, n) -> causes.put("llm-error: " + cause, (long) n));

        AgentFailures failures = AgentFailures.of(byReason, causes);

        if (llmErrors + turnLimits == 0) {
            assertThat(failures).isNull();
            return;
        }
        assertThat(failures.agents()).isEqualTo(llmErrors + turnLimits);
        assertThat(failures.causes().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(failures.agents());
        assertThat(failures.causes().getOrDefault("limit:turns", 0L)).isEqualTo(turnLimits);
        assertThat(failures.explained().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(Math.min(
                        llmErrors,
                        causes.values().stream().mapToLong(Long::longValue).sum()));
        assertThat(failures.warnings()).hasSize(failures.causes().size());
        // read back, the recorded causes explain the same log the same way
        assertThat(AgentFailures.of(byReason, failures.explained())).isEqualTo(failures);
    }

    @Example
    void llmErrorsNoAgentExplainedAreSaidToBeUnrecorded() {
        AgentFailures failures = AgentFailures.of(
                Map.of("llm-error", 3L, "limit:calls", 1L), Map.of("llm-error: openai m HTTP 401 Unauthorized", 2L));

        assertThat(failures.warnings())
                .containsExactly(
                        "1 agent ended with limit:calls",
                        "1 agent ended with llm-error (cause not recorded)",
                        "2 agents ended with llm-error: openai m HTTP 401 Unauthorized");
        assertThat(failures.headline()).isEqualTo("4 agents failed");
    }

    @Example
    void externalReasonsAreExplainedByTheirOwnCausesOnly() {
        AgentFailures failures = AgentFailures.of(
                Map.of("external-gone", 3L, "external-timeout", 1L, "llm-error", 1L),
                Map.of(
                        "external-gone: group assistants-0 exited with code 1", 2L,
                        "llm-error: openai m timeout after 3s", 5L));

        assertThat(failures.warnings())
                .containsExactly(
                        "1 agent ended with external-gone",
                        "2 agents ended with external-gone: group assistants-0 exited with code 1",
                        "1 agent ended with external-timeout",
                        "1 agent ended with llm-error: openai m timeout after 3s");
        assertThat(AgentFailures.of(
                        Map.of("external-gone", 3L, "external-timeout", 1L, "llm-error", 1L), failures.explained()))
                .isEqualTo(failures);
    }
}
