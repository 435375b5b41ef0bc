package org.mercato.scenarios.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Mercato's default logging, found by Logback through {@link java.util.ServiceLoader}: warnings
 * and errors on stderr as {@code LEVEL logger - message}, Pekko's chatter below WARN dropped. Set
 * up in code because reading the same settings from a logback.xml loads an XML parser and a few
 * hundred configuration classes, a tenth of a second of every command. A {@code logback.xml} or
 * {@code logback-test.xml} on the classpath, or {@code -Dlogback.configurationFile}, wins: a
 * researcher embedding Mercato keeps their own configuration.
 */
public final class DefaultLogConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (hasOwnConfiguration(DefaultLogConfigurator.class.getClassLoader())) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel("WARN");
        warnings.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger{24} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.addFilter(warnings);
        stderr.setEncoder(encoder);
        stderr.start();
        context.getLogger("org.apache.pekko").setLevel(Level.WARN);
        // DJL (the embedding model's tokenizer) probes for a GPU and warns where there is no CUDA;
        // the model runs on the CPU by design, so that is no warning of the run's
        context.getLogger("ai.djl.util.cuda").setLevel(Level.ERROR);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static boolean hasOwnConfiguration(ClassLoader loader) {
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }
}
