package org.mercato.agents.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A chat endpoint through one of LangChain4j's {@link ChatModel}s; the subclasses build the
 * vendor's model ({@link OpenAiProvider}, {@link AnthropicProvider}, {@link GeminiProvider}) and
 * this class maps our provider-neutral request and response onto LangChain4j's. At most {@code concurrency} calls are in flight (a fair semaphore, so waiting agents are
 * served in arrival order); each attempt has the configured timeout for the whole exchange, body
 * included ({@link DeadlineHttpClient}); 429, 5xx, timeouts and dropped connections are
 * retried {@code retries} times with exponential backoff on the wall clock, then the call fails
 * with an {@link LlmException} that names the status but never the body (it may quote the key).
 * So a call takes at most (retries + 1) × timeout plus the backoffs, besides waiting for a permit.
 * LangChain4j's own retries are off so there is exactly one retry policy.
 */
public abstract class LangChainProvider implements ChatProvider, AutoCloseable {
    private final ProviderSettings settings;
    private final ChatModel model;
    private final Semaphore permits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong httpAttempts = new AtomicLong();
    private final Prefetcher prefetcher;
    /** The API key, only to mask it in failure texts; null when none is set. */
    private final String key;

    /**
     * {@code model} must not retry by itself, nor log requests or responses (they carry the key);
     * {@code key} (null when none) is only used to mask it should an answer quote it.
     */
    protected LangChainProvider(ProviderSettings settings, ChatModel model, String key) {
        this.settings = settings;
        this.model = model;
        this.key = key;
        this.permits = new Semaphore(settings.concurrency(), true);
        this.prefetcher = new Prefetcher(
                permits, request -> attempts(toLangChain(request), true), pending, 4 * settings.concurrency());
    }

    /**
     * The provider for {@code settings.kind()}; {@code env} looks up environment variables
     * (System::getenv in a run, a map in tests).
     */
    public static LangChainProvider create(ProviderSettings settings, UnaryOperator<String> env) {
        return switch (settings.kind()) {
            case "openai" -> new OpenAiProvider(settings, env);
            case "anthropic" -> new AnthropicProvider(settings, env);
            case "gemini" -> new GeminiProvider(settings, env);
            default -> throw new IllegalArgumentException("unknown provider " + settings.kind());
        };
    }

    /** The key from the settings' environment variable, or {@code fallback} when none is set. */
    protected static String apiKey(ProviderSettings settings, UnaryOperator<String> env, String fallback) {
        String key = settings.apiKeyEnv() == null ? null : env.apply(settings.apiKeyEnv());
        return key == null || key.isEmpty() ? fallback : key;
    }

    /**
     * The HTTP client for {@code settings}: the JDK's, on HTTP/1.1 (loopback test servers and some
     * proxies lack h2c), with the timeout as a deadline for each whole exchange, body included.
     */
    protected static HttpClientBuilder httpClient(ProviderSettings settings) {
        return DeadlineHttpClient.builder(timeout(settings));
    }

    protected static java.time.Duration timeout(ProviderSettings settings) {
        return java.time.Duration.ofMillis(settings.timeoutMillis());
    }

    @Override
    public ProviderIdentity identity() {
        return settings.identity();
    }

    public ProviderSettings settings() {
        return settings;
    }

    /** HTTP attempts made so far, retries included. */
    public long httpAttempts() {
        return httpAttempts.get();
    }

    /**
     * Real calls in progress right now: in flight, waiting for a permit, backing off, or waiting for
     * their speculative answer; speculative calls are not counted.
     */
    public int pending() {
        return pending.get();
    }

    /** HTTP calls in flight right now, speculative ones included. */
    public int inFlight() {
        return inFlight.get();
    }

    /** This provider's speculative calls (shared by every group using it). */
    @Override
    public Prefetcher prefetcher() {
        return prefetcher;
    }

    /** Ends speculative calls (see {@link Prefetcher#close}); real calls still work. */
    @Override
    public void close() {
        prefetcher.close();
    }

    @Override
    public LlmResponse chat(LlmRequest request) {
        pending.incrementAndGet();
        try {
            return attempts(toLangChain(request), false);
        } finally {
            pending.decrementAndGet();
        }
    }

    /** {@code holding}: the caller holds a permit for all attempts (a speculative call). */
    private LlmResponse attempts(ChatRequest chatRequest, boolean holding) {
        int attempt = 0;
        while (true) {
            try {
                return once(chatRequest, holding);
            } catch (RuntimeException e) {
                int status = statusOf(e);
                boolean timeout = isTimeout(e);
                boolean retriable = timeout
                        || status == 429
                        || status >= 500
                        || e instanceof RateLimitException
                        || status == 0 && isTransportError(e) && badAnswer(e) == null;
                if (!retriable || attempt >= settings.retries()) {
                    String what = timeout
                            ? "timeout after " + FailureText.duration(settings.timeoutMillis())
                            : describe(status, e);
                    throw new LlmException(
                            settings.kind() + " model " + settings.model() + ": " + what + " (attempt " + (attempt + 1)
                                    + " of " + (settings.retries() + 1) + ")",
                            status,
                            settings.kind() + " " + settings.model() + " " + what);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted();
            }
            sleep(settings.backoffMillis() << Math.min(attempt, 20));
            if (holding && Thread.currentThread().isInterrupted()) {
                throw interrupted();
            }
            attempt++;
        }
    }

    private LlmException interrupted() {
        String what = settings.kind() + " " + settings.model() + " interrupted";
        return new LlmException(settings.kind() + " model " + settings.model() + ": interrupted", 0, what);
    }

    private LlmResponse once(ChatRequest chatRequest, boolean holding) throws InterruptedException {
        if (!holding) {
            permits.acquire();
        }
        inFlight.incrementAndGet();
        httpAttempts.incrementAndGet();
        try {
            ChatResponse response = model.chat(chatRequest);
            return fromLangChain(response);
        } finally {
            inFlight.decrementAndGet();
            if (!holding) {
                permits.release();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int statusOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http.statusCode();
            }
        }
        if (e instanceof RateLimitException) {
            return 429;
        }
        if (e instanceof InternalServerException) {
            return 500;
        }
        return 0;
    }

    /**
     * A failure below HTTP (reset, closed or refused connection): a server may close an idle
     * keep-alive connection just as a request goes out on it, so such a call is tried again.
     */
    private static boolean isTransportError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What went wrong, short and without the key: the status and its reason phrase (never the body:
     * a 401 body may quote the key), "connection refused", an empty or non-JSON answer with its
     * first line, or else the exception's class.
     */
    private String describe(int status, Throwable e) {
        if (status > 0) {
            return FailureText.status(status);
        }
        DeadlineHttpClient.BadAnswer bad = badAnswer(e);
        if (bad != null) {
            return FailureText.shown(bad.getMessage(), key);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException io) {
                return "connection failed (" + io.getClass().getSimpleName() + ")";
            }
        }
        return "request failed (" + e.getClass().getSimpleName() + ")";
    }

