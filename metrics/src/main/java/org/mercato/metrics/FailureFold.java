package org.mercato.metrics;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.MessageEvent;
import org.mercato.sim.events.ServiceEvent;

/**
 * Counts the agents that failed, by reason, from the event log alone (so {@code mercato report}
 * over a saved log counts them as the live run did): assistants whose {@code done} reason is
 * {@value #LLM_ERROR} or starts with {@value #LIMIT_PREFIX} (a bound ended them) or {@value
 * #EXTERNAL_PREFIX} (an outside agent timed out, went away or left its recording), and services
 * that answered a customer with such a text (their model or outside agent failed, a bound silenced
 * them). Each agent counts once, under its first failure.
 */
public final class FailureFold implements EventSink {
    public static final String LLM_ERROR = "llm-error";
    public static final String LIMIT_PREFIX = "limit:";
    /** The prefix of the reasons the run gives an outside agent it ended ({@code external-timeout}, ...). */
    public static final String EXTERNAL_PREFIX = "external-";

    private final Set<String> services = new HashSet<>();
    private final Set<String> failed = new HashSet<>();
    private final SortedMap<String, Long> byReason = new TreeMap<>();

    /** Whether a {@code done} reason means the agent failed. */
    public static boolean isFailure(String reason) {
        return LLM_ERROR.equals(reason)
                || reason != null && (reason.startsWith(LIMIT_PREFIX) || reason.startsWith(EXTERNAL_PREFIX));
    }

    @Override
    public void accept(LoggedEvent logged) {
        if (logged.event() instanceof ServiceEvent service) {
            services.add(service.service().id());
        } else if (logged.event() instanceof DoneEvent done && isFailure(done.reason())) {
            count(done.agent(), done.reason());
        } else if (logged.event() instanceof MessageEvent message
                && isFailure(message.text())
                && services.contains(message.from())) {
            count(message.from(), message.text());
        }
    }

    private void count(String agent, String reason) {
        if (failed.add(agent)) {
            byReason.merge(reason, 1L, Long::sum);
        }
    }

    /** Failed agents by reason ({@value #LLM_ERROR} or a {@code limit:} reason), sorted by reason. */
    public SortedMap<String, Long> byReason() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(byReason));
    }
}
