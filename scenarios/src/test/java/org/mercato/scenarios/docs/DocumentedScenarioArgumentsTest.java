package org.mercato.scenarios.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mercato.scenarios.load.BundledScenarios;

/**
 * Every {@code ./mercato run}, {@code sweep} or {@code validate} command the documentation shows
 * names a scenario that exists when the command is typed at the project's root: a bundled
 * scenario's name or a file there. Placeholders ({@code <file>}, {@code my.yaml}) are skipped.
 */
class DocumentedScenarioArgumentsTest {
    private static final Pattern COMMAND = Pattern.compile("\\./mercato (?:run|sweep|validate) +([^\\s`'\"\\\\]+)");

    @Test
    void everyDocumentedScenarioArgumentResolvesFromTheProjectRoot() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path file : ProjectDocuments.all()) {
            String text = Files.readString(file);
            Matcher command = COMMAND.matcher(text);
            while (command.find()) {
                String argument = command.group(1);
                if (isPlaceholder(argument)) {
                    continue;
                }
                checked++;
                if (!resolves(argument)) {
                    long line = ProjectDocuments.lineOf(text, command.start());
                    missing.add(ProjectDocuments.PROJECT.relativize(file) + ":" + line + ": " + argument);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void aFileNameWithoutItsFolderIsCaught() {
        assertThat(resolves("quickstart")).isTrue();
        assertThat(resolves("scenarios/quickstart.yaml")).isTrue();
        assertThat(resolves("quickstart.yaml")).isFalse();
    }

    private static boolean resolves(String argument) {
        if (BundledScenarios.isName(argument)) {
            return BundledScenarios.names().contains(argument);
        }
        return Files.isRegularFile(ProjectDocuments.PROJECT.resolve(argument));
    }

    private static boolean isPlaceholder(String argument) {
        return argument.startsWith("<") || argument.startsWith("$") || argument.startsWith("my.");
    }
}
