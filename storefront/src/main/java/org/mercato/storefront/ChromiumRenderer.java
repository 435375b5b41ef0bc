package org.mercato.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Chromium over the DevTools protocol (JDK WebSocket), started lazily on first use: one
 * browser per renderer and one tab reused for every page. Pages are served from a loopback server
 * of the renderer's own, with the bundled fonts, so nothing outside the machine is ever asked for.
 */
public final class ChromiumRenderer implements ScreenshotRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(ChromiumRenderer.class);

    /** How long one step (start, a command, a page load) may take before the screenshot fails. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Resolves once the page has loaded and its fonts are ready; answers the fonts' status. */
    private static final String READY =
            "document.fonts.ready.then(() => document.fonts.check('700 16px \"DejaVu Sans\"') ? 'fonts' : 'no fonts')";

    private final ChromiumSettings settings;
    private ChromiumProcess process;
    private PageServer server;
    private ExecutorService socketThreads;
    private DevTools devTools;
    private String session;
    private boolean closed;

    private ChromiumRenderer(ChromiumSettings settings) {
        this.settings = settings;
    }

    /** A renderer that starts no process until its first screenshot. */
    public static ChromiumRenderer start(ChromiumSettings settings) {
        return new ChromiumRenderer(Objects.requireNonNull(settings, "settings"));
    }

    /** Whether the default Chromium ({@link ChromiumSettings#defaults()}) is an executable file. */
    public static boolean available() {
        return available(ChromiumSettings.defaults());
    }

    public static boolean available(ChromiumSettings settings) {
        return Files.isRegularFile(settings.executable()) && Files.isExecutable(settings.executable());
    }

    @Override
    public synchronized byte[] screenshot(StorefrontPage page, Viewport viewport) {
        try {
            return capture(page, viewport);
        } catch (RenderException e) {
            throw afterFailure(e);
        }
    }

    private byte[] capture(StorefrontPage page, Viewport viewport) {
        load(page, viewport);
        ObjectNode clip = DevTools.params()
                .put("x", 0)
                .put("y", 0)
                .put("width", viewport.width())
                .put("height", viewport.height())
                .put("scale", 1);
        ObjectNode params = DevTools.params().put("format", "png").put("captureBeyondViewport", false);
        params.set("clip", clip);
        JsonNode shot = call("Page.captureScreenshot", params);
        return Base64.getDecoder().decode(shot.path("data").asText());
    }

    /**
     * Loads {@code page} at {@code viewport} and evaluates a JavaScript expression in it, answering its
     * value as JSON (promises are awaited). For tests and tools that inspect the rendered DOM.
     */
    public synchronized JsonNode evaluate(StorefrontPage page, Viewport viewport, String expression) {
        try {
            load(page, viewport);
            return value(expression);
        } catch (RenderException e) {
            throw afterFailure(e);
        }
    }

    /** A browser that died is dropped, so the next call starts a fresh one. */
    private RenderException afterFailure(RenderException e) {
        if (process != null && !process.alive()) {
            stop();
            return new RenderException("chromium exited while rendering: " + e.getMessage(), e);
        }
        return e;
    }

    private void load(StorefrontPage page, Viewport viewport) {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(viewport, "viewport");
        ensureStarted();
        URI url = server.offer(page);
        try {
            call(
                    "Emulation.setDeviceMetricsOverride",
                    DevTools.params()
                            .put("width", viewport.width())
                            .put("height", viewport.height())
                            .put("deviceScaleFactor", 1)
                            .put("mobile", false));
            CompletableFuture<JsonNode> loaded = devTools.next("Page.loadEventFired", session);
            JsonNode navigated = call("Page.navigate", DevTools.params().put("url", url.toString()));
            if (navigated.hasNonNull("errorText")) {
                throw new RenderException("chromium could not load the page: "
                        + navigated.get("errorText").asText());
            }
            try {
                devTools.await(loaded, "the page's load event");
            } finally {
                loaded.cancel(false);
            }
            String fonts = value(READY).asText();
            if (!"fonts".equals(fonts)) {
                LOG.warn("chromium rendered page {} without the bundled DejaVu fonts", page.sha256());
            }
        } finally {
            if (server != null) {
                server.remove(page);
            }
        }
    }

    private JsonNode value(String expression) {
        JsonNode result = call(
                "Runtime.evaluate",
                DevTools.params()
                        .put("expression", expression)
                        .put("awaitPromise", true)
                        .put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new RenderException("script failed in chromium: "
                    + result.path("exceptionDetails")
                            .path("exception")
                            .path("description")
                            .asText(result.path("exceptionDetails").path("text").asText()));
        }
        return result.path("result").path("value");
    }

    private JsonNode call(String method, ObjectNode params) {
        return devTools.call(method, params, session);
    }

    private void ensureStarted() {
        if (closed) {
            throw new RenderException("this chromium renderer is closed");
        }
        if (process != null) {
            return;
        }
        try {
            server = PageServer.start();
            process = ChromiumProcess.launch(settings, TIMEOUT);
            socketThreads = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "storefront-devtools");
                thread.setDaemon(true);
                return thread;
            });
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .executor(socketThreads)
                    .build();
            devTools = DevTools.connect(client, process.browserEndpoint(), TIMEOUT);
            String target = devTools.call(
                            "Target.createTarget", DevTools.params().put("url", "about:blank"), null)
                    .path("targetId")
                    .asText();
            session = devTools.call(
                            "Target.attachToTarget",
                            DevTools.params().put("targetId", target).put("flatten", true),
                            null)
                    .path("sessionId")
                    .asText();
            call("Page.enable", DevTools.params());
            LOG.info(
                    "chromium started for screenshots: {}",
                    devTools.call("Browser.getVersion", DevTools.params(), null)
                            .path("product")
                            .asText());
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** The Chromium build, e.g. {@code Chrome/143.0.7499.40}; starts the browser if needed. */
    public synchronized String version() {
        ensureStarted();
        return devTools.call("Browser.getVersion", DevTools.params(), null)
                .path("product")
                .asText();
    }

    static RenderException notFound(ChromiumSettings settings) {
        return new RenderException("chromium not found at " + settings.executable()
                + " (install Debian's chromium or set " + ChromiumSettings.ENV + ")");
    }

    private void stop() {
        if (devTools != null) {
            devTools.close();
        }
        if (process != null) {
            process.close();
        }
        if (server != null) {
            server.close();
        }
        if (socketThreads != null) {
            socketThreads.shutdownNow();
        }
        devTools = null;
        process = null;
        server = null;
        socketThreads = null;
        session = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }
}
