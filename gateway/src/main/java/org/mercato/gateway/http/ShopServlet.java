package org.mercato.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mercato.gateway.shop.ShopForm;
import org.mercato.gateway.shop.ShopPage;
import org.mercato.gateway.shop.ShopperView;
import org.mercato.gateway.turns.Answer;
import org.mercato.gateway.turns.ExternalGroup;
import org.mercato.gateway.turns.Turn;
import org.mercato.gateway.turns.TurnDesk;
import org.mercato.storefront.StorefrontFonts;
import org.mercato.storefront.StorefrontStyle;

/**
 * The shop pages of browser agents: {@code GET /shop/<agent>} long-polls for the agent's open turn
 * and shows it as a storefront page with forms; a form {@code POST /shop/<agent>/<turn>} answers the
 * turn on the {@link TurnDesk} exactly as {@code POST /v1/turns/{agent}/{turn}} does (so it is
 * recorded and replayed alike) and redirects (303) to the page. {@code GET /shop} lists the group's
 * agents; {@code /storefront/fonts/*} serves the pages' fonts. The filter authenticates a page by
 * its {@code ?token=} (which this servlet turns into an HttpOnly cookie and a redirect to the clean
 * URL) or by that cookie.
 */
final class ShopServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String SHOP = "/shop";
    static final String FONTS = StorefrontFonts.PATH;
    static final String COOKIE = "mercato_shop";
    static final String TOKEN_PARAMETER = "token";
    /** How long a page request waits for the agent's turn before it shows a page that reloads itself. */
    static final Duration PAGE_WAIT = Duration.ofSeconds(25);

    private static final Pattern PAGE = Pattern.compile("/shop/([^/]+)/?");
    private static final Pattern ANSWER = Pattern.compile("/shop/([^/]+)/([^/]+)");
    private static final Pattern FONT = Pattern.compile("/storefront/fonts/([A-Za-z0-9._-]+\\.ttf)");

    private final transient Guard guard;
    private final transient TurnDesk desk;
    private final transient StorefrontStyle style;
    /** What each agent has seen, for its pages (keyed by agent; no order reaches a page). */
    private final transient Map<String, ShopperView> views = new ConcurrentHashMap<>();

    ShopServlet(Guard guard, StorefrontStyle style) {
        this.guard = guard;
        this.desk = guard.desk();
        this.style = style;
    }

    static boolean isShop(String path) {
        return path.equals(SHOP) || path.startsWith(SHOP + "/");
    }

    static boolean isFont(String path) {
        return path.startsWith(FONTS);
    }

    /** The {@code token} of the query string, if it has one (read without touching a form body). */
    static Optional<String> queryToken(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(TOKEN_PARAMETER + "=")) {
                return Optional.of(
                        URLDecoder.decode(pair.substring(TOKEN_PARAMETER.length() + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** The shop cookie's value, if the request carries it. */
    static Optional<String> cookieToken(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (var cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (isFont(path) && request.getMethod().equals("GET")) {
            font(path, response);
            return;
        }
        ExternalGroup group = (ExternalGroup) request.getAttribute(Guard.GROUP_ATTRIBUTE);
        if (group.role() != ExternalGroup.Role.ASSISTANT) {
            refuse(
                    request,
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    group,
                    "the shop pages are for shopper (assistant) groups; this token acts for "
                            + group.role().label() + " agents");
            return;
        }
        switch (request.getMethod()) {
            case "GET" -> page(request, response, group);
            case "POST" -> answer(request, response, group);
            default ->
                send(
                        response,
                        HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                        ShopPage.notice(
                                "Not served",
                                "method " + JsonReplies.oneLine(request.getMethod()) + " is not served here",
                                null,
                                0));
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, ExternalGroup group)
            throws IOException {
        String path = request.getRequestURI();
        if (path.equals(SHOP) || path.equals(SHOP + "/")) {
            if (withCookie(request, response, SHOP)) {
                return;
            }
            send(response, HttpServletResponse.SC_OK, ShopPage.agents(group.name(), group.agentIds()));
            return;
        }
        Matcher matcher = PAGE.matcher(path);
        if (!matcher.matches()) {
            notFound(response, path);
            return;
        }
        String agent = decode(matcher.group(1));
        if (!Guard.owns(group, agent)) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, group, Guard.notYours(group, agent));
            return;
        }
        if (withCookie(request, response, ShopPage.pagePath(agent))) {
            return;
        }
        Duration wait;
        try {
            wait = request.getParameter("wait") == null ? PAGE_WAIT : ApiServlet.waitOf(request.getParameter("wait"));
        } catch (IllegalArgumentException e) {
            send(response, HttpServletResponse.SC_BAD_REQUEST, ShopPage.notice("Bad request", e.getMessage(), null, 0));
            return;
        }
        RequestTimer timer = ApiServlet.timer(request);
        timer.kind(RequestKind.POLL);
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                List<Turn> open = desk.open(group, Optional.of(agent));
                if (!open.isEmpty()) {
                    Turn turn = open.get(0);
                    ShopperView view = views.computeIfAbsent(agent, id -> new ShopperView());
                    view.absorb(turn);
                    send(response, HttpServletResponse.SC_OK, ShopPage.turn(turn, view.snapshot(), style));
                    return;
                }
                // before the run's end: a shopper's "done" can end the run before its page reloads
                Optional<String> done = desk.doneWhy(agent);
                if (done.isPresent()) {
                    send(response, HttpServletResponse.SC_OK, ShopPage.notice("Done", done.get() + ".", null, 0));
                    return;
                }
                if (desk.ended()) {
                    sendEnded(response, HttpServletResponse.SC_OK);
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    String text = desk.visitOver(agent)
                            ? "The visit is over; this page shows the next one when the market starts it."
                            : "Waiting for the market: this page shows the next turn when it comes.";
                    send(response, HttpServletResponse.SC_OK, ShopPage.notice("Waiting", text, null, 1));
                    return;
                }
                long before = System.nanoTime();
                desk.poll(group, Optional.of(agent), Duration.ofNanos(left));
                timer.waited(System.nanoTime() - before);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(
                    response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    ShopPage.notice("Stopping", "The gateway is stopping.", null, 0));
        }
    }

    /**
     * When the request came with {@code ?token=}: sets the cookie and redirects to {@code clean}, the
     * same page without the token (so it leaves the address bar and the history); whether it did.
     */
    private static boolean withCookie(HttpServletRequest request, HttpServletResponse response, String clean) {
        Optional<String> token = queryToken(request);
        if (token.isEmpty()) {
            return false;
        }
        response.addHeader("Set-Cookie", COOKIE + "=" + token.get() + "; Path=" + SHOP + "; HttpOnly; SameSite=Strict");
        redirect(response, clean);
        return true;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, ExternalGroup group)
            throws IOException {
        Matcher matcher = ANSWER.matcher(request.getRequestURI());
        if (!matcher.matches()) {
            notFound(response, request.getRequestURI());
            return;
        }
        ApiServlet.timer(request).kind(RequestKind.HTTP_ANSWER);
        String agent = decode(matcher.group(1));
        if (!Guard.owns(group, agent)) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, group, Guard.notYours(group, agent));
            return;
        }
        String back = ShopPage.pagePath(agent);
        long turn;
        try {
            turn = Long.parseLong(matcher.group(2));
        } catch (NumberFormatException e) {
            turn = -1;
        }
        if (turn < 0) {
            send(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    ShopPage.notice("Not a turn", "the turn number must be an integer >= 0", back, 0));
            return;
        }
        if (desk.ended()) {
            sendEnded(response, HttpServletResponse.SC_GONE);
            return;
        }
        ShopperView view = views.computeIfAbsent(agent, id -> new ShopperView());
        List<JsonNode> actions;
        try {
            actions = ShopForm.actions(request::getParameter, view.snapshot());
        } catch (IllegalArgumentException e) {
            guard.record(
                    HttpServletResponse.SC_BAD_REQUEST,
                    request.getMethod(),
                    request.getRequestURI(),
                    group,
                    e.getMessage());
            send(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    ShopPage.notice("Not understood", e.getMessage(), back, 0));
            return;
        }
        Answer answer = desk.answer(agent, turn, actions);
        if (answer instanceof Answer.Accepted) {
            view.answered(actions);
            redirect(response, back);
        } else if (answer instanceof Answer.Invalid invalid) {
            send(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    ShopPage.notice("Not accepted", invalid.message(), back, 0));
        } else if (answer instanceof Answer.NotOpen notOpen) {
            send(response, HttpServletResponse.SC_CONFLICT, ShopPage.notice("Not open", notOpen.why(), back, 0));
        } else {
            sendEnded(response, HttpServletResponse.SC_GONE);
        }
    }

    /** The page of a market that has closed, with {@code status} (200 for a page, 410 for an answer). */
    private static void sendEnded(HttpServletResponse response, int status) throws IOException {
        send(
                response,
                status,
                ShopPage.notice("The run has ended", "The market is closed: nothing more to do.", null, 0));
    }

    private static void font(String path, HttpServletResponse response) throws IOException {
        Matcher matcher = FONT.matcher(path);
        Optional<byte[]> bytes = matcher.matches() ? StorefrontFonts.open(matcher.group(1)) : Optional.empty();
        if (bytes.isEmpty()) {
            notFound(response, path);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(StorefrontFonts.CONTENT_TYPE);
        response.setHeader("Cache-Control", "max-age=86400");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.get().length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes.get());
        }
    }

    /** Records the refusal (never the token) and answers with a page saying why. */
    void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, ExternalGroup group, String reason)
            throws IOException {
        guard.record(status, request.getMethod(), request.getRequestURI(), group, reason);
        send(response, status, ShopPage.notice("Refused", reason, null, 0));
    }

    private static void notFound(HttpServletResponse response, String path) throws IOException {
        send(
                response,
                HttpServletResponse.SC_NOT_FOUND,
                ShopPage.notice("Not found", "no page " + JsonReplies.oneLine(path), null, 0));
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLength(0);
    }

    static void send(HttpServletResponse response, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Content-Security-Policy", ShopPage.CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
