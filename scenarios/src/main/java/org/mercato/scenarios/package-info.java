/**
 * Mercato embedded in a researcher's code: {@link org.mercato.scenarios.Mercato} loads, checks and
 * runs scenarios (bundled ones by name) without the command line.
 */
package org.mercato.scenarios;
