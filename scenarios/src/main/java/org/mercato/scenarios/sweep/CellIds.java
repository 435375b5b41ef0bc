package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.mercato.scenarios.model.OutputConfig;
import org.mercato.scenarios.model.Scenario;

/**
 * A cell's id: the first 16 bytes (hex) of the SHA-256 of the code version and the canonical JSON
 * (keys sorted) of the resolved scenario, seed included. The {@code output} and {@code sweep}
 * sections are left out: what a run writes does not change its results, and a cell keeps its id
 * when the sweep around it grows.
 */
public final class CellIds {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CellIds() {}

    public static String of(Scenario scenario, String codeVersion) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("mercato-cell/1\n" + codeVersion + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(canonicalJson(scenario).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scenario as it counts for the id: sorted keys, no output or sweep section. */
    public static String canonicalJson(Scenario scenario) {
        Scenario core = new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.seed(),
                scenario.kernel(),
                scenario.market(),
                scenario.agents(),
                scenario.prices(),
                OutputConfig.DEFAULT,
                null);
        try {
            // through plain maps, so every level's keys are sorted, not only the records' properties
            Object plain = CANONICAL.readValue(CANONICAL.writeValueAsString(core), Object.class);
            return CANONICAL.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
