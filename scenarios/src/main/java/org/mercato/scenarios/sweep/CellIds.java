package org.mercato.scenarios.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.mercato.scenarios.load.CanonicalScenario;
import org.mercato.scenarios.model.Scenario;

/**
 * A cell's id: the first 16 bytes (hex) of the SHA-256 of the code version and the canonical JSON
 * (keys sorted) of the resolved scenario, seed included ({@link CanonicalScenario}). The {@code
 * output} and {@code sweep} sections are left out: what a run writes does not change its results,
 * and a cell keeps its id when the sweep around it grows.
 */
public final class CellIds {
    private CellIds() {}

    public static String of(Scenario scenario, String codeVersion) {
        MessageDigest sha = CanonicalScenario.digest();
        sha.update(("mercato-cell/1\n" + codeVersion + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(canonicalJson(scenario).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /** The scenario as it counts for the id: sorted keys, no output or sweep section. */
    public static String canonicalJson(Scenario scenario) {
        return CanonicalScenario.json(scenario);
    }
}
