/**
 * Markets that live over time, from the scenario's side ({@code market.dynamics}): customers'
 * arrival times (Poisson, hourly rates, a trace file), the over-promising and fake-reviewing
 * sellers chosen from seeded streams, and the {@code MarketDynamics} the kernel runs. Every draw
 * comes from a stream keyed by what it randomizes, so adding customers or services leaves the
 * earlier ones' draws as they were.
 */
package org.mercato.scenarios.dynamics;
