package org.mercato.scenarios.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.run.ExternalFeature;

/**
 * An outside agent is a policy whose turn happens elsewhere: for any script, the log of a market
 * whose shoppers are driven through the desk (by a thread playing the outside agent, answering in
 * the wire format) is byte for byte the log of the same script running in-process as a policy,
 * with the same think times and seed (in-process in the bare loop, outside through the actors and
 * the rolling kernel, as a real run: both are pinned to the same log elsewhere).
 */
class ExternalEquivalenceProperties {
    @Property(tries = 5)
    void anExternalScriptWritesTheLogOfTheSameScriptInProcess(
            @ForAll @IntRange(min = 1, max = 3) int inquiries,
            @ForAll @IntRange(min = 1, max = 30) int patienceSeconds,
            @ForAll boolean payFirst,
            @ForAll boolean explicitAmount,
            @ForAll @IntRange(min = 1, max = 4) int shoppers,
            @ForAll @LongRange(min = 1, max = 10_000) long seed)
            throws Exception {
        ScriptedShopper.Script script =
                new ScriptedShopper.Script(inquiries, patienceSeconds, payFirst, explicitAmount);
        PolicyRegistry registry = PolicyRegistry.builtIn();
        registry.registerAssistant("scripted", params -> () -> ScriptedShopper.policy(script));

        String inProcess = ExternalRuns.events(
                ExternalRuns.market(seed, "scripted", shoppers, 6, null, KernelMode.BARE), registry, f -> List.of());
        String outside = ExternalRuns.events(
                ExternalRuns.market(seed, ExternalFeature.POLICY, shoppers, 6, null),
                registry,
                feature -> List.of(new DeskDriver(
                        feature.desk(),
                        feature.groups().get(0).group(),
                        agent -> DeskDriver.shopper(new ScriptedShopper(script)),
                        turn -> false)));

        assertThat(inProcess).contains("\"from\":\"customer_0001\"");
        assertThat(outside).isEqualTo(inProcess);
    }

    @Property(tries = 3)
    void externalSellersWriteTheLogOfTheSameScriptInProcess(
            @ForAll @IntRange(min = 0, max = 50) int discountPercent,
            @ForAll @IntRange(min = 1, max = 600) int validSeconds,
            @ForAll @LongRange(min = 1, max = 10_000) long seed)
            throws Exception {
        PolicyRegistry registry = PolicyRegistry.builtIn();
        registry.registerService("scripted", params -> () -> ScriptedSeller.policy(discountPercent, validSeconds));

        String inProcess = ExternalRuns.events(
                ExternalRuns.sellers(seed, "scripted", 3, KernelMode.BARE), registry, f -> List.of());
        String outside = ExternalRuns.events(
                ExternalRuns.sellers(seed, ExternalFeature.POLICY, 3, KernelMode.ACTORS),
                registry,
                feature -> List.of(new DeskDriver(
                        feature.desk(),
                        feature.groups().get(0).group(),
                        agent -> DeskDriver.seller(new ScriptedSeller(discountPercent, validSeconds)),
                        turn -> false)));

        assertThat(inProcess).contains("\"type\":\"proposal\"");
        assertThat(outside).isEqualTo(inProcess);
    }
}
