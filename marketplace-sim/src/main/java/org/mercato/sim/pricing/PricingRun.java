package org.mercato.sim.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the learning episodes of a {@link PricingSetup} and writes their events: {@code
 * pricing_benchmark} first, then each episode's events ({@link LearningEpisode}) in episode
 * order. Episodes are independent (each draws its firms' streams from its own keys), so they run
 * in parallel and the log is the same for any thread count.
 */
public final class PricingRun {
    private static final Logger LOG = LoggerFactory.getLogger(PricingRun.class);

    private PricingRun() {}

    /**
     * Runs every episode (in parallel on {@code threads}; events written in episode order so the
     * log is identical for any thread count), writes the events at virtual time t from seq
     * firstSeq; returns next seq.
     */
    public static long run(PricingSetup setup, int threads, long t, long firstSeq, List<EventSink> sinks) {
        long started = System.nanoTime();
        long seq = write(PricingEvents.benchmark(setup.game()), t, firstSeq, sinks);
        Summary summary = new Summary();
        if (threads <= 1 || setup.episodes() <= 1) {
            for (int e = 0; e < setup.episodes(); e++) {
                LearningEpisode.Outcome outcome = LearningEpisode.of(setup, e).run();
                summary.add(outcome);
                seq = write(outcome.events(), t, seq, sinks);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, setup.episodes()), runnable -> {
                Thread thread = new Thread(runnable, "pricing-episode");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<LearningEpisode.Outcome>> outcomes = new ArrayList<>();
                for (int e = 0; e < setup.episodes(); e++) {
                    int episode = e;
                    outcomes.add(
                            pool.submit(() -> LearningEpisode.of(setup, episode).run()));
                }
                for (Future<LearningEpisode.Outcome> future : outcomes) {
                    LearningEpisode.Outcome outcome = result(future);
                    summary.add(outcome);
                    seq = write(outcome.events(), t, seq, sinks);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info(String.format(
                Locale.ROOT,
                "pricing: %d episodes, %d converged, mean gain %.4f, %d periods in %.2f s (%.0f periods/s)",
                setup.episodes(),
                summary.converged,
                summary.episodes == 0 ? Double.NaN : summary.gain / summary.episodes,
                summary.periods,
                seconds,
                summary.periods / Math.max(seconds, 1e-9)));
        return seq;
    }

    private static LearningEpisode.Outcome result(Future<LearningEpisode.Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the pricing episodes ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a pricing episode failed: " + e.getCause(), e.getCause());
        }
    }

    private static long write(Event event, long t, long seq, List<EventSink> sinks) {
        LoggedEvent logged = new LoggedEvent(t, seq, event);
        for (EventSink sink : sinks) {
            sink.accept(logged);
        }
        return seq + 1;
    }

    private static long write(List<Event> events, long t, long seq, List<EventSink> sinks) {
        for (Event event : events) {
            seq = write(event, t, seq, sinks);
        }
        return seq;
    }

    private static final class Summary {
        int episodes;
        int converged;
        long periods;
        double gain;

        void add(LearningEpisode.Outcome outcome) {
            episodes++;
            converged += outcome.converged() ? 1 : 0;
            periods += outcome.periods();
            gain += outcome.gain();
        }
    }
}
