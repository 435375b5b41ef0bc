package org.mercato.explorer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run explorer: an HTTP server on {@link ExplorerSettings#bindHost()} (loopback by default)
 * that serves a run or sweep folder's outputs as JSON ({@link Api}), the folder's files read-only
 * ({@link RunFiles}) and the page ({@link StaticAssets}). Every response carries the explorer's
 * Content-Security-Policy; errors are {@code {"error": ...}} with no stack trace. Close it to stop.
 */
public final class Explorer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Explorer.class);
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ServedFolder served;
    private final Runs runs;

    private Explorer(HttpServer server, ExecutorService executor, ServedFolder served, Runs runs) {
        this.server = server;
        this.executor = executor;
        this.served = served;
        this.runs = runs;
    }

    /**
     * Serves {@code folder} (a run folder with {@code results.duckdb}, or a sweep folder with {@code
     * sweep.duckdb}). A run folder's tables are read before this returns. Throws {@link
     * ExplorerException} for a folder it cannot serve, {@link IOException} when the port is taken.
     */
    public static Explorer start(Path folder, ExplorerSettings settings) throws IOException {
        ServedFolder served = ServedFolder.open(folder);
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByName(settings.bindHost()), settings.port()), 0);
        Runs runs = new Runs(served);
        Api api = new Api(served, runs);
        if (served.kind() == ServedFolder.Kind.RUN) {
            try {
                api.warmUp();
            } catch (RuntimeException e) {
                server.stop(0);
                runs.close();
                throw e;
            }
        }
        AtomicInteger thread = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread t = new Thread(task, "explorer-http-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, served, api));
        server.start();
        Explorer explorer = new Explorer(server, executor, served, runs);
        LOG.info("explorer: serving {} at {}", served.root(), explorer.uri());
        return explorer;
    }

    private static void handle(HttpExchange exchange, ServedFolder served, Api api) {
        Response response;
        try {
            if (!exchange.getRequestMethod().equals("GET")
                    && !exchange.getRequestMethod().equals("HEAD")) {
                throw HttpError.methodNotAllowed();
            }
            URI uri = exchange.getRequestURI();
            Request request = Request.of(uri.getRawPath(), uri.getRawQuery());
            String path = request.rawPath();
            if (path.startsWith("/api/")) {
                response = api.handle(request);
            } else if (path.startsWith(RunFiles.PREFIX)) {
                response = RunFiles.serve(served, path);
            } else {
                response = StaticAssets.serve(path);
            }
        } catch (HttpError e) {
            response = Response.error(e.status(), e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.warn("explorer: {} failed", exchange.getRequestURI(), e);
            response = Response.error(500, "internal error: " + e.getClass().getSimpleName());
        }
        send(exchange, response);
    }

    private static void send(HttpExchange exchange, Response response) {
        try (exchange) {
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", response.contentType());
            headers.set("Content-Security-Policy", response.csp());
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException e) {
            LOG.debug("explorer: client went away during {}", exchange.getRequestURI(), e);
        }
    }

    /** The address it listens on, as a URL ending in {@code /}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /** The address the socket is bound to. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Whether this folder is a sweep (else a run). */
    public boolean sweep() {
        return served.kind() == ServedFolder.Kind.SWEEP;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        runs.close();
    }
}
