/**
 * Strategy-auction bidders and juries: behavioural ones driven by a bidder profile, and LLM-backed
 * ones.
 */
package org.mercato.agents.strategyauction;
