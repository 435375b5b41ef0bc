package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.storefront.ChromiumRenderer;
import org.mercato.storefront.ChromiumSettings;
import org.mercato.storefront.StorefrontHtml;
import org.mercato.storefront.StorefrontPage;
import org.mercato.storefront.StorefrontStyle;
import org.mercato.storefront.Viewport;

/** What each {@code llm.page} channel makes of a results page, before any screenshot is taken. */
class LlmPagesTest {
    private static final SearchResults RESULTS = new SearchResults(
            "tacos",
            0,
            2,
            List.of(new ListingView(
                    1,
                    "s1",
                    "Taco Shop",
                    "",
                    4.5,
                    12,
                    new TreeSet<>(),
                    new TreeMap<>(java.util.Map.of("Tacos", 950L)),
                    1,
                    1,
                    new TreeSet<>(List.of("sponsored")))));
    private static final String TEXT = LlmAssistantPolicy.render(RESULTS);

    /** A Chromium that is never there: a page is only rendered when a request goes out. */
    private static final ChromiumRenderer NOWHERE =
            ChromiumRenderer.start(new ChromiumSettings(Path.of("/nonexistent/chromium")));

    private static LlmPages pages(LlmPages.Mode mode, List<StorefrontPage> kept) {
        return new LlmPages(mode, new Viewport(800, 600), NOWHERE, kept::add);
    }

    @Test
    void textIsTheListAsBefore() {
        assertThat(LlmPages.TEXT.show(RESULTS, TEXT, "openai", true)).isEqualTo(LlmMessage.user(TEXT));
    }

    @Test
    void aScreenshotIsNamedByThePagesHashWithACaptionOrTheList() {
        List<StorefrontPage> kept = new ArrayList<>();
        String sha = StorefrontHtml.render(RESULTS, StorefrontStyle.CLEAN).sha256();

        LlmMessage shot = pages(LlmPages.Mode.SCREENSHOT, kept).show(RESULTS, TEXT, "anthropic", true);
        assertThat(shot.text())
                .startsWith("Search results for 'tacos', page 0 of 2")
                .doesNotContain("Taco Shop");
        assertThat(shot.images()).hasSize(1);
        LlmImage image = shot.images().get(0);
        assertThat(image.page()).isEqualTo(sha);
        assertThat(image.viewport()).isEqualTo("800x600");
        assertThat(image.tokens()).isEqualTo(ImageTokens.estimate("anthropic", 800, 600));
        assertThat(kept).extracting(StorefrontPage::sha256).containsExactly(sha);

        LlmMessage both = pages(LlmPages.Mode.SCREENSHOT_TEXT, kept).show(RESULTS, TEXT, "gemini", false);
        assertThat(both.text()).isEqualTo(TEXT);
        assertThat(both.images()).extracting(LlmImage::page).containsExactly(sha);
        // a guess sent ahead keeps no page
        assertThat(kept).hasSize(1);
        // the PNG is asked for only when the request goes out: here Chromium is missing
        assertThatThrownBy(image::bytes).hasMessageContaining("chromium not found at /nonexistent/chromium");
    }

    @Test
    void modesAreReadByTheirLabels() {
        assertThat(LlmPages.Mode.parse("screenshot+text")).isEqualTo(LlmPages.Mode.SCREENSHOT_TEXT);
        assertThatThrownBy(() -> LlmPages.Mode.parse("png"))
                .hasMessage("expected text, screenshot or screenshot+text, got 'png'");
    }
}
