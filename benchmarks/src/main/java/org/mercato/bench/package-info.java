/**
 * Benchmarks that report ratios against a baseline measured in the same run: the actor kernel
 * against the bare loop, LLM runs with and without prefetching, and sweeps.
 */
package org.mercato.bench;
