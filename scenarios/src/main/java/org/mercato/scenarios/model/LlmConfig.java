package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.mercato.agents.llm.LlmPages;
import org.mercato.agents.llm.ProviderSettings;
import org.mercato.storefront.Viewport;

/**
 * An agent group's language model: {@code provider} ({@code openai}: any OpenAI-compatible
 * endpoint; {@code anthropic}; {@code gemini}), {@code baseUrl} (required for openai; the vendor's
 * public endpoint by default for the others), {@code model}, {@code temperature} (0), {@code maxTokens} (512),
 * {@code apiKeyEnv} (the NAME of the environment variable holding the key; none for local servers),
 * {@code concurrency} (calls in flight, 8), {@code timeout} per attempt (60s, wall clock), {@code
 * retries} on 429, 5xx and timeouts (3), {@code backoff} before the first retry, doubling (500ms),
 * {@code cache} (record and replay), {@code history} (messages sent, 20), {@code maxToolErrors}
 * (invalid tool calls answered with an error per turn, 2), {@code prompt} (a file replacing the
 * built-in system prompt template) and {@code prefetch} (true: when the kernel expects an idle
 * agent's next observation, the model request it would cause is sent ahead and the real call uses
 * the answer if its request is identical; a wrong guess only costs a call), {@code limits}, the
 * bounds per agent ({@link LlmLimitsConfig}: turns 100, calls 300), and for a shopper how it is
 * shown results pages: {@code page} ({@code text}, the default; {@code screenshot}; {@code
 * screenshot+text}), {@code viewport} of the screenshot (1280x800) and {@code screenshots}, an
 * optional folder keeping the PNG files ({@link LlmScreenshotsConfig}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "provider",
    "baseUrl",
    "model",
    "temperature",
    "maxTokens",
    "apiKeyEnv",
    "concurrency",
    "timeout",
    "retries",
    "backoff",
    "cache",
    "history",
    "maxToolErrors",
    "prompt",
    "prefetch",
    "limits",
    "page",
    "viewport",
    "screenshots"
})
public record LlmConfig(
        String provider,
        String baseUrl,
        String model,
        Double temperature,
        Integer maxTokens,
        String apiKeyEnv,
        Integer concurrency,
        Duration timeout,
        Integer retries,
        Duration backoff,
        LlmCacheConfig cache,
        Integer history,
        Integer maxToolErrors,
        String prompt,
        Boolean prefetch,
        LlmLimitsConfig limits,
        String page,
        String viewport,
        LlmScreenshotsConfig screenshots) {
    /** The largest screenshot side taken, in CSS pixels. */
    public static final int MAX_VIEWPORT = 4096;

    public LlmConfig {
        provider = Objects.requireNonNullElse(provider, "openai");
        baseUrl = baseUrl != null ? baseUrl : ProviderSettings.defaultBaseUrl(provider);
        temperature = Objects.requireNonNullElse(temperature, 0.0);
        maxTokens = Objects.requireNonNullElse(maxTokens, 512);
        concurrency = Objects.requireNonNullElse(concurrency, 8);
        timeout = Objects.requireNonNullElse(timeout, Duration.parse("60s"));
        retries = Objects.requireNonNullElse(retries, 3);
        backoff = Objects.requireNonNullElse(backoff, Duration.parse("500ms"));
        cache = Objects.requireNonNullElse(cache, LlmCacheConfig.OFF);
        history = Objects.requireNonNullElse(history, 20);
        maxToolErrors = Objects.requireNonNullElse(maxToolErrors, 2);
        prefetch = Objects.requireNonNullElse(prefetch, true);
        limits = Objects.requireNonNullElse(limits, LlmLimitsConfig.DEFAULT);
        // page and viewport stay null when absent, so a text-only scenario's canonical JSON (its hash,
        // a sweep's cell ids) is what it was before they existed
        if (page != null) {
            try {
                LlmPages.Mode.parse(page);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("page " + e.getMessage());
            }
        }
        if (viewport != null) {
            Viewport size;
            try {
                size = Viewport.parse(viewport);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "viewport expected WIDTHxHEIGHT such as 1280x800, got '" + viewport + "'");
            }
            if (size.width() > MAX_VIEWPORT || size.height() > MAX_VIEWPORT) {
                throw new IllegalArgumentException(
                        "viewport expected sides of at most " + MAX_VIEWPORT + " pixels, got '" + viewport + "'");
            }
        }
        if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "apiKeyEnv is the name of an environment variable (letters, digits, '_'), not the key itself");
        }
        if (history < 1) {
            throw new IllegalArgumentException("history must be >= 1, was " + history);
        }
        if (maxToolErrors < 0) {
            throw new IllegalArgumentException("maxToolErrors must be >= 0, was " + maxToolErrors);
        }
        settings(provider, baseUrl, model, temperature, maxTokens, apiKeyEnv, concurrency, timeout, retries, backoff);
    }

    /** {@code page}, text when absent. */
    public LlmPages.Mode pageMode() {
        return page == null ? LlmPages.Mode.TEXT : LlmPages.Mode.parse(page);
    }

    /** {@code viewport}, 1280x800 when absent. */
    public Viewport viewportSize() {
        return viewport == null ? Viewport.DEFAULT : Viewport.parse(viewport);
    }

    public ProviderSettings providerSettings() {
        return settings(
                provider, baseUrl, model, temperature, maxTokens, apiKeyEnv, concurrency, timeout, retries, backoff);
    }

    private static ProviderSettings settings(
            String provider,
            String baseUrl,
            String model,
            double temperature,
            int maxTokens,
            String apiKeyEnv,
            int concurrency,
            Duration timeout,
            int retries,
            Duration backoff) {
        return new ProviderSettings(
                provider,
                baseUrl,
                model,
                temperature,
                maxTokens,
                apiKeyEnv,
                concurrency,
                Math.max(1, timeout.micros() / 1000),
                retries,
                backoff.micros() / 1000);
    }
}
