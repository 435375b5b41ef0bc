package org.mercato.agents.llm;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The parts of a provider's configuration that shape an answer and so belong in the cache key.
 * The base URL and key do not: the same model served by vLLM or by a hosted API shares recordings.
 */
@JsonPropertyOrder({"kind", "model", "temperature", "maxTokens"})
public record ProviderIdentity(String kind, String model, double temperature, int maxTokens) {}
