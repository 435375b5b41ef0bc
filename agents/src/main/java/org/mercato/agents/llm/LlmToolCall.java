package org.mercato.agents.llm;

/** A tool call the model asked for: its id, the tool's name and the arguments as JSON text. */
public record LlmToolCall(String id, String name, String arguments) {
    public LlmToolCall {
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        arguments = arguments == null ? "" : arguments;
    }
}
