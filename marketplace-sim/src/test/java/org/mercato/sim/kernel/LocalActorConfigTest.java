package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

class LocalActorConfigTest {
    @Test
    void fixesTheThreadCountKeepsPekkoQuietAndLetsAUseAddItsOwnSettings() {
        Config config = LocalActorConfig.withThreads(3, "pekko.actor.default-dispatcher.throughput = 64");
        String pool = "pekko.actor.default-dispatcher.fork-join-executor.";
        assertThat(config.getInt(pool + "parallelism-min")).isEqualTo(3);
        assertThat(config.getInt(pool + "parallelism-max")).isEqualTo(3);
        assertThat(config.getInt("pekko.actor.default-dispatcher.throughput")).isEqualTo(64);
        assertThat(config.getString("pekko.stdout-loglevel")).isEqualTo("OFF");
        assertThat(config.getBoolean("pekko.jvm-shutdown-hooks")).isFalse();
        // the rest comes from Pekko's reference configuration
        assertThat(config.hasPath("pekko.actor.default-mailbox")).isTrue();
    }

    @Test
    void thePreloadWarmsUpAThrowawaySystemAndLeavesNoThreadBehind() throws Exception {
        LocalActorConfig.preload();
        LocalActorConfig.preload(); // once per JVM

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (threadsNamed("pekko-warm-up", "mercato-warm-up") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(threadsNamed("pekko-warm-up", "mercato-warm-up")).isZero();
        // Pekko's classes are loaded: a real system starts as usual afterwards
        ActorSystem<Void> system =
                ActorSystem.create(Behaviors.empty(), "after-warm-up", LocalActorConfig.withThreads(1));
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static long threadsNamed(String... prefixes) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> Stream.of(prefixes).anyMatch(t.getName()::startsWith))
                .count();
    }

    @Test
    void aLaterSettingOverridesTheSharedOne() {
        Config config = LocalActorConfig.withThreads(1, "pekko.loglevel = ERROR");
        assertThat(config.getString("pekko.loglevel")).isEqualTo("ERROR");
    }
}
