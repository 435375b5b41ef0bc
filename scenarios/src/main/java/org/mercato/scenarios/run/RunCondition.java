package org.mercato.scenarios.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import org.mercato.scenarios.load.CanonicalScenario;
import org.mercato.scenarios.model.Scenario;

/**
 * Which condition a run was: its {@code --set} overrides as given, in order (empty when none), and
 * the SHA-256 of its resolved scenario's canonical JSON ({@link CanonicalScenario}: sorted keys,
 * seed included, {@code output} and {@code sweep} left out). The {@code condition} block of {@code
 * summary.json}, a {@link RunFact}; its {@link #label()} names the run folder and the report.
 */
@JsonPropertyOrder({"overrides", "scenarioHash"})
public record RunCondition(List<String> overrides, String scenarioHash) {
    /** The longest label; a longer one is cut and ends with a short hash of the whole. */
    static final int MAX_LABEL = 60;

    private static final int HASH_CHARS = 8;

    public RunCondition {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    public static RunCondition of(Scenario scenario, List<String> overrides) {
        return new RunCondition(overrides, CanonicalScenario.sha256(scenario));
    }

    /**
     * A short, file-name-safe label of the overrides: each as its key's last segment {@code =} its
     * value ({@code agents.services[0].params.tactic=authority} gives {@code tactic=authority}),
     * joined by {@code _}, other characters turned to {@code -}; at most {@value #MAX_LABEL} characters
     * (cut, then {@code -} and 8 hex digits of the SHA-256 of the overrides); empty without overrides.
     */
    @JsonIgnore
    public String label() {
        if (overrides.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            String key = eq < 0 ? override : override.substring(0, eq);
            String value = eq < 0 ? "" : override.substring(eq + 1);
            String last = key.substring(key.lastIndexOf('.') + 1).replaceAll("\\[(\\d+)]", "$1");
            parts.add(safe(last) + "=" + safe(value));
        }
        String label = String.join("_", parts);
        if (label.length() <= MAX_LABEL) {
            return label;
        }
        String hash = CanonicalScenario.sha256(String.join("\n", overrides)).substring(0, HASH_CHARS);
        String head = label.substring(0, MAX_LABEL - HASH_CHARS - 1).replaceAll("[-_=]+$", "");
        return head + "-" + hash;
    }

    /** Letters, digits, '.' and '-' kept; every other run of characters one '-', none at the ends. */
    private static String safe(String text) {
        return text.strip().replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
    }
}
