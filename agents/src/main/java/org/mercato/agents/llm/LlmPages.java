package org.mercato.agents.llm;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.storefront.ScreenshotRenderer;
import org.mercato.storefront.StorefrontHtml;
import org.mercato.storefront.StorefrontPage;
import org.mercato.storefront.StorefrontStyle;
import org.mercato.storefront.Viewport;

/**
 * How an LLM shopper is shown a results page ({@code llm.page}): as the text list ({@link
 * Mode#TEXT}, the default), as a screenshot of the rendered storefront page with a one-line
 * caption ({@link Mode#SCREENSHOT}) or with the text list as well ({@link Mode#SCREENSHOT_TEXT}),
 * at {@code viewport}. The image is named by its page's HTML hash and rendered by {@code renderer}
 * only when a request really goes out; {@code kept} receives each page a real turn was shown (the
 * run writes it to {@code pages/<sha>.html}).
 */
public record LlmPages(Mode mode, Viewport viewport, ScreenshotRenderer renderer, Consumer<StorefrontPage> kept) {
    /** Text listings only: what every run did before screenshots. */
    public static final LlmPages TEXT = new LlmPages(Mode.TEXT, Viewport.DEFAULT, null, page -> {});

    public LlmPages {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(viewport, "viewport");
        Objects.requireNonNull(kept, "kept");
        if (mode != Mode.TEXT && renderer == null) {
            throw new IllegalArgumentException("llm.page " + mode.label() + " needs a screenshot renderer");
        }
    }

    public enum Mode {
        TEXT("text"),
        SCREENSHOT("screenshot"),
        SCREENSHOT_TEXT("screenshot+text");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The mode named {@code label}; IllegalArgumentException naming the choices otherwise. */
        public static Mode parse(String label) {
            for (Mode m : values()) {
                if (m.label.equals(label)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("expected text, screenshot or screenshot+text, got '" + label + "'");
        }
    }

    /**
     * The user message showing {@code results}, whose text list is {@code text}, to a model of
     * provider {@code kind}; {@code real}: a turn that happens (not a guess sent ahead), whose page
     * is kept.
     */
    LlmMessage show(SearchResults results, String text, String kind, boolean real) {
        if (mode == Mode.TEXT) {
            return LlmMessage.user(text);
        }
        StorefrontPage page = StorefrontHtml.render(results, StorefrontStyle.CLEAN);
        if (real) {
            kept.accept(page);
        }
        LlmImage image = new LlmImage(
                page.sha256(),
                viewport.label(),
                ImageTokens.estimate(kind, viewport.width(), viewport.height()),
                () -> renderer.screenshot(page, viewport));
        return LlmMessage.user(mode == Mode.SCREENSHOT_TEXT ? text : caption(results), List.of(image));
    }

    /** The line beside a screenshot shown without its text list. */
    static String caption(SearchResults results) {
        return "Search results for '" + results.query() + "', page " + results.page() + " of "
                + results.totalPages() + " (the search tool counts pages from 0; the page shows them from 1),"
                + " shown in the screenshot: " + results.listings().size()
                + " listings; each tile shows its business id.";
    }
}
