package org.mercato.scenarios.run;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Copies everything logged during a run into the run folder's {@code run.log}, written under a
 * temporary name and renamed when the run ends. Does nothing if SLF4J is not bound to Logback.
 */
final class RunLog implements AutoCloseable {
    private final FileAppender<ILoggingEvent> appender;
    private final Path temporary;
    private final Path target;
    private boolean closed;

    RunLog(Path target) {
        this.target = target;
        this.temporary = AtomicFiles.temporaryFor(target);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            this.appender = null;
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger{24} - %msg%n");
        encoder.start();
        appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("run-log-" + target);
        appender.setFile(temporary.toString());
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    /** Where the log is written until it is closed. */
    Path temporary() {
        return temporary;
    }

    /** Puts the log in place; a second call (the run ended while a shutdown hook closed it) does nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (appender == null || closed) {
            return;
        }
        closed = true;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        AtomicFiles.moveIntoPlace(temporary, target);
    }
}
