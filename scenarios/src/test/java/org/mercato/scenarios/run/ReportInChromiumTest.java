package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.cli.MercatoCli;
import org.mercato.scenarios.load.ScenarioLoader;

/**
 * Opens a real run's report.html and a real 2 × 2 sweep's sweep-report.html in headless Chromium
 * (when installed: {@code /usr/bin/chromium} or {@code chromium} on the PATH; skipped otherwise):
 * the rendered DOM has every chart as SVG and refers to nothing outside the file; in the browser's
 * own layout every SVG text lies inside its SVG (no clipped label) and every chart has two axis
 * titles (a copy of the page with a checking script, whose verdict is read from the dumped DOM);
 * the condition and the headlines come before the first chart; and the screenshot is a page with
 * content, not a blank one. The screenshots are kept as {@code target/report-screenshot.png} and
 * {@code target/sweep-report-screenshot.png} for a human to look at.
 */
class ReportInChromiumTest {
    private static final List<String> SECTIONS = List.of(
            "Welfare against the optimum and the baselines",
            "First-proposal selection by arrival order",
            "Choice share by position",
            "Choice share by grid cell",
            "Choice share by badge",
            "Conditional logit coefficients",
            "Manipulation: payments to services using a tactic",
            "Market activity over virtual time");

    /** Attribute values and CSS urls that would make the browser fetch something. */
    private static final Pattern REFERENCE =
            Pattern.compile("(?:src|href|xlink:href|action|poster|data)\\s*=\\s*\"([^\"]*)\"|url\\(([^)]*)\\)");

    @TempDir
    Path dir;

    static Optional<Path> chromium() {
        Path standard = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(standard)) {
            return Optional.of(standard);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                Path candidate = Path.of(folder, "chromium");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void chromiumRendersEveryChartFromTheFileAlone() throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(
                chromium.isPresent(),
                "Chromium is not installed (/usr/bin/chromium or chromium on the PATH):"
                        + " skipping the headless check of report.html");
        var scenario = ScenarioLoader.load(
                Path.of("quickstart.yaml"),
                List.of(
                        "market.presentation.layout=grid",
                        "market.search.pageSize=8",
                        "market.presentation.mode=full",
                        "agents.services[1]={policy: posted-price, count: 6, params: {tactic: authority},"
                                + " thinkTime: {min: 50ms, max: 2s}}",
                        "output.duckdb=false"));
        Path report =
                Mercato.writingTo(dir.resolve("runs")).run(scenario).folder().resolve("report.html");

        String dom = laidOutDom(chromium.get(), report);
        Path png = screenshot(chromium.get(), report);

        assertThat(dom).contains("</svg>");
        assertThat(dom.indexOf("id=\"condition\""))
                .as("the condition opens the report")
                .isPositive()
                .isLessThan(dom.indexOf("id=\"headline\""));
        assertThat(dom.indexOf("id=\"glance\"")).isLessThan(dom.indexOf("<svg"));
        assertThat(dom.substring(dom.indexOf("id=\"condition\""), dom.indexOf("id=\"headline\"")))
                .contains("quickstart", "Seed", "Overrides (--set)", "Scenario hash");
        for (String section : SECTIONS) {
            assertThat(dom).as("section " + section).contains(section);
        }
        assertThat(dom)
                .as("the headline table of quickstart.yaml, before the charts")
                .contains("Headline</h2>", "Welfare efficiency", "Customers served");
        assertThat(dom.indexOf("Headline</h2>")).isLessThan(dom.indexOf(SECTIONS.get(0)));
        assertThat(count(dom, "<svg")).as("charts").isGreaterThanOrEqualTo(SECTIONS.size());
        assertThat(count(dom, "<rect")).as("bars").isGreaterThan(50);
        assertSelfContained(dom);
        assertPainted(png, "report-screenshot.png");
    }

