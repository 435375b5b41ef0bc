package org.mercato.sim.market.presentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.market.presentation.PagePresenter.Page;
import org.mercato.sim.market.presentation.PagePresenter.Placement;
import org.mercato.sim.market.presentation.PresentationSettings.Layout;
import org.mercato.sim.market.presentation.PresentationSettings.Mode;
import org.mercato.sim.protocol.ListingView;

/**
 * The presenter's layouts and ACES randomizations. Statistical assertions run over thousands of
 * pages drawn from fixed seeds, so each is deterministic; the tolerances are several standard
 * errors wide, so they would still hold for other seeds and fail for a wrong distribution.
 */
class PagePresenterTest {
    static final Customer ANA = customer("ana");

    static Customer customer(String id) {
        return new Customer(
                id,
                id,
                "tacos",
                new TreeMap<>(Map.of("tacos", 2, "horchata", 1)),
                new TreeMap<>(Map.of("tacos", 1000L, "horchata", 350L)),
                new TreeSet<>(),
                10_000);
    }

    /** Eight services s1..s8 with different ratings, review counts and prices. */
    static List<Service> eight() {
        List<Service> services = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            services.add(Service.of(
                    "s" + i,
                    Map.of("tacos", 900L + 37 * i, "horchata", 300L + i),
                    Set.of("delivery"),
                    0.5 * i + 0.25,
                    1_000 * i));
        }
        return services;
    }

    static List<Placement> page(PagePresenter presenter, Customer customer, List<Service> services) {
        return presenter.present(new Page(customer, services, 1, true));
    }

    static List<List<Placement>> pages(PresentationSettings settings, long seed, int count) {
        PagePresenter presenter = PagePresenter.of(settings, seed);
        List<Service> services = eight();
        List<List<Placement>> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pages.add(page(presenter, ANA, services));
        }
        return pages;
    }

    static final Map<String, Service> BY_ID = new TreeMap<>();

    static {
        eight().forEach(service -> BY_ID.put(service.id(), service));
    }

    static Service byId(String id) {
        return BY_ID.get(id);
    }

    @Nested
    class Layouts {
        @Test
        void thePlainListIsTodaysPage() {
            PagePresenter presenter = PagePresenter.plainList();
            List<Service> services = eight();
            List<Placement> shown = presenter.present(new Page(ANA, services.subList(0, 5), 11, true));

            assertThat(presenter.logsImpressions()).isFalse();
            assertThat(shown).hasSize(5);
            for (int i = 0; i < 5; i++) {
                ListingView view = shown.get(i).view();
                Service service = services.get(i);
                assertThat(view.service()).isEqualTo(service.id());
                assertThat(view.rank()).isEqualTo(11 + i);
                assertThat(view.row()).isEqualTo(i + 1);
                assertThat(view.column()).isEqualTo(1);
                assertThat(view.tags()).isEmpty();
                assertThat(view.rating()).isEqualTo(service.rating());
                assertThat(view.reviewCount()).isEqualTo(service.reviewCount());
                assertThat(view.prices()).isEqualTo(service.menu());
                assertThat(shown.get(i).priceFactor()).isEqualTo(1.0);
            }
            List<Placement> hidden = presenter.present(new Page(ANA, services, 1, false));
            assertThat(hidden).allSatisfy(p -> assertThat(p.view().prices()).isEmpty());
            assertThat(presenter.present(new Page(ANA, List.of(), 1, true))).isEmpty();
        }

        @Test
        void gridPositionsCoverEveryCellExactlyOnce() {
            for (PresentationSettings settings : List.of(
                    PresentationSettings.aces(),
                    PresentationSettings.aces().withMode(Mode.NONE),
                    PresentationSettings.aces().withMode(Mode.PERMUTATION),
                    PresentationSettings.aces().withLayout(Layout.GRID, 4, 2))) {
                for (List<Placement> shown : pages(settings, 7, 300)) {
                    Set<List<Integer>> cells = new HashSet<>();
                    Set<Integer> ranks = new HashSet<>();
                    Set<String> services = new HashSet<>();
                    for (int slot = 0; slot < shown.size(); slot++) {
                        ListingView view = shown.get(slot).view();
                        assertThat(view.row()).isBetween(1, settings.rows());
                        assertThat(view.column()).isBetween(1, settings.columns());
                        // reading order: row by row
                        assertThat((view.row() - 1) * settings.columns() + view.column() - 1)
                                .isEqualTo(slot);
                        cells.add(List.of(view.row(), view.column()));
                        ranks.add(view.rank());
                        services.add(view.service());
                    }
                    assertThat(cells).hasSize(settings.rows() * settings.columns());
                    assertThat(ranks).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
                    assertThat(services).hasSize(8);
                }
            }
        }

        @Test
        void aShortPageFillsTheFirstCellsInReadingOrder() {
            PagePresenter presenter =
                    PagePresenter.of(PresentationSettings.aces().withLayout(Layout.GRID, 3, 3), 1);
            for (int i = 0; i < 50; i++) {
                List<Placement> shown = presenter.present(new Page(ANA, eight().subList(0, 5), 10, true));
                assertThat(shown)
                        .extracting(p -> List.of(p.view().row(), p.view().column()))
                        .containsExactly(List.of(1, 1), List.of(1, 2), List.of(1, 3), List.of(2, 1), List.of(2, 2));
                assertThat(shown).extracting(p -> p.view().rank()).containsExactly(10, 11, 12, 13, 14);
            }
        }

        @Test
        void aPageLargerThanTheGridIsRefused() {
            PagePresenter presenter = PagePresenter.of(PresentationSettings.aces(), 1);
            List<Service> nine = new ArrayList<>(eight());
            nine.add(Service.of("s9", Map.of("tacos", 1L), Set.of(), 3, 3));
            assertThatThrownBy(() -> presenter.present(new Page(ANA, nine, 1, true)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("2 x 4 grid");
        }

        @Test
        void shufflingPutsTheTopListingInEveryCellAboutEquallyOften() {
            int pages = 4_000;
            int[] cellOfTop = new int[8];
            for (List<Placement> shown : pages(PresentationSettings.aces(), 3, pages)) {
                for (Placement p : shown) {
                    if (p.view().service().equals("s1")) {
                        cellOfTop[(p.view().row() - 1) * 4 + p.view().column() - 1]++;
                    }
                }
            }
            // 500 expected per cell, binomial sd ~21: +-100 is ~5 sd
            for (int count : cellOfTop) {
                assertThat(count).isBetween(400, 600);
            }
        }

        @Test
        void withShuffleOffTheFullModeKeepsRankOrder() {
            PresentationSettings noShuffle = new PresentationSettings(
                    Layout.GRID, 2, 4, Mode.FULL, false, 0.3, 0.4, 1, TagRule.ACES, 0.5, TagRule.ACES, true);
            for (List<Placement> shown : pages(noShuffle, 5, 100)) {
                assertThat(shown)
                        .extracting(p -> p.view().service())
                        .containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
            }
        }
    }

    @Nested
    class TagRules {
        @Test
        void tagsFollowTheAcesRulesAtTheirFrequencies() {
            int pages = 4_000;
            int withSponsored = 0;
            int withPick = 0;
            int withScarcity = 0;
            int[] sponsoredCounts = new int[5];
            int[] scarcityN = new int[5];
            for (List<Placement> shown : pages(PresentationSettings.aces(), 11, pages)) {
                int sponsored = 0;
                int picks = 0;
                int scarce = 0;
                for (Placement p : shown) {
                    Set<String> tags = p.view().tags();
                    if (tags.contains(Tags.SPONSORED)) {
                        sponsored++;
                    }
                    if (tags.contains(Tags.OVERALL_PICK)) {
                        picks++;
                        assertThat(tags)
                                .as("overall pick never on a sponsored listing")
                                .doesNotContain(Tags.SPONSORED);
                    }
                    for (String tag : tags) {
                        if (tag.startsWith(Tags.SCARCITY_PREFIX)) {
                            scarce++;
                            assertThat(tags)
                                    .as("scarcity only on an otherwise untagged listing")
                                    .hasSize(1);
                            int n = Integer.parseInt(tag.substring(Tags.SCARCITY_PREFIX.length()));
                            assertThat(n).isBetween(1, 4);
                            scarcityN[n]++;
                        }
                    }
                    assertThat(tags)
                            .allSatisfy(tag -> assertThat(tag).matches("sponsored|overall-pick|scarcity:[1-4]"));
                }
                assertThat(sponsored).isBetween(0, 4);
                assertThat(picks).isBetween(0, 1);
                assertThat(scarce).isBetween(0, 1);
                sponsoredCounts[sponsored]++;
                withSponsored += sponsored > 0 ? 1 : 0;
                withPick += picks;
                withScarcity += scarce;
            }
            // p = 0.5 over 4000 pages: sd ~0.0079, so +-0.04 is ~5 sd
            assertThat(withSponsored / (double) pages).isCloseTo(0.5, within(0.04));
            assertThat(withPick / (double) pages).isCloseTo(0.5, within(0.04));
            assertThat(withScarcity / (double) pages).isCloseTo(0.5, within(0.04));
            // the count of sponsored listings, when present, is uniform on 1..4: ~500 pages each (sd ~21)
            for (int k = 1; k <= 4; k++) {
                assertThat(sponsoredCounts[k]).as("pages with %d sponsored", k).isBetween(400, 600);
                assertThat(scarcityN[k]).as("Only %d left", k).isBetween(400, 600);
            }
        }

        @Test
        void probabilitiesAndRangesAreParameters() {
            PresentationSettings always = new PresentationSettings(
                    Layout.LIST, 0, 0, Mode.FULL, true, 0, 0, 0, new TagRule(1, 2, 2), 1, new TagRule(1, 7, 7), true);
            for (List<Placement> shown : pages(always, 2, 200)) {
                List<Set<String>> tags =
                        shown.stream().map(p -> (Set<String>) p.view().tags()).toList();
                assertThat(tags.stream().filter(t -> t.contains(Tags.SPONSORED)))
                        .hasSize(2);
                assertThat(tags.stream().filter(t -> t.contains(Tags.OVERALL_PICK)))
                        .hasSize(1);
                assertThat(tags.stream().filter(t -> t.contains("scarcity:7"))).hasSize(1);
            }
            PresentationSettings never = new PresentationSettings(
                    Layout.LIST, 0, 0, Mode.FULL, true, 0, 0, 0, TagRule.OFF, 0, TagRule.OFF, true);
            for (List<Placement> shown : pages(never, 2, 200)) {
                assertThat(shown).allSatisfy(p -> assertThat(p.view().tags()).isEmpty());
            }
        }

        @Test
        void aOneListingPageTakesAtMostTheSponsoredBadge() {
            PresentationSettings always = new PresentationSettings(
                    Layout.LIST, 0, 0, Mode.FULL, true, 0, 0, 0, new TagRule(1, 1, 4), 1, new TagRule(1, 1, 4), true);
            PagePresenter presenter = PagePresenter.of(always, 9);
            for (int i = 0; i < 50; i++) {
                List<Placement> shown = presenter.present(new Page(ANA, eight().subList(0, 1), 1, true));
                assertThat(shown.get(0).view().tags()).containsExactly(Tags.SPONSORED);
            }
        }
    }

    @Nested
    class Values {
        @Test
        void priceFactorsAreLogNormalWithSigmaPointThreeAndPricesAreScaledAndRounded() {
            List<Double> logs = new ArrayList<>();
            for (List<Placement> shown : pages(PresentationSettings.aces(), 21, 4_000)) {
                for (Placement p : shown) {
                    Service service = byId(p.view().service());
                    double factor = p.priceFactor();
                    logs.add(Math.log(factor));
                    service.menu()
                            .forEach((item, price) ->
                                    assertThat(p.view().prices().get(item)).isEqualTo(Math.round(price * factor)));
                }
            }
            // 32,000 draws: the mean's sd is 0.3 / sqrt(32000) ~ 0.0017
            assertThat(mean(logs)).isCloseTo(0, within(0.01));
            assertThat(sd(logs)).isCloseTo(0.3, within(0.01));
        }

        @Test
        void ratingsStayWithinTheirJitterRangeRoundedToATenth() {
            List<Double> shifts = new ArrayList<>();
            double lowest = 5;
            double highest = 0;
            for (List<Placement> shown : pages(PresentationSettings.aces(), 4, 4_000)) {
                for (Placement p : shown) {
                    double r = byId(p.view().service()).rating();
                    double shownRating = p.view().rating();
                    double half = 0.4 * (5 - r);
                    // the range [r - 0.4(5 - r), r + 0.4(5 - r)], widened by the rounding to 0.1, within [0, 5]
                    assertThat(shownRating).isBetween(Math.max(0, r - half - 0.05), Math.min(5, r + half + 0.05));
                    assertThat(shownRating * 10).isCloseTo(Math.rint(shownRating * 10), within(1e-9));
                    if (p.view().service().equals("s6")) { // r = 3.25: range [2.55, 3.95]
                        lowest = Math.min(lowest, shownRating);
                        highest = Math.max(highest, shownRating);
                        shifts.add(shownRating - r);
                    }
                }
            }
            assertThat(lowest).isCloseTo(2.6, within(1e-9));
            assertThat(highest).isCloseTo(3.9, within(1e-9));
            // uniform shift on [-0.7, 0.7]: mean 0 (sd of the mean over 4000 draws ~0.006)
            assertThat(mean(shifts)).isCloseTo(0, within(0.03));
        }

        @Test
        void lowRatingsAreClampedAtZero() {
            assertThat(RandomizedPresenter.jitteredRating(0.5, 0.4, 0.0)).isEqualTo(0.0); // 0.5 - 1.8
            assertThat(RandomizedPresenter.jitteredRating(1.0, 0.4, 0.25)).isEqualTo(0.2); // 1 - 0.8
            assertThat(RandomizedPresenter.jitteredRating(4.0, 0.4, 0.5)).isEqualTo(4.0);
            assertThat(RandomizedPresenter.jitteredRating(5.0, 0.4, 0.0)).isEqualTo(5.0);
            assertThat(RandomizedPresenter.jitteredRating(4.04, 0.4, 0.999999)).isEqualTo(4.4);
        }

        @Test
        void reviewCountsAreScaledByALogNormalWithSigmaOne() {
            List<Double> logs = new ArrayList<>();
            for (List<Placement> shown : pages(PresentationSettings.aces(), 8, 4_000)) {
                for (Placement p : shown) {
                    int reviews = byId(p.view().service()).reviewCount();
                    if (reviews >= 5_000 && p.view().reviewCount() > 0) {
                        logs.add(Math.log(p.view().reviewCount() / (double) reviews));
                    }
                }
            }
            assertThat(logs).hasSizeGreaterThan(15_000);
            assertThat(mean(logs)).isCloseTo(0, within(0.04));
            assertThat(sd(logs)).isCloseTo(1.0, within(0.03));
        }

        @Test
        void permutationOnlyShufflesAndLeavesEveryValueUntouched() {
            PresentationSettings permutation = PresentationSettings.aces().withMode(Mode.PERMUTATION);
            List<List<Placement>> shuffled = pages(permutation, 13, 500);
            List<List<Placement>> full = pages(PresentationSettings.aces(), 13, 500);
            int reordered = 0;
            for (int i = 0; i < shuffled.size(); i++) {
                List<Placement> shown = shuffled.get(i);
                for (Placement p : shown) {
                    Service service = byId(p.view().service());
                    assertThat(p.view().rating()).isEqualTo(service.rating());
                    assertThat(p.view().reviewCount()).isEqualTo(service.reviewCount());
                    assertThat(p.view().prices()).isEqualTo(service.menu());
                    assertThat(p.view().tags()).isEmpty();
                    assertThat(p.priceFactor()).isEqualTo(1.0);
                }
                List<String> order = shown.stream().map(p -> p.view().service()).toList();
                if (!order.equals(List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"))) {
                    reordered++;
                }
                // the same seed draws the same permutation in both modes (common random numbers)
                assertThat(order)
                        .containsExactlyElementsOf(full.get(i).stream()
                                .map(p -> p.view().service())
                                .toList());
            }
            assertThat(reordered).isGreaterThan(490);
        }

        @Test
        void theNoneModeDrawsNothing() {
            for (List<Placement> shown : pages(PresentationSettings.aces().withMode(Mode.NONE), 13, 20)) {
                assertThat(shown)
                        .extracting(p -> p.view().service())
                        .containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
                assertThat(shown).allSatisfy(p -> {
                    assertThat(p.view().tags()).isEmpty();
                    assertThat(p.priceFactor()).isEqualTo(1.0);
                });
            }
        }
    }

    @Nested
    class Streams {
        @Test
        void theSameSeedGivesTheSamePagesAndAnotherSeedOthers() {
            assertThat(pages(PresentationSettings.aces(), 99, 50))
                    .isEqualTo(pages(PresentationSettings.aces(), 99, 50))
                    .isNotEqualTo(pages(PresentationSettings.aces(), 98, 50));
        }

        @Test
        void aCustomersPagesDoNotDependOnOtherCustomersSearches() {
            Customer bob = customer("bob");
            PagePresenter alone = PagePresenter.of(PresentationSettings.aces(), 5);
            PagePresenter crowded = PagePresenter.of(PresentationSettings.aces(), 5);
            for (int i = 0; i < 20; i++) {
                List<Placement> expected = page(alone, ANA, eight());
                page(crowded, bob, eight());
                page(crowded, bob, eight());
                assertThat(page(crowded, ANA, eight())).isEqualTo(expected);
            }
        }
    }

    static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    static double sd(List<Double> values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.size() - 1));
    }
}
