package org.mercato.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket to Chromium's browser endpoint speaking the DevTools protocol: commands by id,
 * answered out of order, and events, which a caller can wait for. Sessions of attached targets
 * share the socket ("flatten" mode).
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Duration timeout;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile String closedBecause;

    private record Waiter(String method, String sessionId, CompletableFuture<JsonNode> event) {}

    private DevTools(WebSocket socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    static DevTools connect(HttpClient client, URI browserEndpoint, Duration timeout) {
        Listener listener = new Listener();
        try {
            WebSocket socket = client.newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .buildAsync(browserEndpoint, listener)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            DevTools devTools = new DevTools(socket, timeout);
            listener.owner.complete(devTools);
            return devTools;
        } catch (ExecutionException | TimeoutException e) {
            throw new RenderException("cannot connect to chromium's DevTools at " + browserEndpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while connecting to chromium", e);
        }
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Sends a command (to {@code sessionId}'s target, or the browser when null) and waits for its result. */
    JsonNode call(String method, ObjectNode params, String sessionId) {
        return await(send(method, params, sessionId), method);
    }

    CompletableFuture<JsonNode> send(String method, ObjectNode params, String sessionId) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        if (closedBecause != null) {
            pending.remove(id);
            result.completeExceptionally(new IOException(closedBecause));
            return result;
        }
        try {
            synchronized (socket) { // one text message at a time: the JDK WebSocket refuses overlapping sends
                socket.sendText(message.toString(), true).join();
            }
        } catch (CompletionException e) {
            pending.remove(id);
            result.completeExceptionally(e.getCause());
        }
        return result;
    }

    /** A future for the next event {@code method} of {@code sessionId}; register it before causing the event. */
    CompletableFuture<JsonNode> next(String method, String sessionId) {
        CompletableFuture<JsonNode> event = new CompletableFuture<>();
        synchronized (waiters) {
            waiters.add(new Waiter(method, sessionId, event));
        }
        return event;
    }

    JsonNode await(CompletableFuture<JsonNode> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RenderException("chromium did not answer " + what + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new RenderException(
                    "chromium failed " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while waiting for chromium's " + what, e);
        }
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // not one of the protocol's messages
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> result =
                    pending.remove(message.get("id").asInt());
            if (result == null) {
                return;
            }
            if (message.has("error")) {
                result.completeExceptionally(
                        new IOException(message.get("error").path("message").asText("error")));
            } else {
                result.complete(message.path("result"));
            }
            return;
        }
        String method = message.path("method").asText();
        String session = message.path("sessionId").asText(null);
        synchronized (waiters) {
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.event.isDone()) { // given up on (timed out or cancelled)
                    it.remove();
                } else if (waiter.method.equals(method) && Objects.equals(waiter.sessionId, session)) {
                    it.remove();
                    waiter.event.complete(message.path("params"));
                }
            }
        }
    }

    private void fail(String reason) {
        closedBecause = reason;
        IOException cause = new IOException(reason);
        pending.values().forEach(f -> f.completeExceptionally(cause));
        pending.clear();
        synchronized (waiters) {
            waiters.forEach(w -> w.event.completeExceptionally(cause));
            waiters.clear();
        }
    }

    @Override
    public void close() {
        fail("the DevTools connection is closed");
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private final CompletableFuture<DevTools> owner = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                owner.join().receive(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            owner.thenAccept(d -> d.fail("chromium closed the DevTools connection (" + statusCode + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            owner.thenAccept(d -> d.fail("DevTools connection failed: " + error));
        }
    }
}
