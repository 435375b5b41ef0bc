package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.BundledScenarios;

/** {@code mercato list} and bundled scenarios by name, from the command line and embedded. */
class BundledScenariosCliTest {
    @Test
    void listShowsEveryBundledScenarioWithItsDescriptionByName() throws Exception {
        MercatoCliTest.Result result = mercato("list");

        assertThat(result.code()).isZero();
        List<String> lines = result.out().lines().toList();
        List<String> files;
        try (Stream<Path> listing = Files.list(Path.of(""))) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted()
                    .toList();
        }
        assertThat(lines).hasSameSizeAs(files);
        for (int i = 0; i < files.size(); i++) {
            assertThat(lines.get(i)).startsWith(files.get(i) + " ");
        }
        assertThat(result.out())
                .containsPattern("first-proposal-bias +Study 3 \\(Magentic\\): one customer, three equal services");
    }

    @Test
    void everyBundledScenarioHasANameEqualToItsFileAndADescription() {
        for (BundledScenarios.Entry entry : BundledScenarios.list()) {
            assertThat(entry.description()).as(entry.name()).isNotBlank();
            assertThat(Mercato.bundled(entry.name()).name()).isEqualTo(entry.name());
            // list reads only the description, token by token; it must be what loading the file gives
            assertThat(entry.description())
                    .isEqualTo(Mercato.bundled(entry.name()).description());
        }
    }

    @Test
    void runTakesABareNameForABundledScenario(@TempDir Path out) {
        MercatoCliTest.Result result = mercato(
                "run", "first-proposal-bias", "--out", out.toString(), "--quiet", "--set", "output.duckdb=false");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(Path.of(result.out().strip()).resolve("summary.json")).exists();
        assertThat(mercato("validate", "position-and-tags").out()).startsWith("ok: position-and-tags, 2500 customers");
    }

    @Test
    void anUnknownNameIsBadInputListingTheKnownOnes() {
        MercatoCliTest.Result result = mercato("run", "first-proposal-bais");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("error: first-proposal-bais: no such file, and no bundled scenario of that name; bundled: ")
                .contains("first-proposal-bias, llm-local")
                .doesNotContain("\tat ");
        assertThat(mercato("run", "nothing/here.yaml").err()).startsWith("error: nothing/here.yaml: no such file");
    }

    @Test
    void aMissingFileNamedLikeABundledScenarioSaysHowToNameIt() {
        // the tests run in the folder of the bundled files, so the .yml spelling is the one missing here
        for (String command : List.of("run", "validate", "sweep")) {
            MercatoCliTest.Result result = mercato(command, "quickstart.yml");

            assertThat(result.code()).as(command).isEqualTo(2);
            assertThat(result.err())
                    .as(command)
                    .startsWith("error: quickstart.yml: no such file here; to run the bundled scenario of that"
                            + " name, give its name ('quickstart') or its path (")
                    .contains("quickstart.yaml)")
                    .doesNotContain("\tat ");
        }
        assertThat(mercato("run", "no-such-study.yaml").err()).startsWith("error: no-such-study.yaml: no such file");
    }
}
