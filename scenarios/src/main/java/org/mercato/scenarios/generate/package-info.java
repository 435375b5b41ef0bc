/**
 * Seeded market generators ({@code market.generate.domain}: restaurants, contractors, retail): a
 * catalog of services and customers drawn per entity from its own stream, so a market of n + 1
 * customers starts with the market of n.
 */
package org.mercato.scenarios.generate;
