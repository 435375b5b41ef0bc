package org.mercato.metrics.live;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.MetricsCollector;
import org.mercato.metrics.MetricsSettings;
import org.mercato.sim.events.LoggedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live metrics: an actor that folds a run's events, received in log order as batches of whole
 * kernel windows, with the very folds {@code mercato report} runs over a saved log ({@link
 * MetricsCollector}), and answers {@link Summarize} with the metrics of everything received so
 * far. A fold that fails is remembered and every later summary answers with the error, so a bad
 * run never reports numbers from part of its events.
 */
public final class MetricsActor {
    private static final Logger log = LoggerFactory.getLogger(MetricsActor.class);

    /** What the metrics actor understands. */
    public sealed interface Command permits Events, Summarize {}

    /**
     * Events in log order: one or more whole kernel windows. {@code folded} runs once the actor has
     * folded them (or skipped them after a failure), so a sender can bound what is in flight.
     */
    public record Events(List<LoggedEvent> events, Runnable folded) implements Command {
        public Events {
            events = List.copyOf(events);
        }

        public Events(List<LoggedEvent> events) {
            this(events, () -> {});
        }
    }

    /** Asks for the metrics of every event received before this message. */
    public record Summarize(ActorRef<StatusReply<MarketMetrics>> replyTo) implements Command {}

    private final MetricsCollector folds;
    private RuntimeException failure;

    private MetricsActor(MetricsSettings settings) {
        this.folds = new MetricsCollector(settings);
    }

    public static Behavior<Command> create(MetricsSettings settings) {
        return Behaviors.setup(context -> new MetricsActor(settings).behavior());
    }

    private Behavior<Command> behavior() {
        return Behaviors.receive(Command.class)
                .onMessage(Events.class, this::onEvents)
                .onMessage(Summarize.class, this::onSummarize)
                .build();
    }

    private Behavior<Command> onEvents(Events batch) {
        if (failure == null) {
            try {
                for (LoggedEvent event : batch.events()) {
                    folds.accept(event);
                }
            } catch (RuntimeException e) {
                failure = e;
                log.error("a metric fold failed: {}", e.toString());
            }
        }
        batch.folded().run();
        return Behaviors.same();
    }

    private Behavior<Command> onSummarize(Summarize request) {
        if (failure != null) {
            request.replyTo().tell(StatusReply.error("a metric fold failed: " + failure));
            return Behaviors.same();
        }
        try {
            request.replyTo().tell(StatusReply.success(folds.metrics()));
        } catch (RuntimeException e) {
            log.error("the summary failed: {}", e.toString());
            request.replyTo().tell(StatusReply.error("the summary failed: " + e));
        }
        return Behaviors.same();
    }
}
