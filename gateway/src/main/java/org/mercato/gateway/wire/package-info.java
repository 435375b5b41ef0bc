/**
 * The wire format of outside agents: observations as JSON, and JSON actions back into the protocol's
 * records, with one-line errors naming the action and key. The same for HTTP and MCP.
 */
package org.mercato.gateway.wire;
