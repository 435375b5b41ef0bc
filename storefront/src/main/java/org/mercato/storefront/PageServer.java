package org.mercato.storefront;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback HTTP server Chromium loads pages from: {@code /storefront/page/<sha>} for the pages
 * currently being rendered and {@code /storefront/fonts/<name>} for the bundled fonts.
 */
final class PageServer implements AutoCloseable {
    static final String PAGES = "/storefront/page/";

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    private PageServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static PageServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "storefront-pages");
                thread.setDaemon(true);
                return thread;
            });
            PageServer pageServer = new PageServer(server, threads);
            server.createContext("/storefront/", pageServer::handle);
            server.setExecutor(threads);
            server.start();
            return pageServer;
        } catch (IOException e) {
            throw new RenderException("cannot open the loopback server chromium loads pages from: " + e, e);
        }
    }

    /** The URL of {@code page}, served until {@link #remove}. */
    URI offer(StorefrontPage page) {
        pages.put(page.sha256(), page.bytes());
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PAGES + page.sha256());
    }

    void remove(StorefrontPage page) {
        pages.remove(page.sha256());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean get = "GET".equals(exchange.getRequestMethod());
            byte[] body = null;
            String type = "text/html; charset=utf-8";
            String cache = "no-store";
            if (get && path.startsWith(PAGES)) {
                body = pages.get(path.substring(PAGES.length()));
            } else if (get && path.startsWith(StorefrontFonts.PATH)) {
                body = StorefrontFonts.open(path.substring(StorefrontFonts.PATH.length()))
                        .orElse(null);
                type = StorefrontFonts.CONTENT_TYPE;
                cache = "max-age=86400";
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", cache);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
