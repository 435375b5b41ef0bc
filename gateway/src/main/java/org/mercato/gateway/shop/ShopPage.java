package org.mercato.gateway.shop;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mercato.gateway.turns.Turn;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.storefront.StorefrontHtml;
import org.mercato.storefront.StorefrontStyle;

/**
 * The HTML of the shop pages: an open turn is the storefront page of the shopper's last results
 * (its search box and tiles' "Ask for a proposal" forms answer the turn) and, under its header, a
 * panel with the turn's observations, the messages and proposals (each proposal with Pay and
 * Decline), a next-page button, Wait and Done. Every text is
 * escaped and no page has a script; the {@link #CSP} allows none.
 */
public final class ShopPage {
    /** No scripts, no requests but the page's own fonts, forms only to this server. */
    public static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " font-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /** How long a page waits, wall clock, before the open turn's seconds default. */
    static final int DEFAULT_WAIT_SECONDS = 30;

    private static final Pattern BODY = Pattern.compile("<body[^>]*>");
    private static final String HEADER_END = "</header>\n";

    /** The panel's style, and an empty icon so the browser asks for no {@code /favicon.ico}. */
    private static final String STYLE = """
            <link rel="icon" href="data:,">
            <style>
            #shopper{font-family:"DejaVu Sans",sans-serif;max-width:1200px;margin:0 auto 16px;padding:12px 16px;
            border-bottom:2px solid #ccd;background:#f6f7fb;color:#111}
            #shopper h1{font-size:20px;margin:0 0 4px}#shopper h2{font-size:15px;margin:12px 0 4px}
            #shopper form{display:inline-block;margin:2px 6px 2px 0}
            #shopper table{border-collapse:collapse}#shopper td,#shopper th{padding:3px 8px;border-bottom:1px solid #dde;text-align:left}
            #shopper .problem{color:#a00;font-weight:bold}
            </style>
            """;

    private ShopPage() {}

    /** The URL of the agent's page. */
    public static String pagePath(String agent) {
        return "/shop/" + URLEncoder.encode(agent, StandardCharsets.UTF_8);
    }

    /** The URL an answer to the agent's turn is posted to. */
    public static String answerPath(String agent, long turn) {
        return pagePath(agent) + "/" + turn;
    }

    /** The page of the agent's open {@code turn}, with what {@code view} has gathered. */
    public static String turn(Turn turn, ShopperView.Snapshot view, StorefrontStyle style) {
        String action = answerPath(turn.agent(), turn.number());
        JsonNode customer = view.customer();
        SearchResults results = view.results() != null
                ? view.results()
                : new SearchResults(customer.path("request").asText(), 0, 0, List.of());
        String storefront = StorefrontHtml.render(results, style, new StorefrontHtml.Controls(action, action))
                .html();
        return inject(storefront, panel(turn, view, results, action));
    }

    private static String panel(Turn turn, ShopperView.Snapshot view, SearchResults results, String action) {
        StringBuilder out = new StringBuilder();
        JsonNode customer = view.customer();
        out.append("<section id=\"shopper\" data-agent=\"")
                .append(Html.escape(turn.agent()))
                .append("\" data-turn=\"")
                .append(turn.number())
                .append("\">\n");
        out.append("<h1>Shopping for ")
                .append(Html.escape(customer.path("name").asText(turn.agent())))
                .append("</h1>\n");
        if (customer.isObject()) {
            out.append("<p class=\"request\">")
                    .append(Html.escape(customer.path("request").asText()))
                    .append(" (")
                    .append(Html.escape(ObservationText.items(customer.path("items"))))
                    .append("), budget ")
                    .append(Html.money(customer.path("budget").asLong()))
                    .append("</p>\n");
        }
        out.append("<h2>This turn, at ")
                .append(Html.seconds(turn.time()))
                .append("</h2>\n<ul class=\"observations\">\n");
        for (JsonNode seen : turn.observations()) {
            out.append("<li data-type=\"")
                    .append(Html.escape(seen.path("type").asText()))
                    .append("\">")
                    .append(Html.escape(ObservationText.of(seen)))
                    .append("</li>\n");
        }
        out.append("</ul>\n");
        if (results.page() + 1 < results.totalPages()) {
            out.append(form(action, "search", "next-page"))
                    .append(hidden("query", results.query()))
                    .append(hidden("page", Integer.toString(results.page() + 1)))
                    .append("<button type=\"submit\">Next page</button></form>\n");
        }
        messages(out, view.messages());
        offers(out, view.offers(), action);
        out.append("<h2>Finish</h2>\n")
                .append(form(action, "wait", "wait"))
                .append(
                        "<input type=\"number\" name=\"seconds\" min=\"0.001\" step=\"any\" aria-label=\"Seconds\" value=\"")
                .append(DEFAULT_WAIT_SECONDS)
                .append("\"><button type=\"submit\">Wait</button></form>\n")
                .append(form(action, "done", "done"))
                .append("<button type=\"submit\">Done</button></form>\n");
        return out.append("</section>\n").toString();
    }

