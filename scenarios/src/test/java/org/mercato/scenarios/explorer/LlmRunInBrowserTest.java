package org.mercato.scenarios.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.explorer.Explorer;
import org.mercato.explorer.ExplorerSettings;
import org.mercato.scenarios.llm.LlmMarket;
import org.mercato.scenarios.llm.ScriptedModel;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An LLM run against the scripted model on loopback, in a real browser: a customer's model turn
 * opens to its whole prompt, answer and tool calls. The run is hostile: a seller's description,
 * every model answer and every message a shopper sends carry a script tag, an image with an
 * onerror handler and a {@code javascript:} link; the explorer shows them as text and runs none.
 */
class LlmRunInBrowserTest {
    static final String SCRIPT = "<script>window.__pwned=1</script>";
    static final String IMAGE = "<img src=x onerror=\"window.__pwned=1\">";
    static final String LINK = "<a href=\"javascript:alert(1)\">javascript:alert(1)</a>";
    static final String HOSTILE = SCRIPT + " " + IMAGE + " " + LINK;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static MockWebServer model;
    static Path run;
    static Explorer explorer;
    static Browser browser;

    /** The scripted model, with {@link #HOSTILE} as the text of every answer and before every message it sends. */
    static final class HostileModel extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest recorded) {
            try {
                MockResponse answer =
                        ScriptedModel.answer(JSON.readTree(recorded.getBody().readUtf8()));
                ObjectNode body = (ObjectNode) JSON.readTree(answer.getBody().readUtf8());
                ObjectNode message = (ObjectNode) body.path("choices").get(0).path("message");
                message.put("content", HOSTILE);
                ObjectNode function =
                        (ObjectNode) message.path("tool_calls").get(0).path("function");
                if (List.of("message", "reply").contains(function.path("name").asText())) {
                    ObjectNode arguments = (ObjectNode)
                            JSON.readTree(function.path("arguments").asText());
                    arguments.put("text", HOSTILE + " " + arguments.path("text").asText());
                    function.put("arguments", arguments.toString());
                }
                return answer.setBody(body.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        model = new MockWebServer();
        model.setDispatcher(new HostileModel());
        model.start();
        String seller = "- {id: s1, menu: {Tacos: 9.50, Horchata: 3.00}, rating: 4.5}";
        String yaml = LlmMarket.yaml(model.url("/v1").toString(), "");
        assertThat(yaml).contains(seller);
        String hostileSeller =
                seller.substring(0, seller.length() - 1) + ", description: '" + HOSTILE.replace("'", "''") + "'}";
        yaml = yaml.replace(seller, hostileSeller);
        run = LlmMarket.run(dir, LlmMarket.load(dir, yaml)).folder();
        explorer = Explorer.start(run, ExplorerSettings.loopback(0));
        browser = Browser.open();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (explorer != null) {
            explorer.close();
        }
        if (model != null) {
            model.shutdown();
        }
    }

    /** Loads the page at {@code route} afresh. */
    private static void open(String route) {
        browser.get(explorer.uri().resolve("/" + route).toString());
        browser.settled();
    }

    @Test
    void aShoppersModelTurnOpensToItsWholePromptItsAnswerAndItsToolCalls() {
        open("#/customer/c1");
        List<WebElement> turns = browser.all(By.cssSelector("#thread .step-turn"));
        assertThat(turns).as("model turns in c1's thread").isNotEmpty();
        assertThat(turns.get(0).getText()).contains("tool calls: search");

        WebElement details = turns.get(0).findElement(By.cssSelector("details.full-turn"));
        details.findElement(By.tagName("summary")).click();
        WebElement prompt = browser.until(d -> {
            List<WebElement> found = details.findElements(By.cssSelector(".turn-full ol.prompt"));
            return found.isEmpty() ? null : found.get(0);
        });
        assertThat(prompt.getText()).contains("The customer's request: Tacos and a horchata", "You start shopping");
        assertThat(details.findElement(By.cssSelector(".turn-full .tool-call")).getText())
                .contains("search", "\"query\"");
        browser.script("arguments[0].scrollIntoView()", details);
        browser.screenshot("model-turn");

        String turn =
                turns.get(0).findElement(By.cssSelector(".turn a")).getText().substring(1);
        open("#/turn/" + turn);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Model turn " + turn);
        assertThat(browser.text()).contains("The customer's request: Tacos and a horchata", "Answer", "call search");
    }

    @Test
    void hostileTextFromTheRunIsShownLiterallyAndRunsNothing() {
        open("#/");
        for (String route : List.of(
                "#/service/s1", "#/customers?q=c", "#/turn/0", "#/customer/c2", "#/services", "#/customer/c1")) {
            browser.script("location.hash = arguments[0];", route);
            browser.until(d -> route.equals(browser.hash()));
            browser.settled();
            if (route.startsWith("#/customer/")) {
                for (WebElement summary : browser.all(By.cssSelector("details.full-turn summary"))) {
                    summary.click();
                }
                browser.until(d -> browser.all(By.cssSelector("details.full-turn .loading"))
                        .isEmpty());
                assertThat(browser.all(By.cssSelector("details.full-turn .answer-text")))
                        .as(route + ": every turn's answer")
                        .isNotEmpty()
                        .allSatisfy(answer -> assertThat(answer.getText()).isEqualTo(HOSTILE));
                assertThat(browser.find(By.id("thread")).getText())
                        .as(route + ": messages and model answers, as text")
                        .contains(SCRIPT, IMAGE, LINK);
            }
            if (route.equals("#/service/s1")) {
                assertThat(browser.find(By.id("listing-text")).getText()).isEqualTo(HOSTILE);
            }
            if (!route.startsWith("#/customers") && !route.equals("#/services")) {
                assertThat(browser.text()).as(route).contains(SCRIPT, IMAGE, "javascript:alert(1)");
            }
            assertNothingRan(route);
        }
        browser.script("document.querySelector('#thread .step-message').scrollIntoView();");
        browser.screenshot("xss");
        assertThat(browser.consoleErrors())
                .as("script errors or refused policy directives")
                .isEmpty();
    }

    /** No script ran, and nothing from the run became an element: no img, script, frame or javascript: link. */
    private static void assertNothingRan(String where) {
        assertThat(browser.script("return typeof window.__pwned;")).as(where).isEqualTo("undefined");
        assertThat(browser.all(By.cssSelector("img, iframe, object, embed, a[href^='javascript']")))
                .as(where)
                .isEmpty();
        assertThat(browser.all(By.tagName("script")))
                .as(where + ": only the page's own script")
                .extracting(s -> s.getAttribute("src"))
                .allSatisfy(src -> assertThat(src).endsWith("/app.js"));
        assertThat(browser.all(By.cssSelector("#view a")))
                .as(where + ": links go to our own routes or files")
                .extracting(a -> a.getDomAttribute("href"))
                .allSatisfy(href -> assertThat(href).matches("#/.*|/files/.*"));
    }
}
