package org.mercato.examples.policy;

import org.mercato.agents.PolicyProvider;
import org.mercato.agents.PolicyRegistry;

/**
 * Registers this module's policies under their short names. Listed in {@code
 * META-INF/services/org.mercato.agents.PolicyProvider}, so {@code PolicyRegistry.withPlugins()} (the
 * command line's and {@code Mercato.writingTo}'s registry) finds it when this jar is on the classpath.
 */
public final class ExamplePolicies implements PolicyProvider {
    @Override
    public void register(PolicyRegistry registry) {
        registry.registerAssistant(CheapestShopper.ENTRY);
    }
}