    private static void messages(StringBuilder out, List<ShopperView.Said> messages) {
        if (messages.isEmpty()) {
            return;
        }
        out.append("<h2>Messages</h2>\n<ul class=\"messages\">\n");
        for (ShopperView.Said said : messages) {
            out.append("<li><b>")
                    .append(Html.escape(said.from()))
                    .append("</b>: ")
                    .append(Html.escape(said.text()))
                    .append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static void offers(StringBuilder out, List<ShopperView.Offer> offers, String action) {
        if (offers.isEmpty()) {
            return;
        }
        out.append("<h2>Proposals</h2>\n<table class=\"proposals\">\n")
                .append("<tr><th>proposal</th><th>from</th><th>lines</th><th>total</th><th>valid until</th>")
                .append("<th>status</th><th></th></tr>\n");
        for (ShopperView.Offer offer : offers) {
            JsonNode proposal = offer.proposal();
            String status = offer.status().name().toLowerCase(java.util.Locale.ROOT);
            out.append("<tr class=\"proposal\" data-proposal=\"")
                    .append(Html.escape(offer.id()))
                    .append("\" data-status=\"")
                    .append(status)
                    .append("\"><td>")
                    .append(Html.escape(offer.id()))
                    .append("</td><td>")
                    .append(Html.escape(proposal.path("service").asText()))
                    .append("</td><td>")
                    .append(Html.escape(ObservationText.lines(proposal.path("lines"))))
                    .append("</td><td>")
                    .append(Html.money(proposal.path("total").asLong()))
                    .append("</td><td>")
                    .append(Html.seconds(proposal.path("validUntil").asLong()))
                    .append("</td><td>")
                    .append(Html.escape(status + (offer.note().isEmpty() ? "" : ": " + offer.note())))
                    .append("</td><td>");
            if (offer.status() == ShopperView.Status.OPEN) {
                out.append(form(action, "pay", "pay"))
                        .append(hidden("proposal", offer.id()))
                        .append("<button type=\"submit\">Pay</button></form>")
                        .append(form(action, "decline", "decline"))
                        .append(hidden("proposal", offer.id()))
                        .append("<button type=\"submit\">Decline</button></form>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static String form(String action, String kind, String cssClass) {
        return "<form class=\"" + cssClass + "\" method=\"post\" action=\"" + Html.escape(action) + "\">"
                + hidden("action", kind);
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">";
    }

    /** The panel at the top of the storefront page's body, its style at the end of the head. */
    static String inject(String storefront, String panel) {
        String styled = storefront.contains("</head>")
                ? storefront.replaceFirst("</head>", Matcher.quoteReplacement(STYLE + "</head>"))
                : STYLE + storefront;
        int header = styled.indexOf(HEADER_END);
        if (header >= 0) {
            int at = header + HEADER_END.length();
            return styled.substring(0, at) + panel + styled.substring(at);
        }
        Matcher body = BODY.matcher(styled);
        if (!body.find()) {
            return styled + panel;
        }
        return styled.substring(0, body.end()) + "\n" + panel + styled.substring(body.end());
    }

    /** A page with a title and one line of text, and a link to the agent's page when {@code back} is given. */
    public static String notice(String title, String text, String back, int refreshSeconds) {
        StringBuilder out =
                new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        if (refreshSeconds > 0) {
            out.append("<meta http-equiv=\"refresh\" content=\"")
                    .append(refreshSeconds)
                    .append("\">\n");
        }
        out.append("<title>")
                .append(Html.escape(title))
                .append("</title>\n")
                .append(STYLE)
                .append("</head>\n<body>\n");
        out.append("<section id=\"shopper\" class=\"notice\">\n<h1>")
                .append(Html.escape(title))
                .append("</h1>\n<p class=\"text\">")
                .append(Html.escape(text))
                .append("</p>\n");
        if (back != null) {
            out.append("<p><a href=\"").append(Html.escape(back)).append("\">Back to the shop page</a></p>\n");
        }
        return out.append("</section>\n</body>\n</html>\n").toString();
    }

    /** The list of the group's agents, each a link to its page. */
    public static String agents(String group, List<String> agents) {
        StringBuilder out = new StringBuilder(
                        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(group))
                .append("</title>\n")
                .append(STYLE)
                .append("</head>\n<body>\n<section id=\"shopper\">\n<h1>Shoppers of group ")
                .append(Html.escape(group))
                .append("</h1>\n<ul class=\"agents\">\n");
        for (String agent : agents) {
            out.append("<li><a href=\"")
                    .append(Html.escape(pagePath(agent)))
                    .append("\">")
                    .append(Html.escape(agent))
                    .append("</a></li>\n");
        }
        return out.append("</ul>\n</section>\n</body>\n</html>\n").toString();
    }
}
