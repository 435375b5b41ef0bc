/**
 * How a ranked page of results is shown: layout, ACES-style randomization of positions, prices,
 * ratings and reviews, and badges (tags).
 */
package org.mercato.sim.market.presentation;
