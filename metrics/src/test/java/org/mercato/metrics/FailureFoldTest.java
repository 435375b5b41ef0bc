package org.mercato.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.MessageEvent;
import org.mercato.sim.events.ServiceEvent;

class FailureFoldTest {
    private final FailureFold fold = new FailureFold();
    private long seq;

    private void accept(Event event) {
        fold.accept(new LoggedEvent(seq, seq++, event));
    }

    @Test
    void countsAssistantsEndedByLlmErrorOrALimitAndServicesThatRepliedLlmErrorOnceEach() {
        accept(new ServiceEvent(Service.of("s1", Map.of("Tacos", 900L), Set.of(), 4, 10)));
        accept(new DoneEvent("c1", "llm-error"));
        accept(new DoneEvent("c2", "limit:turns"));
        accept(new DoneEvent("c3", "limit:turns"));
        accept(new DoneEvent("c4", "purchased"));
        accept(new DoneEvent("c5", "limits reached")); // not the limit: prefix
        accept(new MessageEvent("s1", "c1", "llm-error", new TreeMap<>()));
        accept(new MessageEvent("s1", "c2", "llm-error", new TreeMap<>())); // the same service again
        accept(new MessageEvent("c4", "s1", "llm-error", new TreeMap<>())); // a customer's words count for nothing

        assertThat(fold.byReason()).containsExactly(Map.entry("limit:turns", 2L), Map.entry("llm-error", 2L));
    }

    @Test
    void aServiceSilencedByABoundCountsUnderTheBoundsReason() {
        accept(new ServiceEvent(Service.of("s1", Map.of("Tacos", 900L), Set.of(), 4, 10)));
        accept(new ServiceEvent(Service.of("s2", Map.of("Tacos", 900L), Set.of(), 4, 10)));
        accept(new MessageEvent("s1", "c1", "limit:run-calls", new TreeMap<>()));
        accept(new MessageEvent("s2", "c1", "Tacos are 9.00", new TreeMap<>()));

        assertThat(fold.byReason()).containsExactly(Map.entry("limit:run-calls", 1L));
    }

    @Test
    void aCleanLogHasNoFailures() {
        accept(new DoneEvent("c1", "purchased"));

        assertThat(fold.byReason()).isEmpty();
    }
}
