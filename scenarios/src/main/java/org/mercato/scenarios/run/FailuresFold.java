package org.mercato.scenarios.run;

import org.mercato.metrics.FailureFold;
import org.mercato.sim.events.LoggedEvent;

/**
 * The {@code failures} block ({@link AgentFailures}): the failed agents the log shows ({@link
 * FailureFold}), their {@code llm-error} causes as the features explain them (the model clients of
 * a live run, or the old summary in {@code mercato report}).
 */
final class FailuresFold implements SummaryFold {
    private final FailureFold fold = new FailureFold();

    @Override
    public String key() {
        return "failures";
    }

    @Override
    public void accept(LoggedEvent event) {
        fold.accept(event);
    }

    @Override
    public Object value(SummarySource source) {
        return AgentFailures.of(fold.byReason(), source.failureCauses());
    }
}
