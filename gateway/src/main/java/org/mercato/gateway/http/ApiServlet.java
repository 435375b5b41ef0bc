package org.mercato.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mercato.gateway.turns.Answer;
import org.mercato.gateway.turns.ExternalGroup;
import org.mercato.gateway.turns.Turn;
import org.mercato.gateway.turns.TurnDesk;
import org.mercato.gateway.wire.WireCodec;

/** The HTTP/JSON interface under {@code /v1} (see docs/gateway-openapi.json). */
final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String OPENAPI_PATH = "/v1/openapi.json";
    static final int MAX_WAIT_SECONDS = 60;

    /** Every route this servlet answers, as the OpenAPI document names them. */
    static final List<String> ROUTES =
            List.of("GET /v1/agents", "GET /v1/turns", "POST /v1/turns/{agent}/{turn}", "GET " + OPENAPI_PATH);

    private static final Pattern ANSWER_PATH = Pattern.compile("/v1/turns/([^/]+)/([^/]+)");

    private final transient Guard guard;
    private final transient TurnDesk desk;
    private final byte[] openApi;
    private final int maxRequestBytes;

    ApiServlet(Guard guard, byte[] openApi, int maxRequestBytes) {
        this.guard = guard;
        this.desk = guard.desk();
        this.openApi = openApi.clone();
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getMethod()) {
            case "GET" -> doGet(request, response);
            case "POST" -> doPost(request, response);
            default ->
                JsonReplies.error(
                        response,
                        HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                        "method " + JsonReplies.oneLine(request.getMethod()) + " is not served (see " + OPENAPI_PATH
                                + ")");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        switch (path) {
            case OPENAPI_PATH -> sendOpenApi(response);
            case "/v1/agents" -> agents(request, response);
            case "/v1/turns" -> turns(request, response);
            default -> noRoute(request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher matcher = ANSWER_PATH.matcher(request.getRequestURI());
        if (!matcher.matches()) {
            noRoute(request, response);
            return;
        }
        timer(request).kind(RequestKind.HTTP_ANSWER);
        answer(request, response, decode(matcher.group(1)), matcher.group(2));
    }

    private void sendOpenApi(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(openApi.length);
        try (var out = response.getOutputStream()) {
            out.write(openApi);
        }
    }

    private void agents(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExternalGroup group = group(request);
        ObjectNode body = WireCodec.JSON.createObjectNode();
        body.put("group", group.name());
        body.put("role", group.role().label());
        group.agentIds().forEach(body.putArray("agents")::add);
        JsonReplies.send(response, HttpServletResponse.SC_OK, body);
    }

    private void turns(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestTimer timer = timer(request);
        timer.kind(RequestKind.POLL);
        ExternalGroup group = group(request);
        Optional<String> agent = Optional.ofNullable(request.getParameter("agent"));
        if (agent.isPresent() && !Guard.owns(group, agent.get())) {
            guard.refuse(
                    request, response, HttpServletResponse.SC_FORBIDDEN, group, Guard.notYours(group, agent.get()));
            return;
        }
        Duration wait;
        try {
            wait = waitOf(request.getParameter("wait"));
        } catch (IllegalArgumentException e) {
            JsonReplies.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        String pending = request.getParameter("pending");
        if (pending != null && !pending.equals("all")) {
            JsonReplies.error(response, HttpServletResponse.SC_BAD_REQUEST, "pending takes only the value all");
            return;
        }
        List<Turn> turns = new ArrayList<>();
        try {
            if (pending != null) {
                turns.addAll(desk.open(group, agent));
            }
            if (turns.isEmpty()) {
                long before = System.nanoTime();
                turns.addAll(desk.poll(group, agent, wait));
                timer.waited(System.nanoTime() - before);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            JsonReplies.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the gateway is stopping");
            return;
        }
        ObjectNode body = WireCodec.JSON.createObjectNode();
        body.set("turns", TurnJson.of(turns));
        body.put("ended", desk.ended());
        JsonReplies.send(response, HttpServletResponse.SC_OK, body);
    }

    static Duration waitOf(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("wait must be a number of seconds from 0 to " + MAX_WAIT_SECONDS);
        }
        if (!(seconds >= 0 && seconds <= MAX_WAIT_SECONDS)) {
            throw new IllegalArgumentException("wait must be a number of seconds from 0 to " + MAX_WAIT_SECONDS);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, String agent, String turnText)
            throws IOException {
        ExternalGroup group = group(request);
        if (!Guard.owns(group, agent)) {
            guard.refuse(request, response, HttpServletResponse.SC_FORBIDDEN, group, Guard.notYours(group, agent));
            return;
        }
        long turn;
        try {
            turn = Long.parseLong(turnText);
        } catch (NumberFormatException e) {
            turn = -1;
        }
        if (turn < 0) {
            JsonReplies.error(response, HttpServletResponse.SC_BAD_REQUEST, "the turn number must be an integer >= 0");
            return;
        }
        if (desk.ended()) {
            JsonReplies.error(response, HttpServletResponse.SC_GONE, "the run has ended");
            return;
        }
        byte[] body = readLimited(request.getInputStream());
        if (body == null) {
            Guard.drain(request, response);
            guard.refuse(
                    request,
                    response,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    group,
                    "request body is over the gateway's limit of " + maxRequestBytes + " bytes");
            return;
        }
        List<JsonNode> actions;
        try {
            actions = actionsOf(body);
        } catch (IllegalArgumentException e) {
            guard.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, group, e.getMessage());
            return;
        }
        Answer answer = desk.answer(agent, turn, actions);
        if (answer instanceof Answer.Accepted) {
            JsonReplies.send(
                    response,
                    HttpServletResponse.SC_OK,
                    WireCodec.JSON.createObjectNode().put("accepted", true));
        } else if (answer instanceof Answer.Invalid invalid) {
            JsonReplies.error(response, HttpServletResponse.SC_BAD_REQUEST, invalid.message());
        } else if (answer instanceof Answer.NotOpen notOpen) {
            JsonReplies.error(response, HttpServletResponse.SC_CONFLICT, notOpen.why());
        } else {
            JsonReplies.error(response, HttpServletResponse.SC_GONE, "the run has ended");
        }
    }

    /** The body's {@code actions}, or an exception whose message is the one-line error. */
    static List<JsonNode> actionsOf(byte[] body) {
        JsonNode root;
        try {
            root = WireCodec.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(malformed(e));
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object {\"actions\": [...]}");
        }
        JsonNode actions = root.get("actions");
        if (actions == null || !actions.isArray()) {
            throw new IllegalArgumentException("the body needs \"actions\" (an array of actions, possibly empty)");
        }
        List<JsonNode> out = new ArrayList<>(actions.size());
        actions.forEach(out::add);
        return out;
    }

    /** For example {@code malformed JSON at line 1, column 13: Unexpected end-of-input: expected close marker for Array}. */
    static String malformed(JsonProcessingException e) {
        String what = String.valueOf(e.getOriginalMessage())
                .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "");
        var at = e.getLocation();
        return "malformed JSON"
                + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                + ": " + what;
    }

    /** The body, or null when it is longer than the limit (a chunked body declares no length). */
    private byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(maxRequestBytes + 1);
        return bytes.length > maxRequestBytes ? null : bytes;
    }

    private void noRoute(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonReplies.error(
                response,
                HttpServletResponse.SC_NOT_FOUND,
                "no route " + request.getMethod() + " " + request.getRequestURI() + " (see " + OPENAPI_PATH + ")");
    }

    private static ExternalGroup group(HttpServletRequest request) {
        return (ExternalGroup) request.getAttribute(Guard.GROUP_ATTRIBUTE);
    }

    static RequestTimer timer(HttpServletRequest request) {
        return (RequestTimer) request.getAttribute(RequestTimer.ATTRIBUTE);
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
