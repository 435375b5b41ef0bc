/**
 * Bias metrics over events: first-proposal bias, position and tag effects, concentration, the
 * conditional logit of page choices and manipulation by tactic.
 */
package org.mercato.metrics.bias;
