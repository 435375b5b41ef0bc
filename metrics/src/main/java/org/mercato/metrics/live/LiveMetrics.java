package org.mercato.metrics.live;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.MetricsSettings;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.kernel.LocalActorConfig;

/**
 * Feeds a run's event stream to a {@link MetricsActor} in its own small actor system, adapting at
 * the kernel's {@link EventSink} boundary: register it as a sink and as the kernel's listener.
 * The listener hears the event count at the end of every window (on the kernel thread, before the
 * next window's events are published), so the sink, on the event-writer thread, cuts the stream
 * exactly at window ends and sends immutable {@link MetricsActor.Events} batches of whole windows;
 * small windows are merged until a batch holds {@value #MIN_BATCH} events. Without the listener,
 * batches are cut every {@value #MAX_BATCH} events. {@link #metrics()} sends what is left and asks
 * the actor for the summary; call it after the run.
 */
public final class LiveMetrics implements EventSink, KernelListener {
    static final int MIN_BATCH = 256;
    static final int MAX_BATCH = 65_536;
    /**
     * Events sent but not yet folded, at most: when the folds are slower than the market, the
     * event writer waits instead of the actor's mailbox holding millions of events.
     */
    static final int MAX_IN_FLIGHT = 4 * MAX_BATCH;

    /** The summary of a million-customer market takes minutes (its optimum), not hours. */
    private static final Duration SUMMARY_TIMEOUT = Duration.ofHours(1);

    private final ActorRef<MetricsActor.Command> actor;
    private final ActorSystem<?> system;
    private final boolean ownsSystem;
    private final ConcurrentLinkedQueue<Long> windowEnds = new ConcurrentLinkedQueue<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private List<LoggedEvent> batch = new ArrayList<>();
    private long batches;

    private LiveMetrics(ActorRef<MetricsActor.Command> actor, ActorSystem<?> system, boolean ownsSystem) {
        this.actor = actor;
        this.system = system;
        this.ownsSystem = ownsSystem;
    }

    /** Starts a metrics actor in an actor system of its own (one thread), stopped by {@link #close()}. */
    public static LiveMetrics start(MetricsSettings settings) {
        ActorSystem<MetricsActor.Command> system =
                ActorSystem.create(MetricsActor.create(settings), "mercato-metrics", config());
        return new LiveMetrics(system, system, true);
    }

    /** Feeds an actor that lives in {@code system}, which the caller stops. */
    public static LiveMetrics feeding(ActorRef<MetricsActor.Command> actor, ActorSystem<?> system) {
        return new LiveMetrics(actor, system, false);
    }

    private static Config config() {
        // a batch is one message; let the actor take many before yielding its thread
        return LocalActorConfig.withThreads(1, "pekko.actor.default-dispatcher.throughput = 64");
    }

    /** On the kernel thread: {@code events} were recorded up to the end of this window. */
    @Override
    public void windowDone(long virtualTime, long events) {
        windowEnds.offer(events);
    }

    @Override
    public void accept(LoggedEvent event) {
        if (startsWindow(event.seq()) && batch.size() >= MIN_BATCH || batch.size() >= MAX_BATCH) {
            send();
        }
        batch.add(event);
    }

    /** True if a window ended before the event numbered {@code seq}; forgets the ends passed. */
    private boolean startsWindow(long seq) {
        boolean crossed = false;
        for (Long end = windowEnds.peek(); end != null && end <= seq; end = windowEnds.peek()) {
            windowEnds.poll();
            crossed = true;
        }
        return crossed;
    }

    private void send() {
        int size = batch.size();
        awaitRoom(size);
        actor.tell(new MetricsActor.Events(batch, () -> inFlight.release(size)));
        batch = new ArrayList<>(Math.max(MIN_BATCH, batch.size()));
        batches++;
    }

    private void awaitRoom(int events) {
        try {
            while (!inFlight.tryAcquire(events, 1, TimeUnit.SECONDS)) {
                if (system.whenTerminated().isCompleted()) {
                    throw new IllegalStateException("the live metrics stopped before the run ended");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the live metrics", e);
        }
    }

    /** Batches sent so far (for tests and benchmarks). */
    public long batches() {
        return batches;
    }

    /** Sends the last batch and waits for the actor's summary of every event; after the run. */
    public MarketMetrics metrics() {
        if (!batch.isEmpty()) {
            send();
        }
        try {
            return AskPattern.<MetricsActor.Command, MarketMetrics>askWithStatus(
                            actor, MetricsActor.Summarize::new, SUMMARY_TIMEOUT, system.scheduler())
                    .toCompletableFuture()
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "live metrics failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the live metrics", e);
        }
    }

    /** Stops the actor system, if this started it. */
    @Override
    public void close() {
        if (!ownsSystem) {
            return;
        }
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the metrics actor system did not stop: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
