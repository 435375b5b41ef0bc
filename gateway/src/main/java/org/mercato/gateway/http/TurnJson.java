package org.mercato.gateway.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mercato.gateway.turns.Turn;
import org.mercato.gateway.wire.WireCodec;

/** A {@link Turn} as both interfaces send it: {@code {"agent","turn","time","observations"}}. */
final class TurnJson {
    private TurnJson() {}

    static ObjectNode of(Turn turn) {
        ObjectNode node = WireCodec.JSON.createObjectNode();
        node.put("agent", turn.agent());
        node.put("turn", turn.number());
        node.put("time", turn.time());
        node.putArray("observations").addAll(turn.observations());
        return node;
    }

    static ArrayNode of(List<Turn> turns) {
        ArrayNode array = WireCodec.JSON.createArrayNode();
        turns.forEach(turn -> array.add(of(turn)));
        return array;
    }
}
