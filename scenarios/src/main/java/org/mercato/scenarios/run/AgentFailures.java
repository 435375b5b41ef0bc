package org.mercato.scenarios.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercato.metrics.FailureFold;

/**
 * The {@code failures} block of {@code summary.json} (only when agents failed): how many {@code
 * agents} failed and how many by cause. A cause is a {@code limit:} or {@code external-} reason (an
 * outside agent timed out, went away or left its recording) as the {@code done} event gives it, or {@code llm-error: } and what the model's provider said (kind, model, then the HTTP
 * status, "timeout after 3s", "connection refused", "empty body", "not JSON: " and the answer's first
 * line, or "invalid tool calls"), as the agents recorded it; {@code llm-error (cause not recorded)}
 * for failures the log shows and no agent explained (a log reread without its summary). Causes are
 * sorted, so the block and its warnings come in the same order every time.
 */
@JsonPropertyOrder({"agents", "causes"})
public record AgentFailures(long agents, SortedMap<String, Long> causes) {
    static final String LLM_CAUSE = FailureFold.LLM_ERROR + ": ";
    static final String UNRECORDED = FailureFold.LLM_ERROR + " (cause not recorded)";

    public AgentFailures {
        causes = Collections.unmodifiableSortedMap(new TreeMap<>(causes));
    }

    /**
     * The failures of a run: {@code byReason} from the log ({@link FailureFold}), the {@code
     * llm-error} ones explained by {@code llmCauses} (agents by cause, as the groups counted them) as
     * far as they go; null when no agent failed.
     */
    static AgentFailures of(Map<String, Long> byReason, Map<String, Long> llmCauses) {
        SortedMap<String, Long> causes = new TreeMap<>();
        long agents = 0;
        for (var entry : new TreeMap<>(byReason).entrySet()) {
            long count = entry.getValue();
            agents += count;
            if (!entry.getKey().equals(FailureFold.LLM_ERROR)) {
                causes.merge(entry.getKey(), count, Long::sum);
                continue;
            }
            for (var cause : new TreeMap<>(llmCauses).entrySet()) {
                long take = Math.min(count, cause.getValue());
                if (take > 0) {
                    causes.merge(LLM_CAUSE + cause.getKey(), take, Long::sum);
                    count -= take;
                }
            }
            if (count > 0) {
                causes.merge(UNRECORDED, count, Long::sum);
            }
        }
        return agents == 0 ? null : new AgentFailures(agents, causes);
    }

    /** The {@code llm-error} causes the agents recorded (without the prefix), to explain a reread log. */
    SortedMap<String, Long> llmCauses() {
        SortedMap<String, Long> out = new TreeMap<>();
        causes.forEach((cause, count) -> {
            if (cause.startsWith(LLM_CAUSE)) {
                out.put(cause.substring(LLM_CAUSE.length()), count);
            }
        });
        return out;
    }

    /** One line per cause: "12 agents ended with llm-error: openai gpt-4o-mini HTTP 401 Unauthorized". */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        causes.forEach((cause, count) -> out.add(agents(count) + " ended with " + cause));
        return out;
    }

    /** "3 agents failed". */
    public String headline() {
        return agents(agents) + " failed";
    }

    private static String agents(long n) {
        return n + (n == 1 ? " agent" : " agents");
    }
}
