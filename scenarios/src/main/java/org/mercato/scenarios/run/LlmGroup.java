package org.mercato.scenarios.run;

import org.mercato.agents.llm.LlmClient;

/** One agent group that uses a language model: its role, position, policy, size and client. */
public record LlmGroup(String role, int index, String policy, int agents, LlmClient client) {}
