package org.mercato.gateway.http;

/** The kinds of gateway requests timed separately. */
public enum RequestKind {
    /** {@code POST /v1/turns/{agent}/{turn}}: an HTTP client answers a turn. */
    HTTP_ANSWER,
    /** An MCP action tool (search, pay, act...): the answer, without the wait for the next turn. */
    MCP_ACTION,
    /** {@code GET /v1/turns} and MCP {@code next_turn}: mostly waiting for the market, so no gateway time. */
    POLL,
    /** Everything else (agent lists, the OpenAPI document, MCP session set-up and tool lists). */
    OTHER;

    /** Whether this kind counts as the gateway's own time per turn. */
    public boolean isTurnAnswer() {
        return this == HTTP_ANSWER || this == MCP_ACTION;
    }
}
