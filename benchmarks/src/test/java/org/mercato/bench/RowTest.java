package org.mercato.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's ratio column never reads as the other side of a goal than the row's verdict. */
class RowTest {

    private static Row row(double ratio, String goal, Row.Verdict verdict) {
        return new Row("kernel", "rolling", ratio * 1000, "events/s", 1000, "(ceiling)", goal, verdict, "");
    }

    @Test
    void aRatioJustUnderItsGoalGetsTheDecimalsThatShowIt() {
        assertThat(row(0.94974, "ratio >= 0.95", Row.Verdict.FAIL).ratioText()).isEqualTo("0.9497");
        assertThat(row(1.15004, "ratio <= 1.15 (issue 16)", Row.Verdict.FAIL).ratioText())
                .isEqualTo("1.15004");
        assertThat(Row.table(List.of(row(0.94974, "ratio >= 0.95", Row.Verdict.FAIL))))
                .contains("| 0.9497 |");
    }

    @Test
    void otherRatiosKeepThreeDecimals() {
        assertThat(row(0.97512, "ratio >= 0.95", Row.Verdict.PASS).ratioText()).isEqualTo("0.975");
        assertThat(row(0.95, "ratio >= 0.95", Row.Verdict.PASS).ratioText()).isEqualTo("0.950");
        assertThat(row(1.15812, "ratio <= 1.15 (issue 16)", Row.Verdict.FAIL).ratioText())
                .isEqualTo("1.158");
        assertThat(row(0.94974, "", Row.Verdict.NONE).ratioText()).isEqualTo("0.950");
        assertThat(row(16.4531, "<= 2.5 s", Row.Verdict.PASS).ratioText()).isEqualTo("16.453");
    }
}
