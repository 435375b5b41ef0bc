package org.mercato.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChromiumLifecycleTest {
    @Test
    void noBrowserBeforeTheFirstScreenshotAndNothingLeftAfterClose() {
        assumeTrue(ChromiumRenderer.available(), "no chromium");
        assertThat(ourChromiums()).isEmpty();
        ChromiumRenderer renderer = ChromiumRenderer.start(ChromiumSettings.defaults());
        assertThat(ourChromiums()).as("started lazily").isEmpty();

        renderer.screenshot(StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN), new Viewport(320, 240));
        List<ProcessHandle> running = ourChromiums();
        assertThat(running).isNotEmpty();
        Path profile = running.stream()
                .flatMap(p -> Arrays.stream(p.info().arguments().orElse(new String[0])))
                .filter(a -> a.startsWith("--user-data-dir="))
                .map(a -> Path.of(a.substring("--user-data-dir=".length())))
                .findFirst()
                .orElseThrow();
        assertThat(profile).isDirectory();

        renderer.close();
        assertThat(running).noneMatch(ProcessHandle::isAlive);
        assertThat(ourChromiums()).isEmpty();
        assertThat(Files.exists(profile)).as("profile folder deleted").isFalse();
    }

    @Test
    void aBrowserThatDiesIsReplacedOnTheNextScreenshot() throws Exception {
        assumeTrue(ChromiumRenderer.available(), "no chromium");
        StorefrontPage page = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN);
        Viewport viewport = new Viewport(320, 240);
        try (ChromiumRenderer renderer = ChromiumRenderer.start(ChromiumSettings.defaults())) {
            byte[] before = renderer.screenshot(page, viewport);
            for (ProcessHandle chromium : ourChromiums()) {
                chromium.destroyForcibly();
                chromium.onExit().get();
            }

            assertThatThrownBy(() -> renderer.screenshot(page, viewport))
                    .isInstanceOf(RenderException.class)
                    .hasMessageStartingWith("chromium exited while rendering: ");
            assertThat(renderer.screenshot(page, viewport)).isEqualTo(before);
        }
    }

    @Test
    void aMissingChromiumIsOneClearError() {
        try (ChromiumRenderer missing =
                ChromiumRenderer.start(new ChromiumSettings(Path.of("/nonexistent/chromium")))) {
            assertThatThrownBy(() -> missing.screenshot(
                            StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN), Viewport.DEFAULT))
                    .isInstanceOf(RenderException.class)
                    .hasMessage("chromium not found at /nonexistent/chromium"
                            + " (install Debian's chromium or set MERCATO_CHROMIUM)");
        }
    }

    /** Chromium processes started by this JVM. */
    private static List<ProcessHandle> ourChromiums() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chromium")).orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
    }
}
