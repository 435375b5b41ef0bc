package org.mercato.scenarios.run;

import java.util.function.UnaryOperator;
import org.mercato.agents.PolicyRegistry;

/**
 * What a run is wired with besides its scenario: the policy registry, the environment variables
 * (the API keys of LLM groups), and whether models may be called while wiring (off when a scenario
 * is only checked: a model-written listing then stays as it was).
 */
public record RunEnvironment(PolicyRegistry registry, UnaryOperator<String> env, boolean modelCalls) {
    /** The registry with the process environment, calling models. */
    public static RunEnvironment of(PolicyRegistry registry) {
        return new RunEnvironment(registry, System::getenv, true);
    }

    /** For checking a scenario: no model is called while wiring. */
    public static RunEnvironment withoutModelCalls(PolicyRegistry registry) {
        return new RunEnvironment(registry, System::getenv, false);
    }
}
