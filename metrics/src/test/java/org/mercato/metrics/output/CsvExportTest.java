package org.mercato.metrics.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {
    @Test
    void writesWholeDoublesAsTheLogDoesAndQuotesOnlyWhatNeedsIt(@TempDir Path folder) throws Exception {
        List<String[]> columns = List.of(
                new String[] {"seq", "BIGINT"},
                new String[] {"x", "DOUBLE"},
                new String[] {"price", "DECIMAL(18,2)"},
                new String[] {"text", "VARCHAR"});
        Path file = folder.resolve("t.csv");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = connection.createStatement()) {
            sql.execute(EventTables.createTable("t", columns));
            sql.execute("INSERT INTO t VALUES (1, 4.0, 12.5, ''), (2, 4.5, -3, 'a,b'), (3, 0.00001, 0, 'say \"hi\"'),"
                    + " (4, NULL, NULL, NULL), (5, -2.0, 1.05, 'two\nlines')");
            CsvExport.copy(sql, "t", columns, file);
        }
        assertThat(Files.readString(file))
                .isEqualTo("seq,x,price,text\n"
                        + "1,4,12.50,\"\"\n"
                        + "2,4.5,-3.00,\"a,b\"\n"
                        + "3,1e-05,0.00,\"say \"\"hi\"\"\"\n"
                        + "4,,,\n"
                        + "5,-2,1.05,\"two\nlines\"\n");
    }
}
