package org.mercato.metrics;

import org.mercato.metrics.bias.ChoiceLogitFold;
import org.mercato.metrics.bias.ConcentrationFold;
import org.mercato.metrics.bias.FirstProposalFold;
import org.mercato.metrics.bias.PositionFold;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;

/** The run's metric folds behind one sink; the same folds serve live runs and saved logs. */
public final class MetricsCollector implements EventSink {
    private final WelfareFold welfare = new WelfareFold();
    private final ActivityFold activity = new ActivityFold();
    private final FirstProposalFold firstProposal = new FirstProposalFold();
    private final PositionFold position = new PositionFold();
    private final ConcentrationFold concentration = new ConcentrationFold();
    private final ChoiceLogitFold choiceLogit = new ChoiceLogitFold();

    @Override
    public void accept(LoggedEvent event) {
        welfare.accept(event);
        activity.accept(event);
        firstProposal.accept(event);
        position.accept(event);
        concentration.accept(event);
        choiceLogit.accept(event);
    }

    public MarketMetrics metrics() {
        return MarketMetrics.of(
                welfare,
                activity,
                firstProposal.result(),
                position.result(),
                concentration.result(),
                choiceLogit.result());
    }
}