    private static DeadlineHttpClient.BadAnswer badAnswer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DeadlineHttpClient.BadAnswer bad) {
                return bad;
            }
        }
        return null;
    }

    static ChatRequest toLangChain(LlmRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        for (LlmMessage m : request.messages()) {
            switch (m.role()) {
                case "system" -> messages.add(SystemMessage.from(m.text()));
                case "user" -> messages.add(m.images().isEmpty() ? UserMessage.from(m.text()) : withImages(m));
                case "assistant" -> {
                    List<ToolExecutionRequest> calls = new ArrayList<>();
                    for (LlmToolCall call : m.toolCalls()) {
                        calls.add(ToolExecutionRequest.builder()
                                .id(call.id())
                                .name(call.name())
                                .arguments(call.arguments())
                                .build());
                    }
                    if (calls.isEmpty()) {
                        messages.add(AiMessage.from(m.text().isEmpty() ? "(no answer)" : m.text()));
                    } else if (m.text().isEmpty()) {
                        messages.add(AiMessage.from(calls));
                    } else {
                        messages.add(AiMessage.from(m.text(), calls));
                    }
                }
                case "tool" -> messages.add(ToolExecutionResultMessage.from(m.toolCallId(), m.toolName(), m.text()));
                default -> throw new IllegalArgumentException("unknown role " + m.role());
            }
        }
        ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
        if (!request.tools().isEmpty()) {
            List<ToolSpecification> tools = new ArrayList<>();
            for (LlmTool tool : request.tools()) {
                JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
                List<String> required = new ArrayList<>();
                for (LlmTool.Param p : tool.params()) {
                    schema.addProperty(p.name(), schema(p));
                    if (p.required()) {
                        required.add(p.name());
                    }
                }
                schema.required(required);
                tools.add(ToolSpecification.builder()
                        .name(tool.name())
                        .description(tool.description())
                        .parameters(schema.build())
                        .build());
            }
            builder.toolSpecifications(tools);
        }
        return builder.build();
    }

    /**
     * A user message with its text (if any) and then each image as base64 PNG; OpenAI is asked for
     * high detail, which {@link ImageTokens} estimates (the other vendors ignore the level).
     */
    private static UserMessage withImages(LlmMessage m) {
        List<Content> contents = new ArrayList<>();
        if (!m.text().isEmpty()) {
            contents.add(TextContent.from(m.text()));
        }
        for (LlmImage image : m.images()) {
            byte[] png;
            try {
                png = image.bytes();
            } catch (RuntimeException e) {
                String why = String.valueOf(e.getMessage())
                        .lines()
                        .findFirst()
                        .orElse("")
                        .strip();
                throw new LlmException(
                        "cannot show page " + image.page() + " at " + image.viewport() + ": " + why,
                        0,
                        "screenshot failed: " + why);
            }
            contents.add(ImageContent.from(
                    Base64.getEncoder().encodeToString(png), "image/png", ImageContent.DetailLevel.HIGH));
        }
        return UserMessage.from(contents);
    }

    private static JsonSchemaElement schema(LlmTool.Param p) {
        return switch (p.type()) {
            case "string" ->
                JsonStringSchema.builder().description(p.description()).build();
            case "integer" ->
                JsonIntegerSchema.builder().description(p.description()).build();
            case "number" ->
                JsonNumberSchema.builder().description(p.description()).build();
            case "strings" ->
                JsonArraySchema.builder()
                        .description(p.description())
                        .items(JsonStringSchema.builder().build())
                        .build();
            case "lines" ->
                JsonArraySchema.builder()
                        .description(p.description())
                        .items(JsonObjectSchema.builder()
                                .addStringProperty("item")
                                .addIntegerProperty("quantity")
                                .required("item", "quantity")
                                .build())
                        .build();
            default -> throw new IllegalArgumentException(p.type());
        };
    }

    static LlmResponse fromLangChain(ChatResponse response) {
        AiMessage ai = response.aiMessage();
        List<LlmToolCall> calls = new ArrayList<>();
        if (ai.hasToolExecutionRequests()) {
            for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
                // Gemini's function calls may carry no id; a positional one keeps replies matched and cache keys
                // stable.
                String id = r.id() == null || r.id().isBlank() ? "call_" + (calls.size() + 1) : r.id();
                calls.add(new LlmToolCall(id, r.name(), r.arguments()));
            }
        }
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        return new LlmResponse(ai.text(), calls, in, out);
    }
}
