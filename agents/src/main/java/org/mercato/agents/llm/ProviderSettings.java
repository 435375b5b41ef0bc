package org.mercato.agents.llm;

import java.util.List;
import java.util.Objects;

/**
 * How to reach one model: the provider kind ({@code openai}: any OpenAI-compatible endpoint such
 * as OpenAI, vLLM, Ollama or llama.cpp; {@code anthropic}: the Messages API; {@code gemini}: the
 * Gemini API), base URL, model, sampling, the NAME of the environment
 * variable holding the API key (never the key), at most {@code concurrency} calls in flight, a
 * wall-clock {@code timeoutMillis} per attempt and {@code retries} extra attempts on 429, 5xx and
 * timeouts, waiting {@code backoffMillis} × 2^attempt in between.
 */
public record ProviderSettings(
        String kind,
        String baseUrl,
        String model,
        double temperature,
        int maxTokens,
        String apiKeyEnv,
        int concurrency,
        long timeoutMillis,
        int retries,
        long backoffMillis) {
    public static final List<String> KINDS = List.of("openai", "anthropic", "gemini");

    public ProviderSettings {
        Objects.requireNonNull(kind, "kind");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("provider must be one of " + KINDS + ", was '" + kind + "'");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl is required");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required");
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be within [0, 2], was " + temperature);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("timeout must be > 0");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, was " + retries);
        }
        if (backoffMillis < 0) {
            throw new IllegalArgumentException("backoff must be >= 0");
        }
    }

    /** The vendor's public endpoint for {@code kind}, or null when the kind has none (openai: give one). */
    public static String defaultBaseUrl(String kind) {
        return switch (kind) {
            case "anthropic" -> AnthropicProvider.DEFAULT_BASE_URL;
            case "gemini" -> GeminiProvider.DEFAULT_BASE_URL;
            default -> null;
        };
    }

    public ProviderIdentity identity() {
        return new ProviderIdentity(kind, model, temperature, maxTokens);
    }
}
