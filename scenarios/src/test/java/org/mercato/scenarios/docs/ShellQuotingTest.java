package org.mercato.scenarios.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code --set} and {@code --factor} argument the documentation shows with a character zsh
 * (and bash with {@code failglob}) expands, such as {@code agents.assistants[0].policy=...}, is
 * quoted, so a copied command does not fail with "no matches found".
 */
class ShellQuotingTest {
    private static final Path PROJECT = Path.of("..");
    private static final Pattern OPTION = Pattern.compile("--(?:set|factor)(?:=|\\s+(?:#\\s*)?)([^\\s`]+)");
    private static final Pattern GLOB = Pattern.compile("[\\[\\]{}*?]");

    @Test
    void documentedOverridesWithGlobCharactersAreQuoted() throws IOException {
        List<String> unquoted = new ArrayList<>();
        for (Path file : documents()) {
            String text = Files.readString(file);
            Matcher option = OPTION.matcher(text);
            while (option.find()) {
                String argument = option.group(1);
                boolean quoted = argument.startsWith("'") || argument.startsWith("\"");
                if (!quoted && GLOB.matcher(argument).find()) {
                    long line = text.substring(0, option.start()).lines().count();
                    unquoted.add(PROJECT.relativize(file) + ":" + line + ": " + argument);
                }
            }
        }
        assertThat(unquoted).isEmpty();
    }

    @Test
    void theCheckSeesTheDocuments() throws IOException {
        assertThat(documents()).contains(PROJECT.resolve("README.md"));
        assertThat(documents().stream().filter(p -> p.toString().endsWith(".yaml")))
                .isNotEmpty();
    }

    @Test
    void anUnquotedIndexIsCaught() {
        Matcher option = OPTION.matcher("./mercato run x --set agents.assistants[0].policy=llm");
        assertThat(option.find()).isTrue();
        assertThat(GLOB.matcher(option.group(1)).find()).isTrue();
    }

    private static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(PROJECT.resolve("README.md"));
        for (String folder : List.of("docs", "scenarios")) {
            try (Stream<Path> walk = Files.walk(PROJECT.resolve(folder), 3)) {
                walk.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".yaml"))
                        .filter(p ->
                                !p.toString().contains("/src/") && !p.toString().contains("/target/"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }
}
