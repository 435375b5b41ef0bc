package org.mercato.scenarios.run;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While a run writes its folder, a JVM shutdown hook (Ctrl-C, SIGTERM) notes the interruption in
 * {@code run.log}, puts the log in place and deletes the run's temporaries, so an interrupted run
 * leaves no {@code *.tmp} behind. A SIGKILL runs no hook: its temporaries stay, under names no later
 * write reuses ({@link AtomicFiles}). Closing this (the run ended) removes the hook.
 */
final class InterruptedRunCleanup implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InterruptedRunCleanup.class);
    private final Thread hook;

    InterruptedRunCleanup(String scenario, Path folder, RunLog runLog) {
        hook = new Thread(
                () -> {
                    log.error(
                            "run {} interrupted: the process is shutting down; its temporary files are deleted",
                            scenario);
                    try {
                        runLog.close();
                    } catch (IOException e) {
                        // the folder may be gone or full: the temporaries still go
                    }
                    AtomicFiles.deleteTemporaries(folder, null);
                },
                "mercato-interrupted-run-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs
        }
    }
}
