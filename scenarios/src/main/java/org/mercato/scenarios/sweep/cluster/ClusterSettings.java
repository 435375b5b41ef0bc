package org.mercato.scenarios.sweep.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * The Pekko configuration of a sweep node, built here rather than in an application.conf so the
 * simulations' own actor systems in the same JVM stay local. Artery over TCP, bound to exactly the
 * given host and port (canonical and bind address alike); the coordinator's address is the seed
 * node; connections start with {@link #TCP_MAGIC}; Java serialization off and {@link ClusterMessage}s as Jackson JSON; the split-brain resolver
 * with {@code keep-oldest} (the coordinator starts first, so its side survives) downs a node that
 * stayed unreachable for about {@code failureTimeout}. Pekko's own log lines go through {@link ThrottledPekkoLogFilter}.
 */
public final class ClusterSettings {
    public static final String SYSTEM = "mercato-sweep";
    public static final String COORDINATOR_ROLE = "coordinator";
    public static final String WORKER_ROLE = "worker";
    /** The 4 bytes every connection between sweep nodes starts with. */
    static final String TCP_MAGIC = "MERC";

    private ClusterSettings() {}

    public static Config config(HostPort bind, HostPort seed, String role, Duration failureTimeout) {
        long half = Math.max(500, failureTimeout.toMillis() / 2);
        String text = String.join(
                "\n",
                "pekko {",
                "  loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
                "  logging-filter = " + quote(ThrottledPekkoLogFilter.class.getName()),
                "  loglevel = INFO",
                "  log-dead-letters = off",
                "  log-dead-letters-during-shutdown = off",
                "  actor {",
                "    provider = cluster",
                "    allow-java-serialization = off",
                "    warn-about-java-serializer-usage = on",
                "    serialization-bindings {",
                "      \"" + ClusterMessage.class.getName() + "\" = jackson-json",
                "    }",
                "  }",
                "  remote.artery {",
                "    transport = tcp",
                "    canonical.hostname = " + quote(bind.host()),
                "    canonical.port = " + bind.port(),
                "    bind.hostname = " + quote(bind.host()),
                "    bind.port = " + bind.port(),
                // not Pekko's default AKKA/PEKK: a stray Pekko or Akka node, or junk that starts like
                // their traffic, is turned away at the first bytes instead of decoded frame by frame
                "    advanced.tcp-magic = [" + quote(TCP_MAGIC) + "]",
                "  }",
                "  cluster {",
                "    seed-nodes = [" + quote("pekko://" + SYSTEM + "@" + seed.host() + ":" + seed.port()) + "]",
                "    roles = [" + role + "]",
                "    jmx.enabled = off",
                // a worker may start before its coordinator: ask again every second, not every five
                "    seed-node-timeout = 1s",
                "    retry-unsuccessful-join-after = 1s",
                "    singleton-proxy.singleton-identification-interval = 250ms",
                "    log-info = off",
                "    downing-provider-class = \"org.apache.pekko.cluster.sbr.SplitBrainResolverProvider\"",
                "    split-brain-resolver {",
                "      active-strategy = keep-oldest",
                "      keep-oldest.down-if-alone = off",
                "      stable-after = " + ms(half),
                "    }",
                "    failure-detector {",
                "      heartbeat-interval = " + ms(Math.max(200, half / 4)),
                "      acceptable-heartbeat-pause = " + ms(half),
                "    }",
                "  }",
                "  coordinated-shutdown {",
                "    exit-jvm = off",
                // at the end of a sweep every node leaves at once; do not wait 10 s each for convergence
                "    phases.cluster-leave.timeout = 2s",
                "    phases.cluster-exiting.timeout = 2s",
                "  }",
                "}");
        return ConfigFactory.parseString(text).withFallback(ConfigFactory.defaultReference());
    }

    private static String ms(long millis) {
        return String.format(Locale.ROOT, "%dms", millis);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
