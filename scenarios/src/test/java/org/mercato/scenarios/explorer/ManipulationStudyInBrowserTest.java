package org.mercato.scenarios.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.explorer.Explorer;
import org.mercato.explorer.ExplorerSettings;
import org.mercato.scenarios.cli.MercatoCli;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The walk through the bundled manipulation study (60 shoppers) in a real browser: from
 * the run's overview to report.html, from its tactic bar to the customers who paid the attacker
 * (as many as the summary counts), to one of them: the page its search showed and the proposals
 * it got. And the same list by keyboard alone.
 */
class ManipulationStudyInBrowserTest {
    private static final String TACTIC = "prompt-injection-strong";

    @TempDir
    static Path dir;

    static Path run;
    static Explorer explorer;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        run = StudyRunFolders.run(
                dir, "manipulation", "market.generate.customers=60", "market.presentation.impressions=true");
        explorer = Explorer.start(run, ExplorerSettings.loopback(0));
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (explorer != null) {
            explorer.close();
        }
    }

    /** Payments to the services using {@code tactic}, as summary.json counts them. */
    private static long paymentsTo(String tactic) throws IOException {
        JsonNode summary =
                new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        for (JsonNode t : summary.path("market").path("manipulation").path("byTactic")) {
            if (t.path("tactic").asText().equals(tactic)) {
                return t.path("payments").asLong();
            }
        }
        throw new AssertionError("no tactic " + tactic + " in summary.json");
    }

    private static String url(String rest) {
        return explorer.uri().resolve(rest).toString();
    }

    @Test
    void fromTheReportsTacticBarToTheCustomersWhoPaidTheAttackerAndWhatOneSawAndWasProposed() throws IOException {
        browser.get(url("/#/"));
        browser.settled();
        assertThat(browser.text())
                .contains("Run " + run.getFileName(), "manipulation", "Headline numbers", "Attacker's payment share");
        browser.screenshot("overview");

        browser.find(By.id("report-link")).click();
        browser.until(d -> d.getCurrentUrl().endsWith("/files/report.html"));
        WebElement bar = browser.find(By.cssSelector("a[href='/#/customers?paidTactic=" + TACTIC + "'] rect"));
        bar.click();

        browser.until(d -> browser.hash().startsWith("#/customers"));
        browser.settled();
        WebElement total = browser.find(By.cssSelector("#total[data-total]"));
        long expected = paymentsTo(TACTIC);
        assertThat(expected).as("payments to the attacker").isPositive();
        assertThat(Long.parseLong(total.getAttribute("data-total")))
                .as("customers behind the tactic bar, against summary.json")
                .isEqualTo(expected);
        assertThat(total.getText()).endsWith(" of " + expected);
        assertThat(browser.find(By.cssSelector("select[name=paidTactic]")).getAttribute("value"))
                .isEqualTo(TACTIC);
        var rows = browser.all(By.cssSelector("#customers tbody tr"));
        assertThat(rows).hasSize((int) Math.min(expected, 50));
        assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains(TACTIC));
        browser.screenshot("filtered-list");

        WebElement first = rows.get(0);
        String customer = first.getAttribute("data-id");
        first.findElement(By.cssSelector("a")).click();
        browser.find(By.id("thread"));
        browser.settled();
        assertThat(browser.hash()).startsWith("#/customer/" + customer);
        var listings = browser.all(By.cssSelector("#thread .step-search .card"));
        assertThat(listings).as("listings of the page its search showed").hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.all(By.cssSelector("#thread .step-search .card.paid")))
                .as("the listing it paid, marked")
                .hasSize(1);
        assertThat(browser.all(By.cssSelector("#thread .step-search .card .tactic")))
                .extracting(WebElement::getText)
                .contains("tactic: " + TACTIC);
        assertThat(browser.all(By.cssSelector("#thread .step-proposal")))
                .as("proposals")
                .isNotEmpty();
        assertThat(browser.all(By.cssSelector("#thread .step-payment"))).hasSize(1);
        assertThat(browser.find(By.cssSelector("#thread .step-done")).getText()).contains("purchased");
        assertThat(browser.find(By.cssSelector("#thread .step-search .time")).getText())
                .matches("\\d+\\.\\d{3} s");
        browser.screenshot("customer-thread");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aSweepFoldersCellsOpenTheirKeptRunsAndAReportLinkWithoutARunAsksWhichRun() throws IOException {
        Path sweep = dir.resolve("sweep");
        int code = MercatoCli.commandLine()
                .execute(
                        "sweep",
                        "quickstart.yaml",
                        "--out",
                        sweep.toString(),
                        "--no-progress",
                        "--keep-runs",
                        "--set",
                        "market.generate.customers=10",
                        "--factor",
                        "agents.assistants[0].params.inquiries=1,3");
        assertThat(code).as("mercato sweep exit code").isZero();
        try (Explorer sweepExplorer = Explorer.start(sweep, ExplorerSettings.loopback(0))) {
            browser.get(sweepExplorer.uri().resolve("/#/").toString());
            browser.settled();
            var cells = browser.all(By.cssSelector("#cells tbody tr"));
            assertThat(cells).hasSize(2);
            assertThat(cells.get(1).getText()).contains("3", "seed ");
            browser.screenshot("sweep");

            Actions keys = new Actions(browser.driver());
            keys.sendKeys("j").sendKeys("j").sendKeys(Keys.ENTER).perform();
            browser.until(d -> browser.hash().startsWith("#/?run=runs"));
            browser.settled();
            assertThat(browser.find(By.tagName("h1")).getText())
                    .startsWith("Run quickstart")
                    .contains("inquiries=3");
            browser.find(By.linkText("All customers")).click();
            browser.until(d -> "10".equals(browser.find(By.id("total")).getAttribute("data-total")));
            assertThat(browser.hash()).startsWith("#/customers?run=runs");

            browser.get(sweepExplorer.uri().resolve("/#/customers?paidRank=1").toString());
            browser.settled();
            var runs = browser.all(By.cssSelector("#runs a"));
            assertThat(runs).hasSize(2);
            runs.get(0).click();
            browser.until(d -> browser.hash().startsWith("#/customers?run=runs")
                    && browser.hash().endsWith("paidRank=1"));
            browser.settled();
            assertThat(browser.find(By.cssSelector("input[name=paidRank]")).getAttribute("value"))
                    .isEqualTo("1");
        }
    }

    @Test
    void slashFocusesSearchJMovesEnterOpensAndEscapeGoesBackToTheRow() {
        browser.get(url("/#/customers"));
        browser.settled();
        assertThat(browser.find(By.id("total")).getText()).isEqualTo("Customers 1–50 of 60");
        browser.find(By.id("next")).click();
        browser.until(d -> browser.find(By.id("total")).getText().equals("Customers 51–60 of 60"));
        assertThat(browser.hash()).isEqualTo("#/customers?offset=50");
        browser.find(By.id("prev")).click();
        browser.until(d -> browser.find(By.id("total")).getText().equals("Customers 1–50 of 60"));
        Actions keys = new Actions(browser.driver());

        keys.sendKeys("/").perform();
        assertThat(browser.script("return document.activeElement.id;")).isEqualTo("search");
        keys.sendKeys("customer_000").perform();
        browser.until(d -> "9".equals(browser.find(By.id("total")).getAttribute("data-total")));
        assertThat(browser.hash()).contains("q=customer_000");

        keys.sendKeys(Keys.ESCAPE).perform();
        keys.sendKeys("j").sendKeys("j").perform();
        assertThat(browser.script("return document.activeElement.getAttribute('data-id');"))
                .isEqualTo("customer_0002");
        keys.sendKeys("k").perform();
        assertThat(browser.script("return document.activeElement.getAttribute('data-id');"))
                .isEqualTo("customer_0001");
        keys.sendKeys("j").perform();

        keys.sendKeys(Keys.ENTER).perform();
        browser.until(d -> browser.hash().startsWith("#/customer/customer_0002"));
        browser.settled();
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Customer customer_0002");

        keys.sendKeys(Keys.ESCAPE).perform();
        browser.until(d -> browser.hash().startsWith("#/customers"));
        browser.settled();
        assertThat(browser.hash()).contains("q=customer_000");
        browser.until(
                d -> "customer_0002".equals(browser.script("return document.activeElement.getAttribute('data-id');")));
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
