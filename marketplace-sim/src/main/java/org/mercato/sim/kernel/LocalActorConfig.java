package org.mercato.sim.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The one Pekko configuration of Mercato's in-process actor systems (the kernel's agents, the live
 * metrics actor): logging through SLF4J at WARNING and nothing on stdout, no dead-letter logging,
 * no JVM shutdown hooks (the run stops its systems itself), and a default dispatcher of a fixed
 * number of threads. The sweep cluster's remote systems are configured elsewhere.
 */
public final class LocalActorConfig {
    private static final Preloader CONFIG = new Preloader("pekko-config-preload", ConfigFactory::load);
    /**
     * Starts and stops a throwaway actor system: Pekko's first system loads and initialises a few
     * thousand classes, which a warm-up on the other core does while the caller loads its scenario.
     */
    private static final Preloader SYSTEM = new Preloader("pekko-warm-up", () -> {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "mercato-warm-up", withThreads(1));
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
    });

    private LocalActorConfig() {}

    /**
     * Starts parsing the application's configuration (every library's {@code reference.conf}, a
     * large part of an actor system's first start) on a background thread; the parsed configuration
     * is cached, so the first {@link #withThreads} takes it from there. For callers that have other
     * work to do first (the command line loads the scenario).
     */
    public static void preload() {
        CONFIG.start();
        SYSTEM.start();
    }

    /**
     * The configuration of a system whose default dispatcher has {@code threads} threads; {@code
     * settings} (HOCON lines) are added on top, over the application's own configuration.
     */
    public static Config withThreads(int threads, String... settings) {
        List<String> lines = new ArrayList<>(List.of(
                "pekko.loglevel = WARNING",
                "pekko.stdout-loglevel = OFF",
                "pekko.log-dead-letters = off",
                "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
                "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"",
                "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
                "pekko.jvm-shutdown-hooks = off",
                "pekko.actor.default-dispatcher.fork-join-executor.parallelism-min = " + threads,
                "pekko.actor.default-dispatcher.fork-join-executor.parallelism-max = " + threads,
                "pekko.actor.default-dispatcher.fork-join-executor.parallelism-factor = 1.0"));
        lines.addAll(List.of(settings));
        return ConfigFactory.parseString(String.join("\n", lines)).withFallback(ConfigFactory.load());
    }
}
