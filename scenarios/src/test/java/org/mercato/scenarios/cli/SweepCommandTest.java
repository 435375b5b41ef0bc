package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.badInput;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.sweep.SweepStore;
import picocli.CommandLine;

class SweepCommandTest {
    static final String TINY = String.join(
            "\n",
            "name: tiny",
            "seed: 3",
            "kernel: {mode: bare, networkDelay: 5ms}",
            "market:",
            "  generate: {domain: restaurants, customers: 6, services: 3, itemsPerCustomer: 2}",
            "agents:",
            "  assistants:",
            "    - policy: rational",
            "      params: {inquiries: 2}",
            "  services:",
            "    - policy: posted-price",
            "sweep:",
            "  design: grid",
            "  factors:",
            "    agents.assistants[0].params.inquiries: [1, 2]",
            "  replicates: 2",
            "");

    @TempDir
    Path dir;

    @Test
    void dryRunListsTheBundledDemosCells() {
        MercatoCliTest.Result result = mercato("sweep", "sweep-demo.yaml", "--dry-run", "--out", dir.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .startsWith("Sweep sweep-demo: grid design over 2 factors, 6 points x 5 replicates = 30 cells")
                .contains("#29 ", "market.search.mechanism=lexical", "seed 15")
                .contains("would run 30 cells, reuse 0 finished ones");
        assertThat(dir.resolve("sweep.duckdb")).doesNotExist();
    }

    @Test
    void cellsSharingAnAuctionMemoryRunOneAtATimeAndNeverOnACluster() throws Exception {
        String routing = Files.readString(Path.of("..", "scenarios", "strategy-auction-routing.yaml"));
        Path shared = Files.writeString(
                dir.resolve("shared.yaml"),
                routing.replace(
                        "  strategyAuction:\n", "  strategyAuction:\n    memory: " + dir.resolve("memory") + "\n"));
        Path separate = Files.writeString(dir.resolve("separate.yaml"), routing);

        MercatoCliTest.Result local =
                mercato("sweep", shared.toString(), "--dry-run", "--parallelism", "2", "--out", dir.toString());
        MercatoCliTest.Result unshared =
                mercato("sweep", separate.toString(), "--dry-run", "--parallelism", "2", "--out", dir.toString());

        assertThat(local.code()).as(local.err()).isZero();
        assertThat(local.out()).contains("running them one at a time");
        assertThat(unshared.code()).as(unshared.err()).isZero();
        assertThat(unshared.out()).doesNotContain("one at a time");
        assertThat(badInput(mercato("sweep", shared.toString(), "--cluster", "--bind", "127.0.0.1:0")))
                .contains("market.strategyAuction.memory")
                .contains("one after another");
    }

    @Test
    void badOptionsAndKeysAreBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        assertThat(badInput(mercato("sweep"))).contains("missing FILE");
        assertThat(badInput(mercato("sweep", file.toString(), "--shard", "2/2")))
                .contains("--shard 2/2");
        assertThat(badInput(mercato("sweep", file.toString(), "--cluster"))).contains("--bind");
        assertThat(badInput(mercato("sweep", file.toString(), "--cluster", "--bind", "localhost")))
                .contains("host:port");
        assertThat(badInput(mercato("worker", "--join", "nowhere"))).contains("host:port");
        Path bad = Files.writeString(
                dir.resolve("bad.yaml"), TINY.replace("params.inquiries: [1, 2]", "params.inquries: [1, 2]"));
        assertThat(badInput(mercato("sweep", bad.toString(), "--dry-run"))).contains("--set agents.assistants[0]");
        assertThat(badInput(mercato("sweep", dir.resolve("missing.yaml").toString())))
                .contains("no such file");
    }

