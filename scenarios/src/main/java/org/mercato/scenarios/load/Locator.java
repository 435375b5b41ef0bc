package org.mercato.scenarios.load;

import org.mercato.scenarios.keys.KeyPath;

/** Turns a problem at a key path into a {@link ScenarioException} that says where it is. */
@FunctionalInterface
public interface Locator {
    /** Which part of a key-value pair to point at. */
    enum At {
        /** The key itself, as for an unknown key. */
        KEY,
        /** The value, as for a value of the wrong type. */
        VALUE,
        /** The value if it is a scalar, else the key (a mapping's problem is reported at its key). */
        BEST
    }

    /**
     * @param path the key path the problem is about
     * @param at where to point
     * @param problem what is wrong
     */
    ScenarioException error(KeyPath path, At at, String problem);

    /** For a scenario that did not come from a file: names the key only. */
    Locator KEYS_ONLY = (path, at, problem) -> new ScenarioException("scenario", 0, 0, path.toString(), problem);
}
