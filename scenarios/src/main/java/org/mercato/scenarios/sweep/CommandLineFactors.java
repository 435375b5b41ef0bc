package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mercato.scenarios.load.Excerpt;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.load.ScenarioLoader;

/**
 * The factors of {@code mercato sweep --factor KEY=LEVEL,LEVEL,...}: levels are separated by the
 * commas outside brackets, braces and quotes, and each is read like the value of {@code --set
 * KEY=LEVEL} (so {@code 20ms}, {@code true}, {@code 0.5}, or a flow map such as
 * {@code {policy: immediate}}). A key given twice keeps its last levels.
 */
public final class CommandLineFactors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandLineFactors() {}

    /** The factors by key, in the order given, each as a list of levels (plain Java values). */
    public static Map<String, Object> parse(List<String> texts) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String text : texts) {
            int eq = text.indexOf('=');
            String key = eq < 0 ? "" : text.substring(0, eq).strip();
            if (key.isEmpty() || text.substring(eq + 1).isBlank()) {
                throw new ScenarioException(
                        "--factor " + Excerpt.of(text),
                        "expected KEY=LEVEL,LEVEL,..., such as market.generate.customers=10,20,40");
            }
            List<Object> levels = new ArrayList<>();
            for (String raw : split(text.substring(eq + 1))) {
                if (raw.isBlank()) {
                    throw new ScenarioException(
                            "--factor " + Excerpt.of(key),
                            "a level is empty; expected levels separated by commas, such as 10,20,40");
                }
                Object level = plain(value(key, raw));
                if (levels.contains(level)) {
                    throw new ScenarioException(
                            "--factor " + Excerpt.of(key),
                            "level " + Excerpt.quoted(raw.strip()) + " is given twice; a repeated level is the same"
                                    + " cell");
                }
                levels.add(level);
            }
            out.remove(key);
            out.put(key, levels);
        }
        return out;
    }

    private static JsonNode value(String key, String raw) {
        try {
            return ScenarioLoader.overrideValue(key, raw);
        } catch (ScenarioException e) {
            throw new ScenarioException("--factor " + Excerpt.of(key), e.problem());
        }
    }

    private static Object plain(JsonNode node) {
        try {
            return JSON.treeToValue(node, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Splits at the commas outside brackets, braces and quotes. */
    static List<String> split(String levels) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < levels.length(); i++) {
            char c = levels.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(levels.substring(start, i));
                start = i + 1;
            }
        }
        out.add(levels.substring(start));
        return out;
    }
}