    @Test
    void shardsThenMergeThenARerunThatReusesEverything() throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path out = dir.resolve("out");
        for (String shard : List.of("0/2", "1/2")) {
            MercatoCliTest.Result r =
                    mercato("sweep", file.toString(), "--shard", shard, "--out", out.toString(), "--parallelism", "2");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("2 ok, 0 failed; 0 reused");
        }
        MercatoCliTest.Result merged = mercato(
                "sweep",
                "merge",
                out.resolve("sweep-shard-0-of-2.duckdb").toString(),
                out.resolve("sweep-shard-1-of-2.duckdb").toString());
        assertThat(merged.code()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("Merged 2 files: 4 cells taken, 4 in the sweep");
        assertThat(out.resolve("sweep-report.html")).isNotEmptyFile();
        assertThat(out.resolve("export/metrics.parquet")).isNotEmptyFile();

        MercatoCliTest.Result rerun = mercato("sweep", file.toString(), "--out", out.toString());
        assertThat(rerun.code()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("4 ok, 0 failed; 4 reused from earlier runs, 0 run now");
        try (SweepStore store = SweepStore.open(out.resolve("sweep.duckdb"))) {
            assertThat(store.cellRowsAndIds()).containsExactly(4, 4);
        }
        MercatoCliTest.Result dry = mercato("sweep", file.toString(), "--out", out.toString(), "--dry-run");
        assertThat(dry.out()).contains("[ok]", "would run 0 cells, reuse 4 finished ones", "estimate: ", "metric rows");
    }

    /** The launch files use only commands and options the CLI has. */
    @Test
    void dockerAndSlurmFilesUseRealCommandsAndOptions() throws Exception {
        Path docker = Path.of("..", "docker");
        CommandLine cli = MercatoCli.commandLine();

        JsonNode compose = new ObjectMapper(new YAMLFactory())
                .readTree(docker.resolve("compose.yaml").toFile());
        List<List<String>> invocations = new ArrayList<>();
        for (JsonNode service : compose.get("services")) {
            List<String> args = new ArrayList<>();
            service.get("command").forEach(a -> args.add(a.asText()));
            invocations.add(args);
        }
        assertThat(invocations).extracting(a -> a.get(0)).containsExactlyInAnyOrder("sweep", "worker");

        String sbatch = Files.readString(docker.resolve("slurm/sweep.sbatch")).replace("\\\n", " ");
        Matcher m = Pattern.compile("\"\\$\\{mercato\\[@]}\" ((?:sweep merge|sweep|worker)\\b[^\\n&]*)")
                .matcher(sbatch);
        while (m.find()) {
            invocations.add(List.of(m.group(1).split("\\s+")));
        }
        assertThat(invocations).hasSizeGreaterThanOrEqualTo(6);
        for (List<String> args : invocations) {
            CommandLine command = cli.getSubcommands().get(args.get(0));
            int from = 1;
            if (args.size() > 1 && args.get(1).equals("merge")) {
                command = command.getSubcommands().get("merge");
                from = 2;
            }
            for (String arg : args.subList(from, args.size())) {
                if (arg.startsWith("--")) {
                    String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                    CommandLine.Model.OptionSpec spec = command.getCommandSpec().findOption(option);
                    if (spec == null && option.startsWith("--no-")) {
                        spec = command.getCommandSpec().findOption("--" + option.substring(5));
                        assertThat(spec == null || spec.negatable()).isTrue();
                    }
                    assertThat(spec)
                            .as("%s in '%s'", option, String.join(" ", args))
                            .isNotNull();
                }
            }
        }

        String dockerfile = Files.readString(docker.resolve("Dockerfile"));
        assertThat(Pattern.compile("^FROM ", Pattern.MULTILINE)
                        .matcher(dockerfile)
                        .results())
                .hasSize(2);
        assertThat(dockerfile)
                .contains("FROM eclipse-temurin:17-jdk AS build", "./mvnw", "FROM eclipse-temurin:17-jre")
                .contains("USER mercato", "org.mercato.scenarios.cli.MercatoCli");
    }
}
