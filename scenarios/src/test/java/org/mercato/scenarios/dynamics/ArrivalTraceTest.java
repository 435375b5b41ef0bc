package org.mercato.scenarios.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an arrivals trace: times in seconds or as durations, and a bad line named by number. */
class ArrivalTraceTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("arrivals.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsSecondsAndDurationsSkippingHeaderCommentsAndBlankLines() throws IOException {
        Path file = write("time,customer\n# the first day\n0,a\n\n90.5,b\n1.5h\n2d,extra,fields\n\"60\"\n");
        assertThat(ArrivalTrace.read(file))
                .containsExactly(0L, 90_500_000L, 5_400_000_000L, 172_800_000_000L, 60_000_000L);
    }

    @Test
    void aBadLineIsNamedWithItsNumberAndWhatWasExpected() throws IOException {
        Path file = write("time\n10\n20\nsoon\n");
        ArrivalTrace.FormatException e =
                catchThrowableOfType(ArrivalTrace.FormatException.class, () -> ArrivalTrace.read(file));
        assertThat(e.problem().line()).isEqualTo(4);
        assertThat(e.getMessage())
                .isEqualTo(file + ":4: expected a time since the market opened, in seconds (3600) or as a"
                        + " duration (90m, 1.5h, 2d), got 'soon'");
    }

    @Test
    void aNegativeTimeOrAMissingFileOrAnEmptyTraceIsAnError() throws IOException {
        assertThat(catchThrowableOfType(ArrivalTrace.FormatException.class, () -> ArrivalTrace.read(write("-5\n")))
                        .problem()
                        .line())
                .isEqualTo(1);
        assertThat(catchThrowableOfType(
                                ArrivalTrace.FormatException.class, () -> ArrivalTrace.read(dir.resolve("none.csv")))
                        .getMessage())
                .isEqualTo("no arrivals trace " + dir.resolve("none.csv"));
        assertThat(catchThrowableOfType(ArrivalTrace.FormatException.class, () -> ArrivalTrace.read(write("time\n")))
                        .getMessage())
                .endsWith("arrivals.csv holds no times");
    }
}
