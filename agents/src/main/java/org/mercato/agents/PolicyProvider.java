package org.mercato.agents;

/**
 * A plugin's entry point: registers its policies under short names. List the implementing class
 * in {@code META-INF/services/org.mercato.agents.PolicyProvider} on the classpath and {@link
 * PolicyRegistry#withPlugins()} (which the command line and {@code Mercato.writingTo} use) finds it
 * with {@link java.util.ServiceLoader}.
 */
public interface PolicyProvider {
    void register(PolicyRegistry registry);
}
