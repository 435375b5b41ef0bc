package org.mercato.scenarios.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Describes malformed YAML in one line, from SnakeYAML's problem and context. */
final class YamlSyntax {
    private YamlSyntax() {}

    static ScenarioException malformed(String source, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                Mark mark = marked.getProblemMark();
                StringBuilder problem = new StringBuilder("malformed YAML: ").append(marked.getProblem());
                if (marked.getContext() != null) {
                    problem.append(" (").append(marked.getContext());
                    Mark context = marked.getContextMark();
                    if (context != null && context.getLine() != mark.getLine()) {
                        problem.append(" that starts at line ").append(context.getLine() + 1);
                    }
                    problem.append(')');
                }
                if (marked.getProblem() != null && marked.getProblem().startsWith("expected <block end>")) {
                    problem.append("; check the indentation");
                }
                return new ScenarioException(source, mark.getLine() + 1, mark.getColumn() + 1, "", problem.toString());
            }
        }
        YamlIndex.Position at = YamlIndex.Position.of(e.getLocation());
        return new ScenarioException(
                source,
                at.line(),
                at.column(),
                "",
                "malformed YAML: " + ScenarioException.oneLine(e.getOriginalMessage()));
    }
}
