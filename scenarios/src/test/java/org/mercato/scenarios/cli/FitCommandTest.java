package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FitCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int mercato(String... args) {
        CommandLine cli = new CommandLine(new MercatoCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Two-alternative sets where the cheaper one is chosen with logit probability, slope -2. */
    private static Path choices(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("set,shopper,alt,price,chosen\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int s = 0; s < 1_500; s++) {
            double a = random.nextDouble() * 2;
            double b = random.nextDouble() * 2;
            double pa = 1 / (1 + Math.exp(-2 * (b - a)));
            boolean first = random.nextDouble() < pa;
            csv.append(s)
                    .append(',')
                    .append(s % 50)
                    .append(",0,")
                    .append(a)
                    .append(',')
                    .append(first ? 1 : 0)
                    .append('\n');
            csv.append(s)
                    .append(',')
                    .append(s % 50)
                    .append(",1,")
                    .append(b)
                    .append(',')
                    .append(first ? 0 : 1)
                    .append('\n');
        }
        Path file = dir.resolve("choices.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void fitsPrintsAndWritesJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("fit.json");
        int code = mercato(
                "fit",
                "clogit",
                choices(dir).toString(),
                "--set",
                "set",
                "--chosen",
                "chosen",
                "--cluster",
                "shopper",
                "--ignore",
                "alt",
                "--json",
                json.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("price").contains("converged").contains("50 clusters");
        JsonNode fit = new ObjectMapper().readTree(json.toFile());
        JsonNode price = fit.get("covariates").get(0);
        assertThat(price.get("name").asText()).isEqualTo("price");
        double coef = price.get("coef").asDouble();
        assertThat(Math.abs(coef + 2)).isLessThan(2 * price.get("se").asDouble());
        assertThat(price.get("robustSe").isNumber()).isTrue();
        assertThat(fit.get("choiceSets").asInt()).isEqualTo(1_500);
    }

    @Test
    void badInputExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path csv = choices(dir);
        assertThat(mercato("fit", "clogit", csv.toString(), "--set", "set", "--chosen", "picked"))
                .isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("error: ")
                .contains("picked")
                .doesNotContain("\n");
        assertThat(mercato("fit", "clogit", dir.resolve("none.csv").toString(), "--set", "s", "--chosen", "c"))
                .isEqualTo(2);
    }
}
