package org.mercato.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Screenshots in the system Chromium; skipped where there is none. */
class ChromiumRendererTest {
    private static ChromiumRenderer renderer;

    @BeforeAll
    static void startChromium() {
        assumeTrue(
                ChromiumRenderer.available(),
                "no chromium at " + ChromiumSettings.defaults().executable());
        renderer = ChromiumRenderer.start(ChromiumSettings.defaults());
    }

    @AfterAll
    static void stopChromium() {
        if (renderer != null) {
            renderer.close();
        }
    }

    @Test
    void goldenGridScreenshotHasTheViewportsSizeAndIsWrittenForAHumanToLookAt() throws Exception {
        Viewport viewport = Viewport.DEFAULT;
        byte[] png = renderer.screenshot(StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN), viewport);

        assertThat(Png.read(png)).isEqualTo(new Png(1280, 800));
        Path folder = Path.of("target", "storefront-screenshots");
        Files.createDirectories(folder);
        Files.write(folder.resolve("grid-2x4.png"), png);
        Files.write(
                folder.resolve("grid-2x4-dense.png"),
                renderer.screenshot(StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.DENSE), viewport));
    }

    @Test
    void theSamePageTwiceGivesByteIdenticalPngs() {
        StorefrontPage page = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN);
        Viewport small = new Viewport(800, 600);

        byte[] first = renderer.screenshot(page, small);
        byte[] backToBack = renderer.screenshot(page, small);
        renderer.screenshot(StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.DENSE), Viewport.DEFAULT);
        byte[] later = renderer.screenshot(page, small);

        assertThat(Png.read(first)).isEqualTo(new Png(800, 600));
        assertThat(backToBack).isEqualTo(first);
        assertThat(later).isEqualTo(first);
    }

    @Test
    void tilesAppearInReadingOrderWithTheirBadgesAndTheBundledFonts() {
        StorefrontPage page = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN);

        JsonNode tiles = renderer.evaluate(
                page,
                Viewport.DEFAULT,
                "[...document.querySelectorAll('article.tile')].map(t => ({service: t.dataset.service,"
                        + " badges: [...t.querySelectorAll('.badge')].map(b => b.textContent),"
                        + " top: Math.round(t.getBoundingClientRect().top),"
                        + " left: Math.round(t.getBoundingClientRect().left)}))");

        List<String> services = new ArrayList<>();
        tiles.forEach(t -> services.add(t.get("service").asText()));
        assertThat(services).containsExactly("svc-1", "svc-2", "svc-3", "svc-4", "svc-5", "svc-6", "svc-7", "svc-8");
        assertThat(tiles.get(0).get("badges").toString()).isEqualTo("[\"Sponsored\"]");
        assertThat(tiles.get(2).get("badges").toString()).isEqualTo("[\"Overall Pick\"]");
        assertThat(tiles.get(3).get("badges").toString()).isEqualTo("[\"Only 3 left\"]");
        assertThat(tiles.get(5).get("badges").toString()).isEqualTo("[\"Only 1 left\",\"Sponsored\"]");
        assertThat(tiles.get(6).get("badges").toString()).isEqualTo("[\"eco-certified\"]");
        // laid out as the page says: two rows of four, left to right
        for (int i = 0; i < 8; i++) {
            JsonNode tile = tiles.get(i);
            assertThat(tile.get("top").asInt())
                    .as("tile %d row", i)
                    .isEqualTo(tiles.get(i / 4 * 4).get("top").asInt());
            if (i % 4 > 0) {
                assertThat(tile.get("left").asInt())
                        .isGreaterThan(tiles.get(i - 1).get("left").asInt());
            }
        }
        assertThat(tiles.get(4).get("top").asInt())
                .isGreaterThan(tiles.get(0).get("top").asInt());
        // both bundled faces were fetched from the renderer's server and loaded, not a system font
        assertThat(renderer.evaluate(
                                page,
                                Viewport.DEFAULT,
                                "[...document.fonts].map(f => f.family + ' ' + f.weight + ' ' + f.status).join(';')")
                        .asText())
                .isEqualTo("DejaVu Sans 400 loaded;DejaVu Sans 700 loaded");
    }
}
