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
        collect(new CommandLine(new MercatoCli()), commands);
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

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
