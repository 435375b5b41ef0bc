/**
 * Turns of outside agents: the {@link org.mercato.gateway.turns.TurnDesk} where a policy call
 * waits for an outside agent's answer, the external assistant and service policies, and the
 * recording of turns for replay.
 */
package org.mercato.gateway.turns;
