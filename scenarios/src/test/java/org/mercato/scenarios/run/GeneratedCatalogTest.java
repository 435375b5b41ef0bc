package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.domain.Catalog;

/**
 * Loading a scenario wires it to check it, and its run wires it again: the generated catalog is
 * made once for both, and only for the same generator settings and seed.
 */
class GeneratedCatalogTest {
    private static final Path QUICKSTART = Path.of("quickstart.yaml");

    private static Scenario quickstart(String... overrides) {
        return ScenarioValidator.load(QUICKSTART, List.of(overrides), PolicyRegistry.builtIn());
    }

    @Test
    void theRunGetsTheCatalogTheCheckGenerated() {
        Scenario loaded = quickstart("market.generate.customers=321"); // loading generated it once

        Catalog first = CatalogFactory.catalog(loaded);

        assertThat(CatalogFactory.catalog(loaded)).isSameAs(first);
        assertThat(first.customers()).hasSize(321);
    }

    @Test
    void anotherSeedOrSizeGeneratesAnotherCatalogEqualToAFreshOne() {
        Catalog small = CatalogFactory.catalog(quickstart("market.generate.customers=50"));
        Catalog otherSeed = CatalogFactory.catalog(quickstart("market.generate.customers=50", "seed=7"));
        Catalog again = CatalogFactory.catalog(quickstart("market.generate.customers=50"));

        assertThat(otherSeed).isNotSameAs(small).isNotEqualTo(small);
        assertThat(again).isNotSameAs(otherSeed).isEqualTo(small);
    }
}
