/**
 * Sponsored-slot bidding strategies (truthful, shaded, paced, learning) and their names.
 */
package org.mercato.agents.ads;
