/**
 * The run explorer: {@link org.mercato.explorer.Explorer} serves a run or sweep folder's outputs
 * ({@code results.duckdb} read-only, {@code summary.json}, {@code transcripts.jsonl}, {@code
 * sweep.duckdb}) as a JSON API and a static page on loopback. It depends on no other Mercato
 * module: everything it knows comes from the files.
 */
package org.mercato.explorer;
