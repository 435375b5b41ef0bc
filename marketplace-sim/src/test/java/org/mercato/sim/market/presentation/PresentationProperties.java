package org.mercato.sim.market.presentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.mercato.sim.domain.Service;
import org.mercato.sim.market.presentation.PagePresenter.Page;
import org.mercato.sim.market.presentation.PagePresenter.Placement;
import org.mercato.sim.market.presentation.PresentationSettings.Layout;
import org.mercato.sim.market.presentation.PresentationSettings.Mode;

/** The layout and badge rules hold for any seed, page size, grid shape and rule parameters. */
class PresentationProperties {
    @Property(tries = 400)
    void everyPageFollowsTheLayoutAndBadgeRules(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int rows,
            @ForAll @IntRange(min = 1, max = 4) int columns,
            @ForAll @IntRange(min = 0, max = 16) int listings,
            @ForAll @DoubleRange(min = 0, max = 1) double sponsoredProbability,
            @ForAll @IntRange(min = 1, max = 5) int sponsoredMin,
            @ForAll @IntRange(min = 0, max = 4) int sponsoredExtra,
            @ForAll @DoubleRange(min = 0, max = 1) double pickProbability,
            @ForAll @DoubleRange(min = 0, max = 1) double scarcityProbability,
            @ForAll @IntRange(min = 1, max = 9) int scarcityMin,
            @ForAll @IntRange(min = 0, max = 3) int scarcityExtra,
            @ForAll boolean shuffle) {
        int n = Math.min(listings, rows * columns);
        TagRule sponsoredRule = new TagRule(sponsoredProbability, sponsoredMin, sponsoredMin + sponsoredExtra);
        TagRule scarcityRule = new TagRule(scarcityProbability, scarcityMin, scarcityMin + scarcityExtra);
        PresentationSettings settings = new PresentationSettings(
                Layout.GRID,
                rows,
                columns,
                Mode.FULL,
                shuffle,
                0.3,
                0.4,
                1,
                sponsoredRule,
                pickProbability,
                scarcityRule,
                true);
        List<Service> services = PagePresenterTest.eight().subList(0, Math.min(n, 8));
        if (n > 8) {
            services = new java.util.ArrayList<>(services);
            for (int i = 9; i <= n; i++) {
                services.add(Service.of("s" + i, java.util.Map.of("tacos", 100L * i), Set.of(), 2.5, i));
            }
        }
        PagePresenter presenter = PagePresenter.of(settings, seed);
        for (int page = 0; page < 3; page++) {
            List<Placement> shown = presenter.present(new Page(PagePresenterTest.ANA, services, 1 + page * n, true));
            assertThat(shown).hasSize(n);
            Set<List<Integer>> cells = new HashSet<>();
            Set<String> ids = new HashSet<>();
            int sponsored = 0;
            int picks = 0;
            int scarce = 0;
            for (int slot = 0; slot < n; slot++) {
                var view = shown.get(slot).view();
                assertThat(view.rank()).isEqualTo(1 + page * n + slot);
                assertThat((view.row() - 1) * columns + view.column() - 1).isEqualTo(slot);
                assertThat(view.column()).isBetween(1, columns);
                cells.add(List.of(view.row(), view.column()));
                ids.add(view.service());
                if (view.tags().contains(Tags.SPONSORED)) {
                    sponsored++;
                }
                if (view.tags().contains(Tags.OVERALL_PICK)) {
                    picks++;
                    assertThat(view.tags()).doesNotContain(Tags.SPONSORED);
                }
                for (String tag : view.tags()) {
                    if (tag.startsWith(Tags.SCARCITY_PREFIX)) {
                        scarce++;
                        assertThat(view.tags()).hasSize(1);
                        assertThat(Integer.parseInt(tag.substring(Tags.SCARCITY_PREFIX.length())))
                                .isBetween(scarcityRule.min(), scarcityRule.max());
                    }
                }
            }
            assertThat(cells).hasSize(n);
            assertThat(ids).hasSize(n);
            if (sponsored > 0) {
                assertThat(sponsored).isBetween(Math.min(n, sponsoredRule.min()), Math.min(n, sponsoredRule.max()));
            }
            assertThat(picks).isLessThanOrEqualTo(1);
            assertThat(scarce).isLessThanOrEqualTo(1);
            if (sponsoredProbability == 0) {
                assertThat(sponsored).isZero();
            }
        }
    }
}
