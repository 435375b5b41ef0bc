package org.mercato.scenarios.sweep.cluster;

import java.time.Duration;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.event.EventStream;
import org.apache.pekko.event.LogMarker;
import org.apache.pekko.event.slf4j.Slf4jLoggingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep nodes' Pekko logging filter: SLF4J's levels, plus at most {@value #LIMIT} lines per Pekko
 * class in each {@link #WINDOW}. Anything may connect to a coordinator's port; a connection sending
 * junk after Pekko's magic bytes makes artery's decoder log "Dropping message" once per frame, over a
 * million lines for a few megabytes. Lines past the limit are counted and reported once per window
 * (and when the node stops); they are refused before Pekko formats or queues them, so the flood costs
 * neither the console nor the logger's mailbox.
 *
 * <p>Two kinds of Pekko warnings are expected and kept below WARN (not logged), since the node says
 * itself what matters: a worker's "couldn't join seed nodes, will try again" while it is still
 * joining (it fails with its own error when it never joins within the failure timeout), and, once the
 * sweep succeeded ({@link #stoppingAfterSuccess}), the remoting and cluster chatter of nodes leaving
 * at once (aborted connections, quarantined associations). Errors always pass.
 */
public final class ThrottledPekkoLogFilter extends Slf4jLoggingFilter {
    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final String PEKKO = "org.apache.pekko.";
    private static final Logger log = LoggerFactory.getLogger(ThrottledPekkoLogFilter.class);

    private static final String CLUSTER = "org.apache.pekko.cluster.Cluster";

    private final LogThrottle throttle = new LogThrottle(LIMIT, WINDOW, System::nanoTime);
    private volatile boolean joining;
    private volatile boolean stopping;

    public ThrottledPekkoLogFilter(ActorSystem.Settings settings, EventStream eventStream) {
        super(settings, eventStream);
    }

    /** Reports what is still held back when the node's actor system terminates. */
    static void reportOnTermination(org.apache.pekko.actor.typed.ActorSystem<?> system) {
        if (((ExtendedActorSystem) Adapter.toClassic(system)).logFilter() instanceof ThrottledPekkoLogFilter filter) {
            system.getWhenTerminated().whenComplete((done, error) -> filter.reportHeldBack());
        }
    }

    /** While {@code joining}, the cluster's join retries are expected (a worker reports never joining itself). */
    static void joining(org.apache.pekko.actor.typed.ActorSystem<?> system, boolean joining) {
        if (of(system) instanceof ThrottledPekkoLogFilter filter) {
            filter.joining = joining;
        }
    }

    /** Every cell is stored (or this worker was told the sweep is done): what the node logs while stopping is expected. */
    static void stoppingAfterSuccess(org.apache.pekko.actor.typed.ActorSystem<?> system) {
        if (of(system) instanceof ThrottledPekkoLogFilter filter) {
            filter.stopping = true;
        }
    }

    private static Object of(org.apache.pekko.actor.typed.ActorSystem<?> system) {
        return ((ExtendedActorSystem) Adapter.toClassic(system)).logFilter();
    }

    /** A Pekko warning the node expects (see the class comment). */
    private boolean expected(Class<?> logClass) {
        if (logClass == null || !logClass.getName().startsWith(PEKKO)) {
            return false;
        }
        return stopping || (joining && logClass.getName().equals(CLUSTER));
    }

    void reportHeldBack() {
        throttle.drain().forEach(this::report);
    }

    private boolean admit(boolean enabled, Class<?> logClass) {
        if (!enabled || logClass == null || !logClass.getName().startsWith(PEKKO)) {
            return enabled;
        }
        LogThrottle.Decision decision = throttle.admit(logClass.getName());
        if (decision.closed() != null) {
            report(decision.closed());
        }
        if (decision.firstHeldBack()) {
            log.warn(
                    "{} logged more than {} lines in {} s; counting further ones instead of printing them{}",
                    logClass.getName(),
                    throttle.limit(),
                    throttle.window().toSeconds(),
                    logClass.getName().startsWith(PEKKO + "remote.")
                            ? " (something that does not speak this cluster's protocol may be connected to this"
                                    + " node's port)"
                            : "");
        }
        return decision.pass();
    }

    private void report(LogThrottle.Window window) {
        log.warn(
                "held back {} more log lines of {} (at most {} are printed per {} s)",
                window.heldBack(),
                window.key(),
                throttle.limit(),
                throttle.window().toSeconds());
    }

    @Override
    public boolean isErrorEnabled(Class<?> logClass, String logSource) {
        return admit(super.isErrorEnabled(logClass, logSource), logClass);
    }

    @Override
    public boolean isWarningEnabled(Class<?> logClass, String logSource) {
        return admit(super.isWarningEnabled(logClass, logSource) && !expected(logClass), logClass);
    }

    @Override
    public boolean isInfoEnabled(Class<?> logClass, String logSource) {
        return admit(super.isInfoEnabled(logClass, logSource), logClass);
    }

    @Override
    public boolean isDebugEnabled(Class<?> logClass, String logSource) {
        return admit(super.isDebugEnabled(logClass, logSource), logClass);
    }

    @Override
    public boolean isErrorEnabled(Class<?> logClass, String logSource, LogMarker marker) {
        return admit(super.isErrorEnabled(logClass, logSource, marker), logClass);
    }

    @Override
    public boolean isWarningEnabled(Class<?> logClass, String logSource, LogMarker marker) {
        return admit(super.isWarningEnabled(logClass, logSource, marker) && !expected(logClass), logClass);
    }

    @Override
    public boolean isInfoEnabled(Class<?> logClass, String logSource, LogMarker marker) {
        return admit(super.isInfoEnabled(logClass, logSource, marker), logClass);
    }

    @Override
    public boolean isDebugEnabled(Class<?> logClass, String logSource, LogMarker marker) {
        return admit(super.isDebugEnabled(logClass, logSource, marker), logClass);
    }
}
