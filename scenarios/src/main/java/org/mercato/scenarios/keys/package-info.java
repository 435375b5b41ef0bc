/**
 * What every scenario package shares about keys: {@link org.mercato.scenarios.keys.KeyPath} (a key
 * path into a scenario), {@link org.mercato.scenarios.keys.WiringException} (a problem found while
 * wiring, at its key) and {@link org.mercato.scenarios.keys.Suggestions} ("did you mean"). It depends
 * on no other scenario package.
 */
package org.mercato.scenarios.keys;
