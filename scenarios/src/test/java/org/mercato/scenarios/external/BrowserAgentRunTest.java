package org.mercato.scenarios.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.explorer.Browser;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.AgentsConfig;
import org.mercato.scenarios.model.GeneratorConfig;
import org.mercato.scenarios.model.KernelConfig;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.ExternalFeature;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.kernel.KernelListener;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * A browser agent: headless Chromium, driven by Selenium through chromedriver, shops on the shop
 * pages of the gateway a run starts: it opens the token link, searches, clicks "Ask for a proposal"
 * on a tile, pays the proposal that comes, says done. The log shows its payment, and the turns
 * its clicks recorded replay the run byte for byte with no browser.
 */
class BrowserAgentRunTest {
    private static final long SEED = 5;
    private static final int SERVICES = 3;
    private static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** One external shopper and a few posted-price restaurants. */
    private Scenario market(String mode) {
        AgentGroupConfig shopper = new AgentGroupConfig(
                ExternalFeature.POLICY,
                1,
                Map.of(),
                ExternalRuns.THINK,
                null,
                null,
                ExternalRuns.external("60s", mode, dir.resolve("turns").toString()));
        AgentGroupConfig sellers = new AgentGroupConfig("posted-price", null, Map.of(), ExternalRuns.THINK, null);
        Scenario scenario = new Scenario(
                "browser-agent",
                null,
                SEED,
                new KernelConfig(2, null, null, KernelMode.ACTORS),
                new MarketConfig(new GeneratorConfig("restaurants", 1, SERVICES, 1), null, null, null),
                new AgentsConfig(List.of(shopper), List.of(sellers)));
        return McpAgentRunTest.withoutTables(scenario);
    }

    @Test
    void aBrowserAgentSearchesAsksPaysAndItsRecordedClicksReplayTheRun() throws Exception {
        Path liveRoot = dir.resolve("live");
        Future<RunResult> live = threads.submit(() ->
                new ScenarioRunner(PolicyRegistry.builtIn(), liveRoot, KernelListener.NONE).run(market("record")));
        JsonNode tokens = McpAgentRunTest.awaitTokens(liveRoot, live);
        String token = tokens.at("/groups/0/token").asText();
        String agent = tokens.at("/groups/0/agents/0").asText();
        String shop = tokens.get("url").asText() + "shop/" + agent;

        try (Browser browser = Browser.open()) {
            browser.get(shop + "?token=" + token);
            // the token became a cookie: the address bar holds the clean URL
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(shop);
            WebElement started = browser.find(By.cssSelector("#shopper li[data-type=started]"));
            assertThat(started.getText()).startsWith("Your customer ");

            browser.find(By.cssSelector("header form.search button")).click();
            List<WebElement> tiles =
                    browser.until(driver -> nonEmpty(driver.findElements(By.cssSelector("[data-service]"))));
            assertThat(tiles).hasSizeGreaterThan(0);
            // the page's fonts come from the gateway, within its Content-Security-Policy
            String fonts = browser.until(driver -> {
                String faces = (String)
                        browser.script("return [...document.fonts].map(f => f.weight + ' ' + f.status).join(';')");
                return faces.contains("400 loaded") && faces.contains("700 loaded") ? faces : null;
            });
            assertThat(fonts).doesNotContain("error");
            // ask the tiles in order until a service answers with a proposal (one without the items only writes back)
            String asked = null;
            for (int i = 0; asked == null && i < tiles.size(); i++) {
                long turn = turnOf(browser);
                String service = browser.driver()
                        .findElements(By.cssSelector("[data-service]"))
                        .get(i)
                        .getAttribute("data-service");
                askButton(browser.driver()
                                .findElements(By.cssSelector("[data-service]"))
                                .get(i))
                        .click();
                browser.until(driver -> turnOf(browser) > turn ? true : null, STEP);
                if (!browser.all(By.cssSelector("tr.proposal[data-status=open]"))
                        .isEmpty()) {
                    asked = service;
                }
            }
            assertThat(asked)
                    .as("a service that sent a proposal; the page: %s", browser.text())
                    .isNotNull();
            browser.screenshot("browser-agent-proposal");
            WebElement pay = browser.find(By.cssSelector("tr.proposal[data-status=open] form.pay button"));
            String proposal = browser.driver()
                    .findElement(By.cssSelector("tr.proposal[data-status=open]"))
                    .getAttribute("data-proposal");
            pay.click();

            browser.until(
                    driver -> first(driver.findElements(By.cssSelector("#shopper li[data-type=payment-settled]"))),
                    STEP);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("tr.proposal[data-proposal='" + proposal + "']"))
                            .getAttribute("data-status"))
                    .isEqualTo("paid");
            browser.find(By.cssSelector("#shopper form.done button")).click();
            browser.until(
                    driver -> driver.findElement(By.tagName("h1")).getText().equals("Done") ? true : null, STEP);
            assertThat(browser.consoleErrors()).isEmpty();

            RunResult result = live.get(90, TimeUnit.SECONDS);
            String events = Files.readString(result.eventLog());
            List<PaymentEvent> payments = ExternalAgentsRunTest.read(events).stream()
                    .map(logged -> logged.event())
                    .filter(PaymentEvent.class::isInstance)
                    .map(PaymentEvent.class::cast)
                    .toList();
            assertThat(payments).hasSize(1);
            assertThat(payments.get(0).proposal()).isEqualTo(proposal);
            assertThat(payments.get(0).customer()).isEqualTo(agent);
            assertThat(payments.get(0).service()).isEqualTo(asked);
            assertThat(ExternalAgentsRunTest.doneReasons(events)).containsEntry(agent, "purchased");
            assertThat(Files.readString(result.folder().resolve("run.log"))).doesNotContain(token);

            RunResult replayed = new ScenarioRunner(
                            PolicyRegistry.builtIn(), dir.resolve("replay"), KernelListener.NONE)
                    .run(market("replay-strict"));
            assertThat(Files.readString(replayed.eventLog())).isEqualTo(events);
        }
    }

    /** The turn the page shows, or -1 while it shows none (a page that waits). */
    private static long turnOf(Browser browser) {
        try {
            List<WebElement> panel = browser.all(By.cssSelector("#shopper[data-turn]"));
            return panel.isEmpty() ? -1 : Long.parseLong(panel.get(0).getAttribute("data-turn"));
        } catch (StaleElementReferenceException e) { // the page changed under us
            return -1;
        }
    }

    /** The tile's "Ask for a proposal" button. */
    private static WebElement askButton(WebElement tile) {
        return tile.findElements(By.cssSelector("form button")).stream()
                .filter(button -> button.getText().contains("Ask for a proposal"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no \"Ask for a proposal\" button in the tile"));
    }

    private static List<WebElement> nonEmpty(List<WebElement> elements) {
        return elements.isEmpty() ? null : elements;
    }

    private static WebElement first(List<WebElement> elements) {
        return elements.isEmpty() ? null : elements.get(0);
    }
}
