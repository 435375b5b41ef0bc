package org.mercato.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A kept run's report.html, served from inside a sweep folder, links its bars to that run's customers. */
class RunFilesTest {
    private static final String REPORT =
            "<a href=\"/#/customers?paidRank=2\" class=\"bar-link\">" + "<a href=\"/#/services?tactic=authority\">";

    @Test
    void aKeptRunsReportLinksNameItsRun() {
        String served = new String(
                RunFiles.linkedToItsRun(REPORT.getBytes(StandardCharsets.UTF_8), Path.of("runs", "cell 3", "seed-11")),
                StandardCharsets.UTF_8);

        assertThat(served)
                .contains("href=\"/#/customers?run=runs%2Fcell+3%2Fseed-11&amp;paidRank=2\"")
                .contains("href=\"/#/services?run=runs%2Fcell+3%2Fseed-11&amp;tactic=authority\"");
    }

    @Test
    void theServedRunsOwnReportIsUnchanged() {
        byte[] report = REPORT.getBytes(StandardCharsets.UTF_8);
        assertThat(RunFiles.linkedToItsRun(report, Path.of(""))).isEqualTo(report);
    }
}
