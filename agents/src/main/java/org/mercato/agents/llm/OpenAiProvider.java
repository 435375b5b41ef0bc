package org.mercato.agents.llm;

import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.function.UnaryOperator;

/** An OpenAI-compatible chat endpoint (OpenAI, vLLM, Ollama, llama.cpp) through {@link OpenAiChatModel}. */
public final class OpenAiProvider extends LangChainProvider {
    /** {@code env} looks up environment variables (System::getenv in a run, a map in tests). */
    public OpenAiProvider(ProviderSettings settings, UnaryOperator<String> env) {
        super(
                settings,
                OpenAiChatModel.builder()
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
