/**
 * The run's event log: the sealed {@code Event} records, their deterministic JSON lines, the
 * writer and reader of {@code events.jsonl}, and the sinks and recorders events go through.
 */
package org.mercato.sim.events;
