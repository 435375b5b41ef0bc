package org.mercato.agents.llm;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A tool offered to the model with JSON-schema parameters. A parameter's {@code type} is one of
 * {@code string}, {@code integer}, {@code number}, {@code strings} (an array of strings) or {@code
 * lines} (an array of {@code {item, quantity}} objects).
 */
public record LlmTool(String name, String description, List<Param> params) {
    public static final Set<String> TYPES = Set.of("string", "integer", "number", "strings", "lines");

    public LlmTool {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        params = params == null ? List.of() : List.copyOf(params);
    }

    public record Param(String name, String type, String description, boolean required) {
        public Param {
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("unknown parameter type " + type);
            }
        }
    }
}
