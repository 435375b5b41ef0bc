package org.mercato.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's embedding example is this module's EmbeddedRun, byte for byte, so it compiles and runs. */
class ReadmeExampleTest {
    private static final String BEGIN = "<!-- embed-example:begin -->";
    private static final String END = "<!-- embed-example:end -->";

    @Test
    void theReadmesJavaExampleIsEmbeddedRun() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).contains(BEGIN, END);
        String block = readme.substring(readme.indexOf(BEGIN) + BEGIN.length(), readme.indexOf(END))
                .strip();
        assertThat(block).startsWith("```java\n").endsWith("\n```");
        String code = block.substring("```java\n".length(), block.length() - "```".length());

        assertThat(code).isEqualTo(Files.readString(Path.of("src/main/java/org/mercato/examples/EmbeddedRun.java")));
    }
}
