package org.mercato.examples.fold;

import java.util.List;
import org.mercato.scenarios.run.RunFeature;
import org.mercato.scenarios.run.SummaryContext;
import org.mercato.scenarios.run.SummaryFold;
import org.mercato.scenarios.run.SummaryPart;

/**
 * Adds the {@code overpayment} block to every run's {@code summary.json} while this jar is on the
 * classpath: listed in {@code META-INF/services/org.mercato.scenarios.run.RunFeature}, it is a run
 * feature like the built-in ones (which the run creates afresh for every run and {@code mercato
 * report}), after them. It wires nothing into the market, so the event log is unchanged.
 */
public final class OverpaymentFeature implements RunFeature {
    @Override
    public List<SummaryPart> summaryParts(SummaryContext context) {
        Overpayment fold = new Overpayment();
        return List.of(SummaryFold.over("overpayment", fold, source -> fold.block()));
    }
}
