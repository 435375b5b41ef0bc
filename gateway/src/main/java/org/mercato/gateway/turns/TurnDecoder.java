package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.mercato.sim.protocol.Action;

/**
 * Turns one answer's JSON actions into the protocol's records, or throws {@link
 * org.mercato.gateway.wire.WireException} with a one-line message; called by {@link TurnDesk#answer}
 * on the answering thread, so it reads only what it captured when the turn opened.
 */
@FunctionalInterface
interface TurnDecoder {
    List<? extends Action> decode(List<JsonNode> actions);
}
