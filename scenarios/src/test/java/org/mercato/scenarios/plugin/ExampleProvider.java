package org.mercato.scenarios.plugin;

import org.mercato.agents.PolicyProvider;
import org.mercato.agents.PolicyRegistry;

/** Registers the example policies under short names; listed in META-INF/services. */
public final class ExampleProvider implements PolicyProvider {
    @Override
    public void register(PolicyRegistry registry) {
        registry.registerAssistant("example-shopper", params -> {
            new ExampleShopper(params); // checks the parameters once
            return () -> new ExampleShopper(params);
        });
        registry.registerService("example-seller", params -> {
            params.allowOnly();
            return ExampleSeller::new;
        });
    }
}
