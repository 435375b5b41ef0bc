package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.sweep.CodeVersion;
import picocli.CommandLine;

/** Runs the CLI in-process; tests run in the module folder, so the bundled scenario is {@code quickstart.yaml}. */
class MercatoCliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Result mercato(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MercatoCli.commandLine(args); // as main builds it
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Bad input: exit 2, exactly one line on stderr, no stack trace. */
    static String badInput(Result result) {
        assertThat(result.code()).as("exit code; stderr: %s", result.err()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("error: ").doesNotContain("at org.").doesNotContain("Exception:");
        return result.err().strip();
    }

    @Test
    void aCommandNamedFirstIsTheOnlyOneBuiltAndEveryOtherFirstArgumentGetsThemAll() {
        List<String> all = MercatoCli.commands(MercatoCli.commandLine().getCommandSpec());
        assertThat(all)
                .containsExactly("run", "validate", "baselines", "fit", "report", "ui", "list", "sweep", "worker");
        for (String name : all) {
            CommandLine only = MercatoCli.commandLine(new String[] {name, "--help"});
            assertThat(only.getSubcommands()).as(name).containsOnlyKeys(name);
        }
        for (String first : List.of("help", "--help", "runn", "-V")) {
            assertThat(MercatoCli.commands(
                            MercatoCli.commandLine(new String[] {first}).getCommandSpec()))
                    .as(first)
                    .isEqualTo(all);
        }
    }

    @Test
    void theBundledLlmScenarioValidatesWithoutCallingAModel() {
        Result result = mercato("validate", "llm-local.yaml");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("ok: llm-local, 5 customers, 10 services");
    }

    @Test
    void validateTheQuickstart() {
        Result result = mercato("validate", "quickstart.yaml");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("ok: quickstart, 200 customers, 40 services" + System.lineSeparator());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void validateAppliesOverrides() {
        Result result = mercato("validate", "quickstart.yaml", "--set", "market.generate.customers=5");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("ok: quickstart, 5 customers, 40 services");
    }

    @Test
    void missingFile() {
        assertThat(badInput(mercato("run", "nonexistent.yaml"))).isEqualTo("error: nonexistent.yaml: no such file");
        assertThat(badInput(mercato("validate", "nonexistent.yaml")))
                .isEqualTo("error: nonexistent.yaml: no such file");
    }

    @Test
    void unknownKeyInTheFile() throws IOException {
        Path file = dir.resolve("typo.yaml");
        String text = Files.readString(Path.of("quickstart.yaml")).replace("median: 200ms", "mediam: 200ms");
        Files.writeString(file, text);

        String error = badInput(mercato("validate", file.toString()));

        assertThat(error)
                .contains("typo.yaml:" + position(text, "mediam")
                        + ": agents.assistants[0].thinkTime.mediam: unknown key 'mediam'")
                .contains("median");
    }

    @Test
    void unknownPolicyName() throws IOException {
        Path file = dir.resolve("policy.yaml");
        String text = Files.readString(Path.of("quickstart.yaml")).replace("policy: rational", "policy: greedy");
        Files.writeString(file, text);

        assertThat(badInput(mercato(
                        "run", file.toString(), "--out", dir.resolve("runs").toString())))
                .contains("policy.yaml:" + position(text, "greedy")
                        + ": agents.assistants[0].policy: unknown assistant policy 'greedy'");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void unknownPolicyNameFromAnOverride() {
        assertThat(badInput(mercato("validate", "quickstart.yaml", "--set", "agents.services[0].policy=auction")))
                .startsWith("error: --set agents.services[0].policy: unknown service policy 'auction'");
    }

    @Test
    void badOverride() {
        assertThat(badInput(mercato("validate", "quickstart.yaml", "--set", "kernel.threads=4")))
                .startsWith("error: --set kernel.threads: unknown key 'threads'; allowed here:");
    }

    @Test
    void unknownOption() {
        assertThat(badInput(mercato("run", "quickstart.yaml", "--bogus")))
                .isEqualTo("error: unknown option: '--bogus' (see 'mercato run --help')");
    }

    @Test
    void missingFileArgument() {
        assertThat(badInput(mercato("run"))).startsWith("error: missing required parameter: 'FILE'");
    }

    @Test
    void unknownCommand() {
        assertThat(badInput(mercato("simulate", "quickstart.yaml")))
                .startsWith("error: unknown command 'simulate'; commands: " + registeredCommands() + " (");
    }

    @Test
    void noCommand() {
        assertThat(badInput(mercato())).startsWith("error: missing command: " + registeredCommands() + " (");
    }

    /** The commands as picocli knows them, so a new subcommand shows up in the errors with no second list. */
    private static String registeredCommands() {
        List<String> names = MercatoCli.commandLine().getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help"))
                .toList();
        assertThat(names).contains("run", "validate", "report", "baselines", "fit", "list", "sweep", "worker");
        return String.join(", ", names);
    }

    @Test
    void outThatIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("occupied"), "x");

        assertThat(badInput(mercato("run", "quickstart.yaml", "--out", file.toString())))
                .endsWith("occupied: exists and is not a directory");
    }

    @Test
    void helpAndVersion() {
        Result help = mercato("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("run", "validate", "Exit codes");

        Result runHelp = mercato("run", "--help");
        assertThat(runHelp.code()).isZero();
        assertThat(runHelp.out()).contains("--set", "--out", "--quiet");
        assertThat(runHelp.out().replaceAll("\\s+", " "))
                .contains(
                        "results.duckdb",
                        "csv/<table>.csv",
                        "output.duckdb",
                        "output.csv",
                        "output.parquet",
                        "docs/data.md");

        Result version = mercato("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("mercato ").doesNotContain("unknown");
        assertThat(version.out().strip()).isEqualTo("mercato " + CodeVersion.projectVersion());
    }

    @Test
    void runWritesTheRunFolder() throws IOException {
        Path runs = dir.resolve("runs");

        Result result = mercato("run", "quickstart.yaml", "--out", runs.toString());

        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .startsWith("Running quickstart (seed 42): 200 customers, 40 services, mode actors, parallelism ")
                .contains("welfare", "optimal, efficiency", "customers", "of 200 served", "payments", "rejections")
                .contains("events", "windows", "wall time", "run folder");
        Path folder = onlyFolder(runs);
        assertThat(result.out()).contains(folder.getFileName().toString());
        assertThat(folder.getFileName().toString()).startsWith("quickstart-");
        assertThat(folder.resolve("events.jsonl")).isNotEmptyFile();
        assertThat(folder.resolve("summary.json")).content().contains("\"scenario\" : \"quickstart\"");
        assertThat(folder.resolve("scenario.resolved.yaml")).content().contains("name: quickstart");
        assertThat(folder.resolve("run.log")).exists();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void overrideReachesTheRun() throws IOException {
        Path runs = dir.resolve("runs");

        Result result = mercato(
                "run", "quickstart.yaml", "--set", "market.generate.customers=5", "--out", runs.toString(), "--quiet");

        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        Path folder = onlyFolder(runs);
        assertThat(result.out().strip()).endsWith(folder.getFileName().toString());
        assertThat(result.out().lines()).hasSize(1);
        try (Stream<String> lines = Files.lines(folder.resolve("events.jsonl"))) {
            assertThat(lines.filter(l -> l.contains("\"type\":\"customer\""))).hasSize(5);
        }
        assertThat(folder.resolve("scenario.resolved.yaml")).content().contains("customers: 5");
    }

    @Test
    void runThatCannotWriteItsFolderFails() throws IOException {
        Path file = Files.writeString(dir.resolve("occupied"), "x");

        Result result = mercato(
                "run",
                "quickstart.yaml",
                "--quiet",
                "--out",
                file.resolve("runs").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("error: run failed: ").doesNotContain("at org.");
    }

    private static Path onlyFolder(Path runs) throws IOException {
        try (Stream<Path> folders = Files.list(runs)) {
            List<Path> all = folders.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** "line:column" (1-based) of the first {@code needle} in {@code text}, as the error names it. */
    private static String position(String text, String needle) {
        int at = text.indexOf(needle);
        int lineStart = text.lastIndexOf('\n', at) + 1;
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return line + ":" + (at - lineStart + 1);
    }
}
