package org.mercato.metrics;

import org.mercato.metrics.baselines.MagenticBaselines;
import org.mercato.metrics.bias.ChoiceLogitFold;
import org.mercato.metrics.bias.ConcentrationFold;
import org.mercato.metrics.bias.FirstProposalFold;
import org.mercato.metrics.bias.ManipulationFold;
import org.mercato.metrics.bias.PositionFold;
import org.mercato.metrics.bias.ServiceSharesFold;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;

/**
 * The run's metric folds behind one sink; the same folds serve live runs (inside {@link
 * org.mercato.metrics.live.MetricsActor}, or directly in the bare kernel) and saved logs ({@code
 * mercato report}). Not thread-safe: one thread (or one actor) feeds it.
 */
public final class MetricsCollector implements EventSink {
    private final MetricsSettings settings;
    private final WelfareFold welfare = new WelfareFold();
    private final ActivityFold activity = new ActivityFold();
    private final FirstProposalFold firstProposal = new FirstProposalFold();
    private final PositionFold position = new PositionFold();
    private final ConcentrationFold concentration = new ConcentrationFold();
    private final ChoiceLogitFold choiceLogit;
    private final ManipulationFold manipulation = new ManipulationFold();
    private final ServiceSharesFold serviceShares = new ServiceSharesFold();

    /** The folds without Magentic's baselines. */
    public MetricsCollector() {
        this(MetricsSettings.NO_BASELINES);
    }

    public MetricsCollector(MetricsSettings settings) {
        this.settings = settings;
        this.choiceLogit = new ChoiceLogitFold(settings.logit());
    }

    @Override
    public void accept(LoggedEvent event) {
        welfare.accept(event);
        activity.accept(event);
        firstProposal.accept(event);
        position.accept(event);
        concentration.accept(event);
        choiceLogit.accept(event);
        manipulation.accept(event);
        serviceShares.accept(event);
    }

    public MarketMetrics metrics() {
        return MarketMetrics.of(
                welfare,
                activity,
                settings.baselines() ? MagenticBaselines.compute(welfare.catalog(), settings.seed()) : null,
                firstProposal.result(),
                position.result(),
                concentration.result(),
                choiceLogit.result(),
                manipulation.result(),
                serviceShares.result());
    }
}
