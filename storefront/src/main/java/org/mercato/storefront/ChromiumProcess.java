package org.mercato.storefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Chromium with a fresh profile folder and its DevTools on a port it chose itself
 * ({@code --remote-debugging-port=0}, read back from the profile's {@code DevToolsActivePort}).
 * {@link #close} kills its whole process tree and deletes the folder.
 */
final class ChromiumProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChromiumProcess.class);

    /** The flags every run uses: the project's fixed set, so screenshots depend on nothing else. */
    static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--font-render-hinting=none",
            "--force-color-profile=srgb",
            "--disable-lcd-text",
            "--mute-audio",
            "--remote-debugging-port=0");

    private final Process process;
    private final Path folder;
    private final URI browserEndpoint;

    private ChromiumProcess(Process process, Path folder, URI browserEndpoint) {
        this.process = process;
        this.folder = folder;
        this.browserEndpoint = browserEndpoint;
    }

    static ChromiumProcess launch(ChromiumSettings settings, Duration timeout) {
        if (!ChromiumRenderer.available(settings)) {
            throw ChromiumRenderer.notFound(settings);
        }
        Path folder;
        try {
            folder = Files.createTempDirectory("mercato-chromium-");
        } catch (IOException e) {
            throw new RenderException("cannot create a profile folder for chromium: " + e, e);
        }
        Path profile = folder.resolve("profile");
        Path log = folder.resolve("chromium.log");
        List<String> command = new ArrayList<>();
        command.add(settings.executable().toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            delete(folder);
            throw new RenderException("cannot start chromium at " + settings.executable() + ": " + e.getMessage(), e);
        }
        try {
            URI endpoint = awaitPort(process, profile.resolve("DevToolsActivePort"), log, timeout);
            LOG.debug("chromium {} started, DevTools at {}", process.pid(), endpoint);
            return new ChromiumProcess(process, folder, endpoint);
        } catch (RuntimeException e) {
            kill(process);
            delete(folder);
            throw e;
        }
    }

    URI browserEndpoint() {
        return browserEndpoint;
    }

    boolean alive() {
        return process.isAlive();
    }

    private static URI awaitPort(Process process, Path portFile, Path log, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new RenderException("chromium exited with code " + process.exitValue()
                        + " before opening its DevTools port: " + lastLine(log));
            }
            try {
                if (Files.isRegularFile(portFile)) {
                    List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                    if (lines.size() >= 2 && !lines.get(0).isBlank()) {
                        return URI.create("ws://127.0.0.1:" + lines.get(0).trim()
                                + lines.get(1).trim());
                    }
                }
                Thread.sleep(25);
            } catch (IOException e) {
                // the file is being written; read it again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RenderException("interrupted while starting chromium", e);
            }
        }
        throw new RenderException(
                "chromium did not open its DevTools port within " + timeout.toSeconds() + " s: " + lastLine(log));
    }

    private static String lastLine(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output");
        } catch (IOException | UncheckedIOException e) {
            return "no output";
        }
    }

    @Override
    public void close() {
        kill(process);
        delete(folder);
    }

    private static void kill(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor();
            for (ProcessHandle child : tree) {
                child.onExit().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // the child is gone either way
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot delete chromium's profile folder {}: {}", folder, e.toString());
        }
    }
}
