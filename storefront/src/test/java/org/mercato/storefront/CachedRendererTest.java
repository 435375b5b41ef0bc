package org.mercato.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.sim.protocol.SearchResults;

class CachedRendererTest {
    private static final ChromiumSettings NO_CHROMIUM = new ChromiumSettings(Path.of("/nonexistent/chromium"));

    @TempDir
    Path folder;

    @Test
    void aSweepRendersEachDistinctPageOnceAndKeepsItInTheFolder() throws Exception {
        assumeTrue(ChromiumRenderer.available(), "no chromium");
        StorefrontPage a = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN);
        StorefrontPage b = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.DENSE);
        Viewport small = new Viewport(640, 400);
        byte[] first;
        try (CachedRenderer cached = new CachedRenderer(
                ChromiumRenderer.start(ChromiumSettings.defaults()), Optional.of(folder), 64L << 20)) {
            first = cached.screenshot(a, small);
            for (int run = 0; run < 3; run++) {
                assertThat(cached.screenshot(a, small)).isEqualTo(first);
                cached.screenshot(b, small);
                cached.screenshot(a, Viewport.DEFAULT);
            }
            assertThat(cached.renders()).isEqualTo(3);
            assertThat(cached.hits()).isEqualTo(7);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            a.sha256() + "-640x400.png", b.sha256() + "-640x400.png", a.sha256() + "-1280x800.png");
        }
        assertThat(Files.readAllBytes(folder.resolve(CachedRenderer.fileName(a, small))))
                .isEqualTo(first);
    }

    @Test
    void callersAskingForTheSamePageAtOnceShareOneRender() throws Exception {
        assumeTrue(ChromiumRenderer.available(), "no chromium");
        StorefrontPage page = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN);
        Viewport small = new Viewport(320, 240);
        try (CachedRenderer cached =
                new CachedRenderer(ChromiumRenderer.start(ChromiumSettings.defaults()), Optional.empty(), 1 << 24)) {
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                List<Future<byte[]>> shots = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    shots.add(callers.submit(() -> cached.screenshot(page, small)));
                }
                byte[] first = shots.get(0).get();
                for (Future<byte[]> shot : shots) {
                    assertThat(shot.get()).isEqualTo(first);
                }
            } finally {
                callers.shutdownNow();
            }
            assertThat(cached.renders()).isEqualTo(1);
            assertThat(cached.hits()).isEqualTo(3);
        }
    }

    @Test
    void aPageInTheFolderNeedsNoChromium() throws Exception {
        StorefrontPage page = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Files.write(folder.resolve(page.sha256() + "-1280x800.png"), png);

        try (CachedRenderer cached = new CachedRenderer(ChromiumRenderer.start(NO_CHROMIUM), Optional.of(folder), 0)) {
            assertThat(cached.screenshot(page, Viewport.DEFAULT)).isEqualTo(png);
            assertThat(cached.screenshot(page, Viewport.DEFAULT)).isEqualTo(png);
            assertThat(cached.renders()).isZero();
            assertThat(cached.hits()).isEqualTo(2);
        }
    }

    @Test
    void aPageMissingFromTheCacheNeedsChromiumAndSaysSo() {
        StorefrontPage page = StorefrontHtml.render(
                new SearchResults("q", 0, 1, List.of(Pages.listing(1, "a", "A", 3, 1, 100, 1, 1, Set.of()))),
                StorefrontStyle.CLEAN);
        try (CachedRenderer cached =
                new CachedRenderer(ChromiumRenderer.start(NO_CHROMIUM), Optional.of(folder), 1 << 20)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> cached.screenshot(page, Viewport.DEFAULT))
                    .isInstanceOf(RenderException.class)
                    .hasMessageStartingWith("chromium not found at /nonexistent/chromium");
            assertThat(cached.renders()).isZero();
        }
        assertThat(folder.toFile().list()).isEmpty();
    }
}
