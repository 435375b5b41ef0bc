package org.mercato.agents.llm;

import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import java.util.function.UnaryOperator;

/**
 * Google's Gemini API ({@code generateContent}) through {@link GoogleAiGeminiChatModel}: tools are
 * function declarations, the model's tool calls come back as {@code functionCall} parts.
 */
public final class GeminiProvider extends LangChainProvider {
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

    /** {@code env} looks up environment variables (System::getenv in a run, a map in tests). */
    public GeminiProvider(ProviderSettings settings, UnaryOperator<String> env) {
        super(
                settings,
                GoogleAiGeminiChatModel.builder()
                        .httpClientBuilder(httpClient(settings))
                        .baseUrl(settings.baseUrl())
                        .apiKey(apiKey(settings, env, "none"))
                        .modelName(settings.model())
                        .temperature(settings.temperature())
                        .maxOutputTokens(settings.maxTokens())
                        .timeout(timeout(settings))
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false)
                        .build(),
                apiKey(settings, env, null));
    }
}
