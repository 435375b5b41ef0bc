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
 * agents} failed and how many by cause. A cause is a reason as the {@code done} event gives it
 * ({@code limit:turns}, {@code external-timeout}, ...) or, where a feature explained it, the reason
 * and its cause: {@code llm-error: } and what the model's provider said (kind, model, then the HTTP
 * status, "timeout after 3s", "connection refused", "empty body", "not JSON: " and the answer's first
 * line, or "invalid tool calls"), {@code external-gone: group assistants-0 exited with code 1}, as
 * the features recorded it; {@code llm-error (cause not recorded)} for model failures the log shows
 * and no agent explained (a log reread without its summary). Causes are sorted, so the block and its
 * warnings come in the same order every time.
 */
@JsonPropertyOrder({"agents", "causes"})
public record AgentFailures(long agents, SortedMap<String, Long> causes) {
    /** Between a reason and its cause in an explained cause. */
    static final String EXPLAINED = ": ";

    static final String UNRECORDED = FailureFold.LLM_ERROR + " (cause not recorded)";

    public AgentFailures {
        causes = Collections.unmodifiableSortedMap(new TreeMap<>(causes));
    }

    /**
     * The failures of a run: {@code byReason} from the log ({@link FailureFold}), explained by {@code
     * explained} (agents by {@code <reason>: <cause>}, as the features counted them) as far as they go
     * for each reason; the rest under the reason itself ({@link #UNRECORDED} for {@code llm-error});
     * null when no agent failed.
     */
    static AgentFailures of(Map<String, Long> byReason, Map<String, Long> explained) {
        SortedMap<String, Long> causes = new TreeMap<>();
        long agents = 0;
        for (var entry : new TreeMap<>(byReason).entrySet()) {
            String reason = entry.getKey();
            long count = entry.getValue();
            agents += count;
            for (var cause : new TreeMap<>(explained).entrySet()) {
                long take = cause.getKey().startsWith(reason + EXPLAINED) ? Math.min(count, cause.getValue()) : 0;
                if (take > 0) {
                    causes.merge(cause.getKey(), take, Long::sum);
                    count -= take;
                }
            }
            if (count > 0) {
                causes.merge(reason.equals(FailureFold.LLM_ERROR) ? UNRECORDED : reason, count, Long::sum);
            }
        }
        return agents == 0 ? null : new AgentFailures(agents, causes);
    }

    /** The explained causes ({@code <reason>: <cause>}), to explain a reread log the same way. */
    SortedMap<String, Long> explained() {
        SortedMap<String, Long> out = new TreeMap<>();
        causes.forEach((cause, count) -> {
            if (cause.contains(EXPLAINED)) {
                out.put(cause, count);
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
