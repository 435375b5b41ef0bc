package org.mercato.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.gateway.shop.ShopForm;
import org.mercato.gateway.shop.ShopPage;
import org.mercato.storefront.StorefrontFonts;

/** The shop pages of browser agents, over HTTP against a desk the test drives. */
class ShopPagesTest {
    private static final String COOKIE = ShopServlet.COOKIE + "=" + GatewayFixture.SHOPPER_TOKEN;
    private static final String STARTED = "{\"type\":\"started\",\"customer\":{\"id\":\"a1\",\"name\":\"<b>Eve</b>\","
            + "\"request\":\"two tacos\",\"items\":{\"taco\":2},\"budget\":2000}}";
    private static final String RESULTS =
            "{\"type\":\"search-results\",\"query\":\"tacos\",\"page\":0,\"totalPages\":1,"
                    + "\"listings\":[{\"rank\":1,\"service\":\"s1\",\"name\":\"Taco <script>alert(1)</script> Bar\","
                    + "\"description\":\"d\",\"rating\":4.5,\"reviewCount\":12,\"amenities\":[],\"prices\":{\"taco\":350},"
                    + "\"row\":1,\"column\":1,\"tags\":[\"sponsored\"]}]}";
    private static final String PROPOSAL = "{\"type\":\"proposal\",\"proposal\":{\"id\":\"p-1\",\"service\":\"s1\","
            + "\"customer\":\"a1\",\"lines\":[{\"item\":\"taco\",\"quantity\":2,\"unitPrice\":350}],\"total\":700,"
            + "\"createdAt\":5,\"validUntil\":3600000005}}";

    private GatewayFixture fixture;

