/**
 * What agents and the market say to each other: the sealed {@code Action} records agents take and
 * the {@code Observation} records they receive, with the reasons for a refusal.
 */
package org.mercato.sim.protocol;