    @Test
    void chromiumShowsATwoByTwoSweepReportWithNothingClipped() throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(
                chromium.isPresent(),
                "Chromium is not installed (/usr/bin/chromium or chromium on the PATH):"
                        + " skipping the headless check of sweep-report.html");
        Path out = dir.resolve("sweep");
        int code = MercatoCli.commandLine()
                .execute(
                        "sweep",
                        "quickstart.yaml",
                        "--out",
                        out.toString(),
                        "--no-progress",
                        "--set",
                        "market.generate.customers=30",
                        "--factor",
                        "market.reveal={policy: immediate},{policy: min-wait, minWait: 700ms}",
                        "--factor",
                        "agents.assistants[0].params.inquiries=1,3");
        assertThat(code).as("mercato sweep exit code").isZero();
        Path report = out.resolve("sweep-report.html");

        String dom = laidOutDom(chromium.get(), report);
        assertThat(dom.indexOf("id=\"headline\""))
                .as("the headlines open the report")
                .isPositive();
        assertThat(dom.indexOf("id=\"headline\"")).isLessThan(dom.indexOf("<svg"));
        assertThat(dom)
                .contains("Interactions of two factors", "Welfare efficiency", "policy=min-wait, minWait=700ms")
                .doesNotContain("<h3>market.welfare.efficiency</h3>");
        assertThat(count(dom, "<path d=\"M")).as("interaction lines").isGreaterThanOrEqualTo(2 * 4);
        assertSelfContained(dom);
        assertPainted(screenshot(chromium.get(), report), "sweep-report-screenshot.png");
    }

    @Test
    void chromiumDrawsTheChartsOverTimeOfAMarketWithPeriodsWithNothingClipped() throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(
                chromium.isPresent(),
                "Chromium is not installed (/usr/bin/chromium or chromium on the PATH):"
                        + " skipping the headless check of report.html over time");
        var scenario = ScenarioLoader.load(
                Path.of("quickstart.yaml"),
                List.of(
                        "market.generate.customers=40",
                        "market.generate.services=10",
                        "market.dynamics={horizon: 6d, period: 1d, arrivals: {rate: 20, per: 1d},"
                                + " returns: {every: 1d}, delivery: 2h,"
                                + " quality: {overPromisers: {share: 0.3, quality: 0.3}},"
                                + " reviews: {probability: 0.8, noise: 0.3},"
                                + " fakeReviews: {sellers: overPromisers, budget: 10, every: 12h},"
                                + " restock: {every: 1d, capacity: 6}}",
                        "output.duckdb=false"));
        Path report =
                Mercato.writingTo(dir.resolve("runs")).run(scenario).folder().resolve("report.html");

        String dom = laidOutDom(chromium.get(), report);

        assertThat(dom)
                .contains(
                        "Over time: 6 periods",
                        "Welfare per period",
                        "Efficiency per period",
                        "Who is paid: share of the amount paid per period",
                        "Mean displayed rating by true quality",
                        "Mean price paid per period");
        String overTime =
                dom.substring(dom.indexOf("id=\"periods\""), dom.indexOf("Market activity over virtual time"));
        assertThat(count(overTime, "<svg")).as("charts over time").isEqualTo(5);
        assertThat(count(overTime, "<path d=\"M")).as("lines").isGreaterThanOrEqualTo(5);
        assertSelfContained(dom);
        assertPainted(screenshot(chromium.get(), report), "report-over-time-screenshot.png");
    }

    private Path screenshot(Path chromium, Path page) throws IOException, InterruptedException {
        Path png = Files.createTempFile(dir, "screenshot", ".png");
        run(
                chromium,
                "--screenshot=" + png,
                "--window-size=1280,2400",
                page.toUri().toString());
        return png;
    }

    /** Nothing the browser would fetch (links into the explorer only), no script. */
    private static void assertSelfContained(String dom) {
        assertThat(externalReferences(dom)).isEmpty();
        assertThat(dom).doesNotContain("<script", "<img", "<link", "<iframe", "http://", "https://");
    }

    /**
     * The DOM Chromium renders from {@code page}, after checking, in a copy with a script that
     * compares in Chromium's own layout each SVG text's box with its SVG's and counts each chart's
     * axis titles, that no text sticks out and every chart has two axis titles (the DOM returned is
     * the page's own, cut before the probe and the script).
     */
    private String laidOutDom(Path chromium, Path page) throws IOException, InterruptedException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Path checked = page.resolveSibling("layout-check-" + page.getFileName());
        Files.writeString(checked, html.replace("</body>", PROBE + LAYOUT_CHECK + "</body>"), StandardCharsets.UTF_8);
        String dom = run(chromium, "--dump-dom", checked.toUri().toString());
        Files.delete(checked);
        Matcher verdict =
                Pattern.compile("<pre id=\"layout-check\">([^<]*)</pre>").matcher(dom);
        assertThat(verdict.find()).as("the checking script ran").isTrue();
        List<String> lines = new ArrayList<>(List.of(verdict.group(1).strip().split("\n")));
        assertThat(lines.get(0)).as("charts checked").matches("checked [1-9][0-9]* svg");
        assertThat(lines.remove(lines.size() - 1))
                .as("the check finds the probe's label that sticks out on the right")
                .matches("svg \\d+: \"clipped on purpose\" sticks out by left -?\\d+, right [1-9]\\d*, .*");
        assertThat(lines.subList(1, lines.size()))
                .as("texts outside their SVG, or charts without two axis titles, in " + page.getFileName())
                .isEmpty();
        int probe = dom.indexOf("<svg id=\"layout-probe\"");
        assertThat(probe).as("the probe in the dumped DOM").isPositive();
        return dom.substring(0, probe);
    }

    /** A chart whose label sticks out on purpose, appended last: the check must find it. */
    private static final String PROBE =
            "<svg id=\"layout-probe\" width=\"60\" height=\"40\"><text x=\"30\" y=\"14\" class=\"axis-title\">"
                    + "clipped on purpose</text><text x=\"2\" y=\"34\" class=\"axis-title\">y</text></svg>";

    /** Writes its findings into {@code <pre id="layout-check">}: a count, then one line per problem. */
    private static final String LAYOUT_CHECK =
            "<script>(function(){var out=[];var svgs=document.querySelectorAll('svg');"
                    + "svgs.forEach(function(svg,i){var box=svg.getBoundingClientRect();"
                    + "svg.querySelectorAll('text').forEach(function(t){var r=t.getBoundingClientRect();"
                    + "if(r.left<box.left-0.5||r.right>box.right+0.5||r.top<box.top-0.5||r.bottom>box.bottom+0.5){"
                    + "out.push('svg '+i+': \"'+t.textContent+'\" sticks out by left '+Math.round(box.left-r.left)"
                    + "+', right '+Math.round(r.right-box.right)+', top '+Math.round(box.top-r.top)+', bottom '"
                    + "+Math.round(r.bottom-box.bottom));}});"
                    + "var titles=svg.querySelectorAll('text.axis-title').length;"
                    + "if(titles!==2){out.push('svg '+i+' has '+titles+' axis titles');}});"
                    + "var pre=document.createElement('pre');pre.id='layout-check';"
                    + "pre.textContent='checked '+svgs.length+' svg\\n'+out.join('\\n');document.body.appendChild(pre);})();"
                    + "</script>";

    /** The screenshot is 1280 wide with content (not blank); kept under target/ for a human. */
    private static void assertPainted(Path png, String keptAs) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.copy(png, Path.of("target", keptAs), StandardCopyOption.REPLACE_EXISTING);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        long sampled = (long) ((image.getHeight() + 1) / 2) * ((image.getWidth() + 1) / 2);
        assertThat(colours.size()).as("distinct colours").isGreaterThanOrEqualTo(8);
        assertThat(inked / (double) sampled).as("share of non-white pixels").isGreaterThan(0.02);
    }

    private static List<String> externalReferences(String dom) {
        List<String> found = new ArrayList<>();
        Matcher m = REFERENCE.matcher(dom);
        while (m.find()) {
            String value =
                    (m.group(1) != null ? m.group(1) : m.group(2)).strip().replace("'", "");
            // "/#/...": a bar's link into the explorer that serves the report (mercato ui), never fetched
            if (!value.isEmpty() && !value.startsWith("#") && !value.startsWith("data:") && !value.startsWith("/#/")) {
                found.add(value);
            }
        }
        return found;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** Runs headless Chromium with a fresh profile and no background traffic; returns its output. */
    private String run(Path chromium, String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(dir, "chromium", ".out");
        Path err = Files.createTempFile(dir, "chromium", ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 120 s: " + command);
        }
        assertThat(process.exitValue())
                .as("Chromium exit code; stderr: " + Files.readString(err, StandardCharsets.UTF_8))
                .isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
