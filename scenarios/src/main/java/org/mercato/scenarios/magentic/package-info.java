/**
 * Imports a Magentic Marketplace dataset folder (businesses and customers) as a catalog ({@link
 * org.mercato.scenarios.magentic.MagenticImporter}), with a {@link
 * org.mercato.scenarios.magentic.MagenticFormatException} naming the file and line of a problem.
 * Depends only on {@code keys}.
 */
package org.mercato.scenarios.magentic;
