package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders without picocli complaining (an unescaped {@code %} makes it warn on stderr). */
class HelpTextTest {
    @Test
    void everyHelpTextFormatsWithoutWarnings() {
        List<CommandLine> commands = new ArrayList<>();
        collect(MercatoCli.commandLine(), commands);
        assertThat(commands).hasSizeGreaterThan(8);

        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> usages = new ArrayList<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            commands.forEach(command -> usages.add(command.getUsageMessage()));
        } finally {
            System.setErr(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(String.join("\n", usages)).contains("index % N == I").doesNotContain("%%");
    }

    /** {@code mercato <command> --help} for every command, through the CLI entry: exit 0, usage on stdout, nothing on stderr. */
    @Test
    void everyCommandsHelpOptionPrintsItsUsageAndExitsZero() {
        List<CommandLine> commands = new ArrayList<>();
        collect(MercatoCli.commandLine(), commands);
        for (CommandLine command : commands) {
            List<String> args = new ArrayList<>(
                    List.of(command.getCommandSpec().qualifiedName().split(" ")));
            args.remove(0);
            if (args.contains("help")) {
                continue;
            }
            args.add("--help");
            MercatoCliTest.Result result = MercatoCliTest.mercato(args.toArray(String[]::new));
            assertThat(result.code())
                    .as("exit code of %s; stderr: %s", args, result.err())
                    .isZero();
            assertThat(result.err()).as("stderr of %s", args).isEmpty();
            assertThat(result.out())
                    .as("usage of %s", args)
                    .startsWith("Usage: ")
                    .doesNotContain("WARN");
        }
    }

    /** A command's one-line summary in its parent's list is a whole sentence, not cut at a comma. */
    @Test
    void commandSummariesAreWholeSentences() {
        List<CommandLine> commands = new ArrayList<>();
        collect(MercatoCli.commandLine(), commands);
        for (CommandLine command : commands) {
            String[] description = command.getCommandSpec().usageMessage().description();
            if (description.length > 0) {
                assertThat(description[0].strip())
                        .as(command.getCommandSpec().qualifiedName())
                        .endsWith(".");
            }
        }
        assertThat(MercatoCliTest.mercato("sweep", "--help").out().replaceAll("\\s+", " "))
                .contains("into <DIR>/sweep.duckdb.");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
