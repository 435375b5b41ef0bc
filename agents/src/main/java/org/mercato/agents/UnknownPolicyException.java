package org.mercato.agents;

import java.util.Set;

/** A scenario names a policy that is not registered. */
public final class UnknownPolicyException extends IllegalArgumentException {
    public UnknownPolicyException(String role, String name, Set<String> known) {
        super("unknown " + role + " policy '" + name + "'; known: " + known);
    }
}
