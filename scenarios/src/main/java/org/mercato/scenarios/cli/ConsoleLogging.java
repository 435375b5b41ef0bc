package org.mercato.scenarios.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * While a run is in progress the terminal belongs to the CLI: Logback's console appenders are
 * detached from the root logger (everything logged still reaches the run folder's {@code run.log})
 * and warnings are counted so the summary can point at {@code run.log}. Restored on close. Does
 * nothing if SLF4J is not bound to Logback.
 */
final class ConsoleLogging implements AutoCloseable {
    private final Logger root;
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final AtomicInteger warnings = new AtomicInteger();
    private final AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                warnings.incrementAndGet();
            }
        }
    };

    private ConsoleLogging(Logger root) {
        this.root = root;
        if (root == null) {
            return;
        }
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof ConsoleAppender) {
                detached.add(appender);
            }
        }
        detached.forEach(root::detachAppender);
        counter.setContext(root.getLoggerContext());
        counter.setName("mercato-cli-warnings");
        counter.start();
        root.addAppender(counter);
    }

    static ConsoleLogging divert() {
        return new ConsoleLogging(
                LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                        ? context.getLogger(Logger.ROOT_LOGGER_NAME)
                        : null);
    }

    /** Warnings and errors logged since {@link #divert()}. */
    int warnings() {
        return warnings.get();
    }

    @Override
    public void close() {
        if (root == null) {
            return;
        }
        root.detachAppender(counter);
        counter.stop();
        detached.forEach(root::addAppender);
    }
}
