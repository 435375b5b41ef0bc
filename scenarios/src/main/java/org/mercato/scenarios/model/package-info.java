/**
 * The scenario YAML schema as immutable records: market, agents, kernel, prices, output and sweep
 * sections with their defaults and the checks one value can make on its own (a check that needs
 * the whole scenario lives in {@code validate}).
 */
package org.mercato.scenarios.model;
