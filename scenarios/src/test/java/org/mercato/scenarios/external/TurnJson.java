package org.mercato.scenarios.external;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.mercato.gateway.wire.WireCodec;

/** A JSON array of actions, as an outside agent would post it. */
final class TurnJson {
    private TurnJson() {}

    static List<JsonNode> parse(String array) {
        try {
            List<JsonNode> out = new ArrayList<>();
            WireCodec.JSON.readTree(array).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
