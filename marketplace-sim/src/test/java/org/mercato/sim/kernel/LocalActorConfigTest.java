package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
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
    void aLaterSettingOverridesTheSharedOne() {
        Config config = LocalActorConfig.withThreads(1, "pekko.loglevel = ERROR");
        assertThat(config.getString("pekko.loglevel")).isEqualTo("ERROR");
    }
}
