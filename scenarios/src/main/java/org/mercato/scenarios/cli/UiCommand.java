package org.mercato.scenarios.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.mercato.explorer.Explorer;
import org.mercato.explorer.ExplorerException;
import org.mercato.explorer.ExplorerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mercato ui FOLDER}: serves the run explorer for a run or sweep folder on loopback and
 * prints its URL, until Ctrl-C. A taken default port falls back to a free one (with a line saying
 * so); a port the user chose must be free.
 */
@Command(
        name = "ui",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = {
            "Explore a run (or a sweep) in the browser: every customer, its searches, messages, proposals,"
                    + " payment and model turns, filtered as report.html's charts count them.",
            "Serves on 127.0.0.1 only unless --bind says otherwise; runs until Ctrl-C."
        })
final class UiCommand extends CliCommand {
    @Parameters(
            index = "0",
            paramLabel = "FOLDER",
            description = "a run folder (with results.duckdb) or a sweep folder (with sweep.duckdb)")
    Path folder;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "port to listen on (default ${DEFAULT-VALUE}, or a free one if taken; 0: any free port)")
    Integer port;

    @Option(
            names = "--bind",
            paramLabel = "HOST",
            description = "address to listen on (default 127.0.0.1; anything else exposes the run to the network)")
    String bind;

    @Option(names = "--open-only", description = "open the folder, print the URL and stop (no server left running)")
    boolean openOnly;

    @Override
    int execute() throws Exception {
        if (port != null && (port < 0 || port > 65_535)) {
            return error(BAD_INPUT, "--port must be from 0 to 65535, not " + port);
        }
        String host = bind == null ? ExplorerSettings.LOOPBACK : bind;
        if (bind != null && !bind.equals(ExplorerSettings.LOOPBACK) && !bind.equals("localhost")) {
            err().println("WARN: --bind " + bind + ": the explorer (and every file of " + folder
                    + ") is reachable beyond this machine's loopback");
            err().flush();
        }
        Explorer explorer;
        try {
            explorer = start(host);
        } catch (ExplorerException e) {
            return error(BAD_INPUT, e.getMessage());
        } catch (BindException e) {
            return error(BAD_INPUT, "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        }
        out().println("Explorer for " + folder + ": " + explorer.uri());
        out().flush();
        if (openOnly) {
            explorer.close();
            return OK;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            explorer.close();
            stopped.countDown();
        }));
        stopped.await();
        return OK;
    }

    /** The default port, or a free one when it is taken; a port the user named, or nothing. */
    private Explorer start(String host) throws IOException {
        if (port != null) {
            return Explorer.start(folder, new ExplorerSettings(host, port));
        }
        try {
            return Explorer.start(folder, new ExplorerSettings(host, ExplorerSettings.DEFAULT_PORT));
        } catch (BindException e) {
            out().println("Port " + ExplorerSettings.DEFAULT_PORT + " is taken; using a free port instead.");
            return Explorer.start(folder, new ExplorerSettings(host, 0));
        }
    }
}
