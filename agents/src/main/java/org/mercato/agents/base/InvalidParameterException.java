package org.mercato.agents.base;

/** A policy parameter is unknown or has the wrong type or range. */
public final class InvalidParameterException extends IllegalArgumentException {
    private final String key;

    public InvalidParameterException(String policy, String key, String problem) {
        super("policy '" + policy + "', parameter '" + key + "': " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
