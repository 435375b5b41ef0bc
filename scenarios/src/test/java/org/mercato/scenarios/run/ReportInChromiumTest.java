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
import org.mercato.scenarios.load.ScenarioLoader;

/**
 * Opens a real run's report.html in headless Chromium (when installed: {@code /usr/bin/chromium}
 * or {@code chromium} on the PATH; skipped otherwise): the rendered DOM has every chart as SVG and
 * refers to nothing outside the file, and the screenshot is a page with content, not a blank one.
 * The screenshot is kept as {@code target/report-screenshot.png} for a human to look at.
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

        String dom = run(chromium.get(), "--dump-dom", report.toUri().toString());
        Path png = dir.resolve("report.png");
        run(
                chromium.get(),
                "--screenshot=" + png,
                "--window-size=1280,2400",
                report.toUri().toString());

        assertThat(dom).contains("</svg>");
        for (String section : SECTIONS) {
            assertThat(dom).as("section " + section).contains(section);
        }
        assertThat(dom)
                .as("the headline table of quickstart.yaml, before the charts")
                .contains("Headline</h2>", "Welfare efficiency", "Customers served");
        assertThat(dom.indexOf("Headline</h2>")).isLessThan(dom.indexOf(SECTIONS.get(0)));
        assertThat(count(dom, "<svg")).as("charts").isGreaterThanOrEqualTo(SECTIONS.size());
        assertThat(count(dom, "<rect")).as("bars").isGreaterThan(50);
        assertThat(externalReferences(dom)).isEmpty();
        assertThat(dom).doesNotContain("<script", "<img", "<link", "<iframe", "http://", "https://");

        Files.createDirectories(Path.of("target"));
        Files.copy(png, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
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
            if (!value.isEmpty() && !value.startsWith("#") && !value.startsWith("data:")) {
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
