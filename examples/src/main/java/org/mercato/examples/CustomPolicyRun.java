package org.mercato.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.run.RunResult;

/**
 * Runs {@code cheapest-shopper.yaml}, whose assistants use this module's {@code cheapest-shopper}
 * policy by name, and prints the {@code overpayment} block this module's fold adds to the summary.
 */
public final class CustomPolicyRun {
    public static void main(String[] args) throws IOException {
        Path scenario = Path.of(args.length > 0 ? args[0] : "examples/cheapest-shopper.yaml");
        RunResult result = run(scenario, Path.of(args.length > 1 ? args[1] : "runs"));
        System.out.println(result.summary().market().payments().count() + " payments; overpayment "
                + result.summary().block("overpayment") + "; events in " + result.eventLog());
    }

    public static RunResult run(Path scenario, Path runs) throws IOException {
        return Mercato.writingTo(runs).run(Mercato.load(scenario));
    }
}
