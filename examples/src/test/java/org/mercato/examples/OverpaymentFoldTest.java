package org.mercato.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.examples.fold.Overpayment;
import org.mercato.scenarios.run.RunReport;
import org.mercato.scenarios.run.RunResult;

/**
 * The overpayment fold, a RunFeature found through ServiceLoader, writes its block into summary.json
 * with the values a script computes from events.jsonl, in a live run and in {@code mercato report}.
 */
class OverpaymentFoldTest {
    @Test
    void theBlockOfTheQuickstartRunIsWhatTheEventLogSays(@TempDir Path runs) throws Exception {
        RunResult result = EmbeddedRun.run(runs);

        JsonNode block = RunEvents.summary(result.folder()).get("overpayment");
        Overpayment.Block expected = fromLog(RunEvents.events(result.folder()));

        assertThat(block).isNotNull();
        assertThat(block.get("payments").asLong())
                .isEqualTo(expected.payments())
                .isPositive();
        assertThat(block.get("atCheapest").asLong()).isEqualTo(expected.atCheapest());
        assertThat(block.get("overpaid").decimalValue()).isEqualByComparingTo(expected.overpaid());
        assertThat(RunReport.recompute(result.folder()).block("overpayment")).isEqualTo(expected);
    }

    @Test
    void theCheapestShoppersPayTheCheapestProposalMostOfTheTime(@TempDir Path runs) throws Exception {
        RunResult result = CustomPolicyRun.run(Path.of("cheapest-shopper.yaml"), runs);

        Overpayment.Block expected = fromLog(RunEvents.events(result.folder()));
        assertThat(result.summary().block("overpayment")).isEqualTo(expected);
        // late proposals (after the shopper woke) and those over budget are the only exceptions
        assertThat(expected.atCheapest()).isGreaterThan(expected.payments() / 2);
    }

    /** The block computed independently: each payment against the customer's cheapest proposal before it. */
    private static Overpayment.Block fromLog(List<JsonNode> events) {
        Map<String, Long> cheapest = new HashMap<>();
        long payments = 0;
        long atCheapest = 0;
        long overpaid = 0;
        for (JsonNode event : events) {
            String type = event.get("type").asText();
            if (type.equals("proposal")) {
                cheapest.merge(event.get("customer").asText(), RunEvents.cents(event, "total"), Math::min);
            } else if (type.equals("payment")) {
                payments++;
                long over = RunEvents.cents(event, "amount")
                        - cheapest.get(event.get("customer").asText());
                atCheapest += over == 0 ? 1 : 0;
                overpaid += over;
            }
        }
        return new Overpayment.Block(payments, atCheapest, BigDecimal.valueOf(overpaid, 2));
    }
}
