package org.mercato.agents;

import java.util.Set;

/** A scenario names a policy that is not registered, or a policy class that cannot be used. */
public final class UnknownPolicyException extends IllegalArgumentException {
    public UnknownPolicyException(String role, String name, Set<String> known) {
        super("unknown " + role + " policy '" + name + "'; known: " + known);
    }

    /** A policy named by class that cannot be used; the message says why. */
    public UnknownPolicyException(String message) {
        super(message);
    }
}
