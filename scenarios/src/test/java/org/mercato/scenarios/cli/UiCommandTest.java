package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.badInput;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.explorer.StudyRunFolders;

/** {@code mercato ui}: prints the URL of a loopback explorer; a folder it cannot serve is bad input. */
class UiCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheLoopbackUrlOfARunFolder() {
        Path run = StudyRunFolders.run(dir, "quickstart");

        MercatoCliTest.Result result = mercato("ui", run.toString(), "--port", "0", "--open-only");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .matches("Explorer for " + java.util.regex.Pattern.quote(run.toString())
                        + ": http://127\\.0\\.0\\.1:\\d+/\\R");
    }

    @Test
    void aFolderThatIsNeitherARunNorASweepIsOneLineAndExitTwo() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a run");

        assertThat(badInput(mercato("ui", dir.toString(), "--port", "0")))
                .contains(dir.toString())
                .contains("not a run folder (no results.duckdb or events.jsonl) nor a sweep folder (no sweep.duckdb)");
        assertThat(badInput(mercato("ui", dir.resolve("missing").toString()))).endsWith("missing: no such folder");
        assertThat(badInput(mercato("ui", dir.toString(), "--port", "70000"))).contains("--port");
    }
}