    @BeforeEach
    void start() {
        fixture = new GatewayFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
        assertThat(fixture.refusals)
                .extracting(GatewayAudit.Refusal::line)
                .noneMatch(line -> line.contains(GatewayFixture.SHOPPER_TOKEN));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.uri(path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return fixture.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(fixture.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", COOKIE)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return fixture.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theTokenLinkSetsAStrictHttpOnlyCookieAndRedirectsToTheCleanPage() throws Exception {
        HttpResponse<String> link = get("/shop/a1?token=" + GatewayFixture.SHOPPER_TOKEN, null);
        assertThat(link.statusCode()).isEqualTo(303);
        assertThat(link.headers().firstValue("Location")).hasValue("/shop/a1");
        assertThat(link.headers().firstValue("Set-Cookie"))
                .hasValue(COOKIE + "; Path=/shop; HttpOnly; SameSite=Strict");
        assertThat(fixture.desk.connected(fixture.shoppers)).isTrue();

        HttpResponse<String> list = get("/shop", COOKIE);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<a href=\"/shop/a1\">a1</a>", "<a href=\"/shop/a2\">a2</a>");
    }

    @Test
    void pagesWithoutAValidCookieOrForAnotherGroupAreRefusedWithAPageAndAnAuditLine() throws Exception {
        HttpResponse<String> none = get("/shop/a1", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(none.body()).contains("no shop cookie: open this page once as /shop/&lt;agent&gt;?token=");
        assertThat(get("/shop/a1", ShopServlet.COOKIE + "=wrong").statusCode()).isEqualTo(401);
        assertThat(get("/shop/s1", COOKIE).statusCode()).isEqualTo(403);
        HttpResponse<String> seller = get("/shop/s1", ShopServlet.COOKIE + "=" + GatewayFixture.SELLER_TOKEN);
        assertThat(seller.statusCode()).isEqualTo(403);
        assertThat(seller.body()).contains("the shop pages are for shopper (assistant) groups");
        // the bearer header is the API's, not the pages'
        assertThat(fixture.get("/shop/a1", GatewayFixture.SHOPPER_TOKEN).statusCode())
                .isEqualTo(401);
        assertThat(fixture.refusals).extracting(GatewayAudit.Refusal::status).containsExactly(401, 401, 403, 403, 401);
    }

    @Test
    void aTurnIsAnEscapedStorefrontPageWhoseFormsAnswerItAsTheApiWould() throws Exception {
        CompletableFuture<String> started = fixture.driver.open("a1", 0, 1_000, GatewayFixture.observations(STARTED));
        HttpResponse<String> first = get("/shop/a1", COOKIE);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Security-Policy")).hasValue(ShopPage.CSP);
        assertThat(first.body())
                .contains("&lt;b&gt;Eve&lt;/b&gt;", "two tacos (2 × taco), budget $20.00")
                .contains("action=\"/shop/a1/0\"")
                .doesNotContain("<b>Eve</b>", "<script");

        HttpResponse<String> searched = post("/shop/a1/0", "action=search&query=tacos");
        assertThat(searched.statusCode()).isEqualTo(303);
        assertThat(searched.headers().firstValue("Location")).hasValue("/shop/a1");
        assertThat(started.get(5, TimeUnit.SECONDS)).isEqualTo("answered [{\"type\":\"search\",\"query\":\"tacos\"}]");
        // the turn is closed: the same form again is a conflict, shown as a page
        HttpResponse<String> again = post("/shop/a1/0", "action=search&query=tacos");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("turn 0 of agent a1 is not open");

        CompletableFuture<String> results = fixture.driver.open("a1", 1, 2_000, GatewayFixture.observations(RESULTS));
        HttpResponse<String> page = get("/shop/a1", COOKIE);
        assertThat(page.body())
                .contains("data-service=\"s1\"", "Taco &lt;script&gt;alert(1)&lt;/script&gt; Bar")
                .doesNotContain("<script");
        assertThat(post("/shop/a1/1", "action=teleport").statusCode()).isEqualTo(400);
        assertThat(post("/shop/a1/1", "action=ask&service=s1").statusCode()).isEqualTo(303);
        assertThat(results.get(5, TimeUnit.SECONDS))
                .isEqualTo("answered [{\"type\":\"message\",\"to\":\"s1\",\"text\":\"" + ShopForm.ASK_TEXT
                        + "\",\"items\":{\"taco\":2}}]");

        CompletableFuture<String> proposal = fixture.driver.open("a1", 2, 3_000, GatewayFixture.observations(PROPOSAL));
        HttpResponse<String> offered = get("/shop/a1", COOKIE);
        assertThat(offered.body())
                .contains("data-proposal=\"p-1\" data-status=\"open\"", "2 × taco at $3.50", "$7.00")
                .contains(
                        "<input type=\"hidden\" name=\"proposal\" value=\"p-1\"><button type=\"submit\">Pay</button>");
        assertThat(post("/shop/a1/2", "action=pay&proposal=" + URLEncoder.encode("p-1", StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(303);
        assertThat(proposal.get(5, TimeUnit.SECONDS)).isEqualTo("answered [{\"type\":\"pay\",\"proposalId\":\"p-1\"}]");
    }

    @Test
    void aPageWaitsForTheTurnAndThenShowsIt() throws Exception {
        HttpResponse<String> waiting = get("/shop/a1?wait=0.1", COOKIE);
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.body()).contains("<meta http-equiv=\"refresh\" content=\"1\">", "Waiting for the market");

        CompletableFuture<HttpResponse<String>> polling = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/shop/a1?wait=10", COOKIE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        fixture.driver.open("a1", 0, 1_000, GatewayFixture.observations(STARTED));
        assertThat(polling.get(10, TimeUnit.SECONDS).body()).contains("data-turn=\"0\"");

        fixture.desk.end();
        assertThat(get("/shop/a1", COOKIE).body()).contains("The run has ended");
        assertThat(post("/shop/a1/0", "action=done").statusCode()).isEqualTo(410);
    }

    @Test
    void afterDoneThePageSaysSoOrWaitsForTheNextVisit() throws Exception {
        fixture.driver.open("a1", 0, 1_000, GatewayFixture.observations(STARTED));
        fixture.driver.awaitOpen("a1");
        assertThat(post("/shop/a1/0", "action=done").statusCode()).isEqualTo(303);
        HttpResponse<String> done = get("/shop/a1?wait=0.1", COOKIE);
        assertThat(done.body()).contains("<h1>Done</h1>", "agent a1 is done (it said done).");

        fixture.desk.returnVisits(true);
        fixture.driver.open("a2", 0, 1_000, GatewayFixture.observations(STARTED));
        fixture.driver.awaitOpen("a2");
        assertThat(post("/shop/a2/0", "action=done").statusCode()).isEqualTo(303);
        HttpResponse<String> between = get("/shop/a2?wait=0.1", COOKIE);
        assertThat(between.body()).contains("<meta http-equiv=\"refresh\" content=\"1\">", "The visit is over");

        // a shopper's done may end the run before its page reloads: it still reads Done
        fixture.desk.end();
        assertThat(get("/shop/a1", COOKIE).body()).contains("<h1>Done</h1>");
        assertThat(get("/shop/a2", COOKIE).body()).contains("The run has ended");
    }

    @Test
    void theFontsTheStorefrontNamesAreServedWithoutAToken() throws Exception {
        HttpResponse<byte[]> font = fixture.http.send(
                HttpRequest.newBuilder(fixture.uri("/storefront/fonts/DejaVuSans.ttf"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(font.statusCode()).isEqualTo(200);
        assertThat(font.headers().firstValue("Content-Type")).hasValue("font/ttf");
        assertThat(font.body()).isEqualTo(StorefrontFonts.open("DejaVuSans.ttf").orElseThrow());
        assertThat(get("/storefront/fonts/..%2Fgateway-tokens.json", null).statusCode())
                .isIn(400, 404);
        assertThat(get("/storefront/fonts/Missing.ttf", null).statusCode()).isEqualTo(404);
    }
}
