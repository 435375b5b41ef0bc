package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mercato's logging set up in code: what logback.xml used to say, and a researcher's own file still wins. */
class DefaultLogConfiguratorTest {
    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                        .map(ServiceLoader.Provider::type))
                .contains(DefaultLogConfigurator.class);
    }

    @Test
    void warningsAndErrorsGoToStderrAsLevelLoggerMessage() {
        LoggerContext context = new LoggerContext();
        DefaultLogConfigurator configurator = new DefaultLogConfigurator();
        configurator.setContext(context);

        ExecutionStatus status = configurator.configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
        assertThat(stderr.isStarted()).isTrue();
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        LoggingEvent warning = new LoggingEvent("x", context.getLogger("org.mercato.run"), Level.WARN, "m", null, null);
        LoggingEvent info = new LoggingEvent("x", context.getLogger("org.mercato.run"), Level.INFO, "m", null, null);
        assertThat(stderr.getFilterChainDecision(warning)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(stderr.getFilterChainDecision(info)).isEqualTo(FilterReply.DENY);
        assertThat(new String(stderr.getEncoder().encode(warning))).isEqualTo("WARN  org.mercato.run - m\n");
        assertThat(context.getLogger("org.apache.pekko").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("ai.djl.util.cuda").getLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void aLogbackFileOnTheClasspathWins(@TempDir Path dir) throws Exception {
        try (URLClassLoader without = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(DefaultLogConfigurator.hasOwnConfiguration(without)).isFalse();
        }
        Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
        try (URLClassLoader with = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(DefaultLogConfigurator.hasOwnConfiguration(with)).isTrue();
        }
    }
}
