package org.mercato.scenarios.load;

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
 * The resolved scenario as it counts for its results: canonical JSON (keys sorted at every level),
 * seed included, the {@code output} and {@code sweep} sections left out (what a run writes does not
 * change what it simulates). The sweep's cell ids and the {@code condition.scenarioHash} of {@code
 * summary.json} are both taken over this text.
 */
public final class CanonicalScenario {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalScenario() {}

    /** The canonical JSON: sorted keys, no output, sweep or gateway section (none shapes the outcome). */
    public static String json(Scenario scenario) {
        Scenario core = new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.seed(),
                scenario.kernel(),
                scenario.market(),
                scenario.agents(),
                scenario.prices(),
                OutputConfig.DEFAULT,
                null,
                null);
        try {
            // through plain maps, so every level's keys are sorted, not only the records' properties
            Object plain = CANONICAL.readValue(CANONICAL.writeValueAsString(core), Object.class);
            return CANONICAL.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 (hex) of {@link #json}, UTF-8. */
    public static String sha256(Scenario scenario) {
        return sha256(json(scenario));
    }

    /** The SHA-256 (hex) of {@code text}, UTF-8. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
