package org.mercato.sim.protocol;

/** Something an agent asks the market to do. Agents never address each other directly. */
public sealed interface Action permits AssistantAction, ServiceAction {
    /** The short name used in events and rejections. */
    String kind();
}
