/**
 * Metrics of sellers that learn prices: the one-shot benchmarks, the profit gain over learning
 * episodes with its interval, the mean price paths and impulse response, and the periods of a
 * market whose sellers reprice against shoppers.
 */
package org.mercato.metrics.pricing;
