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

/**
 * Every {@code --set} and {@code --factor} argument the documentation shows with a character zsh
 * (and bash with {@code failglob}) expands, such as {@code agents.assistants[0].policy=...}, is
 * quoted, so a copied command does not fail with "no matches found".
 */
class ShellQuotingTest {
    private static final Pattern OPTION = Pattern.compile("--(?:set|factor)(?:=|\\s+(?:#\\s*)?)([^\\s`]+)");
    private static final Pattern GLOB = Pattern.compile("[\\[\\]{}*?]");

    @Test
    void documentedOverridesWithGlobCharactersAreQuoted() throws IOException {
        List<String> unquoted = new ArrayList<>();
        for (Path file : ProjectDocuments.all()) {
            String text = Files.readString(file);
            Matcher option = OPTION.matcher(text);
            while (option.find()) {
                String argument = option.group(1);
                boolean quoted = argument.startsWith("'") || argument.startsWith("\"");
                if (!quoted && GLOB.matcher(argument).find()) {
                    long line = ProjectDocuments.lineOf(text, option.start());
                    unquoted.add(ProjectDocuments.PROJECT.relativize(file) + ":" + line + ": " + argument);
                }
            }
        }
        assertThat(unquoted).isEmpty();
    }

    @Test
    void theCheckSeesTheDocuments() throws IOException {
        assertThat(ProjectDocuments.all()).contains(ProjectDocuments.PROJECT.resolve("README.md"));
        assertThat(ProjectDocuments.all().stream().filter(p -> p.toString().endsWith(".yaml")))
                .isNotEmpty();
    }

    @Test
    void anUnquotedIndexIsCaught() {
        Matcher option = OPTION.matcher("./mercato run x --set agents.assistants[0].policy=llm");
        assertThat(option.find()).isTrue();
        assertThat(GLOB.matcher(option.group(1)).find()).isTrue();
    }
}
