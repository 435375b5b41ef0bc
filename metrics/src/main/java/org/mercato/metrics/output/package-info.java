/**
 * Result writers: the DuckDB results file and the HTML report with its SVG charts.
 */
package org.mercato.metrics.output;
