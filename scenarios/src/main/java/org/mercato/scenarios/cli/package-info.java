/**
 * The {@code mercato} command line ({@link org.mercato.scenarios.cli.MercatoCli}): run, validate,
 * report, sweep, list, fit, baselines and the cluster worker; the only package that prints.
 */
package org.mercato.scenarios.cli;
