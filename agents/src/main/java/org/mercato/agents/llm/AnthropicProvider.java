package org.mercato.agents.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import java.util.function.UnaryOperator;

/**
 * Anthropic's Messages API through {@link AnthropicChatModel}: system messages go to the {@code
 * system} field, tools and tool calls travel as {@code tool_use} and {@code tool_result} blocks.
 */
public final class AnthropicProvider extends LangChainProvider {
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1/";

    /** {@code env} looks up environment variables (System::getenv in a run, a map in tests). */
    public AnthropicProvider(ProviderSettings settings, UnaryOperator<String> env) {
        super(
                settings,
                AnthropicChatModel.builder()
                        .httpClientBuilder(httpClient(settings))
                        .baseUrl(settings.baseUrl())
                        .apiKey(apiKey(settings, env, "none"))
                        .modelName(settings.model())
                        .temperature(settings.temperature())
                        .maxTokens(settings.maxTokens())
                        .timeout(timeout(settings))
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false)
                        .build(),
                apiKey(settings, env, null));
    }
}
