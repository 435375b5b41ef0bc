/**
 * Outside agents in a market: an agent group with {@code policy: external} is driven by a process
 * outside the JVM. {@code turns} holds the exchange between the kernel's policy calls and those
 * processes ({@code TurnDesk}), the policies that open turns on it and the turns' recording for
 * replay; {@code wire} the JSON form of observations and actions, the same for every transport;
 * {@code http} the server (HTTP/JSON, MCP and the shop pages); {@code shop} the pages browser agents
 * shop on.
 */
package org.mercato.gateway;
