package org.mercato.agents.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * LangChain4j's HTTP client for our providers: one deadline for the whole exchange, body included.
 * The JDK client's request timeout stops at the response headers, so a server that sends headers
 * and then one byte a second would hold a call for as long as it likes; here the exchange is
 * cancelled at the deadline (which closes its connection) and the call fails with a {@link
 * TimeoutException}. A 2xx answer that is empty or not JSON fails with a {@link BadAnswer} naming
 * what came instead (its first line, short); an error status is an {@link HttpException}, as with
 * LangChain4j's own client. Streaming is not used by the providers and goes to LangChain4j's client.
 */
final class DeadlineHttpClient implements HttpClient {
    private final java.net.http.HttpClient http;
    private final Duration deadline;
    private final java.net.http.HttpClient.Builder builder;
    /** LangChain4j's client for streaming, made on first use (no provider streams today). */
    private HttpClient streaming;

    private DeadlineHttpClient(Duration deadline) {
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(deadline);
        this.http = builder.build();
        this.builder = builder;
        this.deadline = deadline;
    }

    /** A builder whose client bounds every exchange by {@code deadline}, whatever timeouts the model sets. */
    static HttpClientBuilder builder(Duration deadline) {
        return new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return deadline;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                return this;
            }

            @Override
            public Duration readTimeout() {
                return deadline;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                return this;
            }

            @Override
            public HttpClient build() {
                return new DeadlineHttpClient(deadline);
            }
        };
    }

    /** A 2xx answer that is no answer: empty, or not JSON. The message is safe to show (short, one line). */
    static final class BadAnswer extends RuntimeException {
        BadAnswer(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder()
                .uri(URI.create(request.url()))
                .timeout(deadline);
        request.headers().forEach((name, values) -> values.forEach(value -> jdk.header(name, value)));
        jdk.method(
                request.method().name(),
                request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        CompletableFuture<HttpResponse<byte[]>> exchange =
                http.sendAsync(jdk.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true); // the JDK client aborts the exchange and closes its connection
            throw new dev.langchain4j.exception.TimeoutException("no complete answer within " + deadline, e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new RuntimeException(cause);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new HttpException(response.statusCode(), body);
        }
        checkJson(body);
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    /** Throws a {@link BadAnswer} when {@code body} is empty or does not start like a JSON document. */
    static void checkJson(String body) {
        String text = body.strip();
        if (text.isEmpty()) {
            throw new BadAnswer("empty body");
        }
        char first = text.charAt(0);
        if (first != '{' && first != '[') {
            throw new BadAnswer("not JSON: " + FailureText.firstLine(text));
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpClient client;
        synchronized (this) {
            if (streaming == null) {
                streaming = JdkHttpClient.builder()
                        .httpClientBuilder(builder)
                        .connectTimeout(deadline)
                        .readTimeout(deadline)
                        .build();
            }
            client = streaming;
        }
        client.execute(request, parser, listener);
    }
}
