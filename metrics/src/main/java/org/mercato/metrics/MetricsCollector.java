package org.mercato.metrics;

import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;

/** The run's metric folds behind one sink; the same folds serve live runs and saved logs. */
public final class MetricsCollector implements EventSink {
    private final WelfareFold welfare = new WelfareFold();
    private final ActivityFold activity = new ActivityFold();

    @Override
    public void accept(LoggedEvent event) {
        welfare.accept(event);
        activity.accept(event);
    }

    public MarketMetrics metrics() {
        return MarketMetrics.of(welfare, activity);
    }
}
