/**
 * Browser agents: what an outside shopper driven through a web browser sees and sends. Each turn is
 * shown as a storefront page with forms; a form's fields become the turn's wire-format actions, so a
 * browser agent is recorded and replayed like any outside agent.
 */
package org.mercato.gateway.shop;
