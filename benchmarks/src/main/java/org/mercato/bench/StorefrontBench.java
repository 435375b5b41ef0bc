package org.mercato.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.storefront.CachedRenderer;
import org.mercato.storefront.ChromiumRenderer;
import org.mercato.storefront.ChromiumSettings;
import org.mercato.storefront.StorefrontHtml;
import org.mercato.storefront.StorefrontPage;
import org.mercato.storefront.StorefrontStyle;
import org.mercato.storefront.Viewport;

/**
 * Screenshots of a 2 x 4 results grid at 1280x800 in the system Chromium, on a warm renderer (one
 * screenshot first starts the browser): {@code pages} distinct pages (each a different query and
 * prices, so each is a different HTML hash) through a {@link CachedRenderer}, then the same pages
 * {@code repeats} more times, which the cache answers without Chromium. Prints the screenshots per
 * second of each, the HTML pages rendered per second, the browser's start time and its build.
 *
 * <p>Arguments: {@code [pages (40)] [repeats (5)]}.
 */
public final class StorefrontBench {
    private StorefrontBench() {}

    public static void main(String[] args) {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Measurement m = measure(pages, repeats, System.out);
        System.out.printf(
                Locale.ROOT,
                "%s, %d cores: %.1f distinct screenshots/s, %,.0f cached screenshots/s, %,.0f HTML pages/s,"
                        + " start %.2f s%n",
                m.chromium(),
                Runtime.getRuntime().availableProcessors(),
                m.distinctPerSecond(),
                m.cachedPerSecond(),
                m.htmlPerSecond(),
                m.startSeconds());
    }

    /**
     * Screenshots per second of distinct pages and of cached ones, HTML pages per second, the
     * seconds the first screenshot took (the browser starting), whether the cache rendered each
     * distinct page exactly once, and the Chromium build.
     */
    record Measurement(
            double distinctPerSecond,
            double cachedPerSecond,
            double htmlPerSecond,
            double startSeconds,
            boolean renderedOnce,
            String chromium) {}

    static Measurement measure(int pages, int repeats, PrintStream out) {
        if (!ChromiumRenderer.available()) {
            throw new IllegalStateException(
                    "no chromium at " + ChromiumSettings.defaults().executable()
                            + " (install Debian's chromium or set MERCATO_CHROMIUM)");
        }
        Viewport viewport = Viewport.DEFAULT;
        List<StorefrontPage> distinct = new ArrayList<>();
        double htmlSeconds = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
            distinct.clear();
            long htmlStart = System.nanoTime();
            for (int i = 0; i < pages; i++) {
                distinct.add(StorefrontHtml.render(grid(i), StorefrontStyle.CLEAN));
            }
            htmlSeconds = (System.nanoTime() - htmlStart) / 1e9;
        }
        try (ChromiumRenderer chromium = ChromiumRenderer.start(ChromiumSettings.defaults());
                CachedRenderer cached = new CachedRenderer(chromium, Optional.empty(), 256L << 20)) {
            long start = System.nanoTime();
            chromium.screenshot(StorefrontHtml.render(grid(-1), StorefrontStyle.CLEAN), viewport);
            double startSeconds = (System.nanoTime() - start) / 1e9;
            String version = chromium.version();

            long first = System.nanoTime();
            for (StorefrontPage page : distinct) {
                cached.screenshot(page, viewport);
            }
            double distinctSeconds = (System.nanoTime() - first) / 1e9;
            long again = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                for (StorefrontPage page : distinct) {
                    cached.screenshot(page, viewport);
                }
            }
            double cachedSeconds = (System.nanoTime() - again) / 1e9;
            Measurement m = new Measurement(
                    pages / distinctSeconds,
                    (double) pages * repeats / cachedSeconds,
                    pages / htmlSeconds,
                    startSeconds,
                    cached.renders() == pages && cached.hits() == (long) pages * repeats,
                    version);
            out.printf(
                    Locale.ROOT,
                    "%d distinct 2x4 pages at %s: %.2f s (%.1f/s); %d cached: %.4f s; %d rendered, %d hits%n",
                    pages,
                    viewport.label(),
                    distinctSeconds,
                    m.distinctPerSecond(),
                    pages * repeats,
                    cachedSeconds,
                    cached.renders(),
                    cached.hits());
            return m;
        }
    }

    /** A 2 x 4 grid of restaurants; {@code variant} changes the query and every price. */
    static SearchResults grid(int variant) {
        String[] names = {
            "Trattoria Roma", "Golden Wok", "Casa Lisboa", "Le Petit Bistro",
            "Spice Route", "Green Garden", "Harbor Grill", "Noodle Bar"
        };
        List<ListingView> listings = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            TreeMap<String, Long> prices = new TreeMap<>();
            prices.put("dinner for two", 4_500L + 250L * i + Math.max(variant, 0));
            TreeSet<String> tags = new TreeSet<>();
            if (i == 0) {
                tags.add("sponsored");
            } else if (i == 2) {
                tags.add("overall-pick");
            } else if (i == 5) {
                tags.add("scarcity:2");
            }
            listings.add(new ListingView(
                    i + 1,
                    "r-" + (i + 1),
                    names[i],
                    "",
                    3.1 + 0.23 * i,
                    12 + 31 * i,
                    new TreeSet<>(List.of("terrace")),
                    prices,
                    i / 4 + 1,
                    i % 4 + 1,
                    tags));
        }
        return new SearchResults("dinner near the river " + variant, 0, 4, listings);
    }
}
