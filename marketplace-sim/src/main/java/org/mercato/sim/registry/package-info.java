/**
 * Registries of what a scenario may name, each name written once; the lists shown to users are
 * derived from them.
 */
package org.mercato.sim.registry;
