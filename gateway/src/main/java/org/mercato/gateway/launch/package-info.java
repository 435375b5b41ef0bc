/**
 * Starting the processes of external groups ({@code external.command}) next to a run, and stopping
 * them at its end: {@link org.mercato.gateway.launch.AgentProcesses}.
 */
package org.mercato.gateway.launch;
