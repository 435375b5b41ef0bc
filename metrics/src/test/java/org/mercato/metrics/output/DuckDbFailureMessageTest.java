package org.mercato.metrics.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystemException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What DuckDB says when it cannot write becomes the system's reason in one line, without its native stack. */
class DuckDbFailureMessageTest {
    @Test
    void aFullDiskIsTheReasonWithoutTheStack() {
        var fatal = new SQLException("FATAL Error: Failed to create checkpoint because of error: Could not write"
                + " file \"/runs/x/results.duckdb.1a2b3c4d.tmp\": No space left on device Stack Trace:"
                + " /tmp/libduckdb_java1.so(+0x591c16) [0x7f960d591c16]\n/lib/x86_64-linux-gnu/libc.so.6(+0x891f5)");
        var csv = new SQLException(
                "IO Error: Could not write file \"/runs/x/csv.1a2b3c4d.tmp/payments.csv\": No space left on device");

        assertThat(DuckDbResults.why(fatal)).isEqualTo("No space left on device");
        assertThat(DuckDbResults.why(csv)).isEqualTo("No space left on device (writing payments.csv)");
    }

    @Test
    void otherFailuresKeepTheirMessageOnOneLine() {
        assertThat(DuckDbResults.why(new FileSystemException("/runs/x/csv.1a.tmp", null, "No space left on device")))
                .isEqualTo("/runs/x/csv.1a.tmp: No space left on device");
        assertThat(DuckDbResults.why(new SQLException("Binder Error:\n  no such column\n")))
                .isEqualTo("Binder Error: no such column");
        assertThat(DuckDbResults.why(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
