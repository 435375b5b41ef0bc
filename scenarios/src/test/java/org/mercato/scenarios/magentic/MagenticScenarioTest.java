package org.mercato.scenarios.magentic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.CatalogFactory;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.validate.ScenarioValidator;

/** A scenario whose market is a Magentic dataset folder: loading, validating and running it. */
class MagenticScenarioTest {
    @TempDir
    Path dir;

    /** The fixture copied to {@code dir/data/bakeries}, and a scenario in {@code dir} pointing at it. */
    private Path scenario(String market) throws IOException {
        Path target = dir.resolve("data/bakeries");
        try (Stream<Path> files = Files.walk(MagenticData.fixture())) {
            for (Path source : files.toList()) {
                Path to =
                        target.resolve(MagenticData.fixture().relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(source, to);
                }
            }
        }
        return Files.writeString(dir.resolve("scenario.yaml"), "name: bakeries\nseed: 3\nmarket:\n" + market);
    }

    private static Scenario load(Path file) {
        return ScenarioValidator.load(file, List.of(), PolicyRegistry.builtIn());
    }

    @Test
    void aRelativeFolderIsResolvedAgainstTheScenarioFile() throws IOException {
        Scenario scenario = load(scenario("  magentic: data/bakeries\n"));

        assertThat(scenario.market().magentic())
                .isEqualTo(dir.resolve("data/bakeries")
                        .toAbsolutePath()
                        .normalize()
                        .toString());
        assertThat(CatalogFactory.catalog(scenario).customers()).hasSize(3);
    }

    @Test
    void anAbsoluteFolderIsKept() throws IOException {
        String absolute = MagenticData.fixture().toAbsolutePath().normalize().toString();

        Scenario scenario = load(scenario("  magentic: " + absolute + "\n"));

        assertThat(scenario.market().magentic()).isEqualTo(absolute);
        assertThat(CatalogFactory.catalog(scenario).services()).hasSize(3);
    }

    @Test
    void aBadDatasetIsReportedAtTheKeyAndInTheFile() throws IOException {
        Path file = scenario("  magentic: data/bakeries\n");
        Path bakery = dir.resolve("data/bakeries/businesses/bakery_2.yaml");
        Files.writeString(bakery, Files.readString(bakery).replace("rating: 4.6", "rating: high"));

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load(file));

        assertThat(e.getMessage())
                .isEqualTo(file + ":4:13: market.magentic: "
                        + bakery.toAbsolutePath().normalize()
                        + ":4:9: rating: expected a rating (a number), got text 'high'");
    }

    @Test
    void aMissingFolder() throws IOException {
        Path file = scenario("  magentic: data/elsewhere\n");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load(file));

        assertThat(e.getMessage())
                .isEqualTo(file + ":4:13: market.magentic: "
                        + dir.resolve("data/elsewhere").toAbsolutePath().normalize() + ": no such folder");
    }

    @Test
    void exactlyOneMarketSource() throws IOException {
        Path file = scenario("  magentic: data/bakeries\n  generate: {customers: 3, services: 2}\n");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load(file));

        assertThat(e.getMessage())
                .contains("market")
                .endsWith("give exactly one market source: generate, services and customers, or magentic");
    }

    @Test
    void anOverrideCanPointTheScenarioElsewhere() throws IOException {
        Path file = scenario("  generate: {customers: 3, services: 2}\n");

        Scenario scenario = ScenarioValidator.load(
                file, List.of("market.generate=null", "market.magentic=data/bakeries"), PolicyRegistry.builtIn());

        assertThat(scenario.market().generate()).isNull();
        assertThat(CatalogFactory.catalog(scenario).customers()).hasSize(3);
    }

    @Test
    void unservableCustomersAreWarnedAboutInTheSummaryAndRunLog() throws IOException {
        Path file = scenario("  magentic: data/bakeries\n");
        Path bakery = dir.resolve("data/bakeries/businesses/bakery_3.yaml");
        Files.writeString(bakery, Files.readString(bakery).replace("Curbside Pickup: true", "Curbside Pickup: false"));

        RunResult result = Mercato.writingTo(dir.resolve("runs")).run(load(file));

        String warning = "customer shopper_2 cannot be served: the only business that sells all of 'Plum Tart'"
                + " lacks some of 'Curbside Pickup'";
        assertThat(result.summary().warnings()).containsExactly(warning);
        assertThat(result.folder().resolve("summary.json")).content().contains("\"warnings\" : [ \"" + warning);
        assertThat(result.folder().resolve("run.log")).content().contains("WARN", warning);
        assertThat(result.summary().market().customers()).isEqualTo(3);
    }
}
