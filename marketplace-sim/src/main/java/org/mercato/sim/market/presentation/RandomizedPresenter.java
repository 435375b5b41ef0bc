package org.mercato.sim.market.presentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.domain.Immutable;
import org.mercato.sim.domain.Service;
import org.mercato.sim.market.presentation.PresentationSettings.Layout;
import org.mercato.sim.market.presentation.PresentationSettings.Mode;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.random.Gaussian;
import org.mercato.sim.random.Seeds;

/**
 * The list and grid layouts with ACES-style randomization. Each page draws from its own stream,
 * derived from (seed, {@code market/presentation/<customer>/<n>}) for the customer's n-th page
 * (from 0), so a page's design does not depend on what other customers did, nor on how many draws
 * earlier pages took. Within a page the draws come in a fixed order: the position permutation
 * (drawn in every randomizing mode, applied when positions shuffle, so FULL and PERMUTATION share
 * it), then per listing in rank order a price normal, a rating uniform and a reviews normal (FULL),
 * then the badges (FULL).
 */
final class RandomizedPresenter implements PagePresenter {
    private final PresentationSettings settings;
    private final long seed;
    private final Map<String, Integer> pagesShown = new HashMap<>();

    RandomizedPresenter(PresentationSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    @Override
    public PagePresenter fork() {
        RandomizedPresenter copy = new RandomizedPresenter(settings, seed);
        copy.pagesShown.putAll(pagesShown);
        return copy;
    }

    @Override
    public boolean logsImpressions() {
        return settings.impressions();
    }

    @Override
    public List<Placement> present(Page page) {
        List<Service> services = page.services();
        int n = services.size();
        if (settings.layout() == Layout.GRID && n > settings.cells()) {
            throw new IllegalStateException("a page of " + n + " listings does not fit a " + settings.rows() + " x "
                    + settings.columns() + " grid");
        }
        if (n == 0) {
            return List.of();
        }
        int[] order = identity(n);
        double[] factors = new double[n];
        double[] ratings = new double[n];
        int[] reviews = new int[n];
        List<SortedSet<String>> tags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Service service = services.get(i);
            factors[i] = 1.0;
            ratings[i] = service.rating();
            reviews[i] = service.reviewCount();
            tags.add(null);
        }
        if (settings.mode() != Mode.NONE) {
            SplittableRandom random = nextStream(page.searcher().id());
            int[] permutation = permutation(n, random);
            if (settings.shufflesPositions()) {
                order = permutation;
            }
            if (settings.mode() == Mode.FULL) {
                drawValues(services, random, factors, ratings, reviews);
                drawTags(n, random, tags);
            }
        }
        List<Placement> out = new ArrayList<>(n);
        for (int slot = 0; slot < n; slot++) {
            int i = order[slot];
            Service service = services.get(i);
            SortedMap<String, Long> prices =
                    page.revealPrices() ? scaled(service.menu(), factors[i]) : Immutable.emptyMap();
            int row = settings.layout() == Layout.GRID ? slot / settings.columns() + 1 : slot + 1;
            int column = settings.layout() == Layout.GRID ? slot % settings.columns() + 1 : 1;
            ListingView view = new ListingView(
                    page.firstRank() + slot,
                    service.id(),
                    service.name(),
                    service.description(),
                    ratings[i],
                    reviews[i],
                    service.amenities(),
                    prices,
                    row,
                    column,
                    tags.get(i));
            out.add(new Placement(view, factors[i]));
        }
        return out;
    }

    private SplittableRandom nextStream(String customer) {
        int n = pagesShown.merge(customer, 1, Integer::sum) - 1;
        return Seeds.derive(seed, "market/presentation/" + customer + "/" + n);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** A uniform permutation (Fisher–Yates): slot to listing index. */
    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private void drawValues(
            List<Service> services, SplittableRandom random, double[] factors, double[] ratings, int[] reviews) {
        for (int i = 0; i < services.size(); i++) {
            double priceNormal = Gaussian.next(random);
            double ratingUniform = random.nextDouble();
            double reviewsNormal = Gaussian.next(random);
            if (settings.priceSigma() > 0) {
                factors[i] = Math.exp(settings.priceSigma() * priceNormal);
            }
            if (settings.ratingJitter() > 0) {
                ratings[i] = jitteredRating(ratings[i], settings.ratingJitter(), ratingUniform);
            }
            if (settings.reviewsSigma() > 0) {
                reviews[i] = scaledReviews(reviews[i], Math.exp(settings.reviewsSigma() * reviewsNormal));
            }
        }
    }

    /** r + U[−j, j] · (5 − r) for a uniform {@code u} in [0, 1), rounded to 0.1 and clamped to [0, 5]. */
    static double jitteredRating(double rating, double jitter, double u) {
        double shown = rating + (2 * u - 1) * jitter * (5 - rating);
        double rounded = Math.round(shown * 10) / 10.0;
        return Math.max(0, Math.min(5, rounded));
    }

    static int scaledReviews(int reviews, double factor) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(reviews * factor));
    }

    /** Each menu price × the listing's factor, rounded to the cent. */
    static SortedMap<String, Long> scaled(SortedMap<String, Long> menu, double factor) {
        if (factor == 1.0) {
            return menu;
        }
        TreeMap<String, Long> shown = new TreeMap<>();
        menu.forEach((item, price) -> shown.put(item, Math.round(price * factor)));
        return Immutable.sortedMap(shown);
    }

    /**
     * Sponsored on a uniform count from [min, max] (at most the page) of distinct listings; then
     * overall pick on one non-sponsored listing; then scarcity on one listing with no badge yet.
     */
    private void drawTags(int n, SplittableRandom random, List<SortedSet<String>> tags) {
        if (random.nextDouble() < settings.sponsored().probability()) {
            TagRule rule = settings.sponsored();
            int count = Math.min(n, random.nextInt(rule.min(), rule.max() + 1));
            int[] pool = identity(n);
            for (int k = 0; k < count; k++) {
                int j = k + random.nextInt(n - k);
                int chosen = pool[j];
                pool[j] = pool[k];
                pool[k] = chosen;
                tag(tags, chosen, Tags.SPONSORED);
            }
        }
        if (random.nextDouble() < settings.overallPick()) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (tags.get(i) == null || !tags.get(i).contains(Tags.SPONSORED)) {
                    candidates.add(i);
                }
            }
            if (!candidates.isEmpty()) {
                tag(tags, candidates.get(random.nextInt(candidates.size())), Tags.OVERALL_PICK);
            }
        }
        if (random.nextDouble() < settings.scarcity().probability()) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (tags.get(i) == null) {
                    candidates.add(i);
                }
            }
            if (!candidates.isEmpty()) {
                int chosen = candidates.get(random.nextInt(candidates.size()));
                TagRule rule = settings.scarcity();
                tag(tags, chosen, Tags.scarcity(random.nextInt(rule.min(), rule.max() + 1)));
            }
        }
    }

    private static void tag(List<SortedSet<String>> tags, int listing, String tag) {
        if (tags.get(listing) == null) {
            tags.set(listing, new TreeSet<>());
        }
        tags.get(listing).add(tag);
    }
}
