package org.mercato.gateway.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mercato.gateway.shop.ShopPage;
import org.mercato.gateway.turns.ExternalGroup;

/**
 * In front of every route: times the request, lets the OpenAPI document and the storefront fonts
 * through without a token, refuses a missing or unknown token (401; the shop pages take it from
 * their cookie or {@code ?token=} instead of the header), a declared body over the limit (413) and another
 * group's MCP session (403), and hands the request's group to the handlers.
 */
final class GatewayFilter implements Filter {
    static final String MCP_PATH = "/mcp";
    private static final String SESSION_HEADER = "Mcp-Session-Id";
    private final Guard guard;
    private final GatewayStats stats;
    private final int maxRequestBytes;
    /** Which group opened each MCP session: another group's token may not use it. */
    private final Map<String, String> mcpSessions = new ConcurrentHashMap<>();

    GatewayFilter(Guard guard, GatewayStats stats, int maxRequestBytes) {
        this.guard = guard;
        this.stats = stats;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        RequestTimer timer = new RequestTimer();
        request.setAttribute(RequestTimer.ATTRIBUTE, timer);
        try {
            String path = request.getRequestURI();
            if (ApiServlet.OPENAPI_PATH.equals(path) || ShopServlet.isFont(path)) {
                chain.doFilter(request, response);
                return;
            }
            boolean shop = ShopServlet.isShop(path);
            Guard.Authentication auth = shop ? guard.authenticateBrowser(request) : guard.authenticate(request);
            if (auth.group() == null) {
                refuse(shop, request, response, HttpServletResponse.SC_UNAUTHORIZED, null, auth.refusal());
                return;
            }
            long length = request.getContentLengthLong();
            if (length > maxRequestBytes) {
                Guard.drain(request, response);
                refuse(
                        shop,
                        request,
                        response,
                        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        auth.group(),
                        tooLarge(length + " bytes"));
                return;
            }
            request.setAttribute(Guard.GROUP_ATTRIBUTE, auth.group());
            boolean mcp = MCP_PATH.equals(request.getRequestURI());
            String session = mcp ? request.getHeader(SESSION_HEADER) : null;
            String owner = session == null ? null : mcpSessions.get(session);
            if (owner != null && !owner.equals(auth.group().name())) {
                guard.refuse(
                        request,
                        response,
                        HttpServletResponse.SC_FORBIDDEN,
                        auth.group(),
                        "this MCP session belongs to another group");
                return;
            }
            chain.doFilter(request, response);
            String created = mcp && session == null ? response.getHeader(SESSION_HEADER) : null;
            if (created != null) {
                mcpSessions.putIfAbsent(created, auth.group().name());
            }
        } finally {
            stats.record(timer.kind(), timer.handlingNanos());
        }
    }

    /** A refusal as JSON, or as a page for the shop's browser pages. */
    private void refuse(
            boolean shop,
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            ExternalGroup group,
            String reason)
            throws IOException {
        if (!shop) {
            guard.refuse(request, response, status, group, reason);
            return;
        }
        guard.record(status, request.getMethod(), request.getRequestURI(), group, reason);
        ShopServlet.send(response, status, ShopPage.notice("Refused", reason, null, 0));
    }

    String tooLarge(String size) {
        return "request body of " + size + " is over the gateway's limit of " + maxRequestBytes + " bytes";
    }
}
