package org.mercato.gateway.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mercato.gateway.turns.ExternalGroup;
import org.mercato.gateway.turns.TurnDesk;

/**
 * Who may do what: finds the group of a request's bearer token, checks that an agent is the
 * group's, and refuses requests with a JSON error and an audit record (never the token).
 */
final class Guard {
    static final String GROUP_ATTRIBUTE = ExternalGroup.class.getName();
    private static final String BEARER = "bearer ";

    private final TurnDesk desk;
    private final GatewayAudit audit;
    private final Set<String> connected = ConcurrentHashMap.newKeySet();

    Guard(TurnDesk desk, GatewayAudit audit) {
        this.desk = desk;
        this.audit = audit;
    }

    /** The group whose token the request carries, or a reason to refuse it with 401. */
    Authentication authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return new Authentication(null, "missing bearer token (send the header Authorization: Bearer <token>)");
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return new Authentication(null, "the Authorization header must be: Bearer <token>");
        }
        return ofToken(header.substring(BEARER.length()).strip());
    }

    /**
     * The group of a shop page request: its {@code ?token=} (the link a browser agent is given) or
     * else its shop cookie; or a reason to refuse it with 401.
     */
    Authentication authenticateBrowser(HttpServletRequest request) {
        Optional<String> token = ShopServlet.queryToken(request).or(() -> ShopServlet.cookieToken(request));
        if (token.isEmpty()) {
            return new Authentication(
                    null,
                    "no shop cookie: open this page once as " + ShopServlet.SHOP
                            + "/<agent>?token=<the group's token from gateway-tokens.json>");
        }
        return ofToken(token.get());
    }

    private Authentication ofToken(String token) {
        Optional<ExternalGroup> group = desk.groupOfToken(token);
        if (group.isEmpty()) {
            return new Authentication(null, "unknown token");
        }
        if (connected.add(group.get().name())) {
            desk.markConnected(group.get());
        }
        return new Authentication(group.get(), null);
    }

    /** The outcome of {@link #authenticate}: a group, or why there is none. */
    record Authentication(ExternalGroup group, String refusal) {}

    static boolean owns(ExternalGroup group, String agent) {
        return group.agentIds().contains(agent);
    }

    static String notYours(ExternalGroup group, String agent) {
        return "agent " + JsonReplies.oneLine(agent) + " is not one of group " + group.name() + "'s agents";
    }

    /** Records the refusal and sends {@code {"error": reason}} with {@code status}. */
    void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, ExternalGroup group, String reason)
            throws IOException {
        record(status, request.getMethod(), request.getRequestURI(), group, reason);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        JsonReplies.error(response, status, reason);
    }

    /** Records a refusal without a response (MCP tool calls answer with a tool error instead). */
    void record(int status, String method, String path, ExternalGroup group, String reason) {
        audit.refused(new GatewayAudit.Refusal(
                status,
                JsonReplies.oneLine(method),
                JsonReplies.oneLine(path),
                group == null ? null : group.name(),
                JsonReplies.oneLine(reason)));
    }

    /** The most of an oversized body read (and dropped) before refusing it, so the client sees the 413. */
    static final long DRAIN_LIMIT = 16L << 20;

    /**
     * Reads and drops what is left of the request's body, up to {@link #DRAIN_LIMIT}: a server that
     * answers while the client still sends can reset the connection before the client reads the
     * answer. Past the limit the connection is closed instead.
     */
    static void drain(HttpServletRequest request, HttpServletResponse response) {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try (var in = request.getInputStream()) {
            int n;
            while (read <= DRAIN_LIMIT && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
        if (read > DRAIN_LIMIT) {
            response.setHeader("Connection", "close");
        }
    }

    TurnDesk desk() {
        return desk;
    }
}
