package org.mercato.scenarios.run;

import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.MetricsCollector;
import org.mercato.metrics.live.LiveMetrics;
import org.mercato.sim.events.LoggedEvent;

/**
 * The {@code market} block: the market metrics, folded by a {@link MetricsCollector} on the event
 * thread, or in the actor kernel by the live metrics actor fed window by window ({@link
 * LiveMetrics}, which this fold starts and stops).
 */
final class MarketFold implements SummaryFold {
    private final MetricsCollector collector;
    private final LiveMetrics live;
    private MarketMetrics metrics;

    MarketFold(SummaryContext context) {
        if (context.actors()) {
            live = LiveMetrics.start(context.metrics());
            collector = null;
        } else {
            live = null;
            collector = new MetricsCollector(context.metrics());
        }
    }

    @Override
    public String key() {
        return "market";
    }

    @Override
    public void accept(LoggedEvent event) {
        if (live != null) {
            live.accept(event);
        } else {
            collector.accept(event);
        }
    }

    @Override
    public void windowDone(long virtualTime, long events) {
        if (live != null) {
            live.windowDone(virtualTime, events);
        }
    }

    /** The metrics of every event seen (waits for the live metrics actor); once, after the last event. */
    @Override
    public void endOfLog() {
        metrics = live != null ? live.metrics() : collector.metrics();
    }

    @Override
    public Object value(SummarySource source) {
        return metrics;
    }

    @Override
    public void close() {
        if (live != null) {
            live.close();
        }
    }
}
