package org.mercato.gateway.turns;

/** What {@link TurnDesk#answer} made of an outside agent's actions. */
public sealed interface Answer {
    /** The actions were taken; the turn is closed. */
    record Accepted() implements Answer {}

    /** The actions were not understood ({@code message}: one line naming the action and key); the turn stays open. */
    record Invalid(String message) implements Answer {}

    /** No such turn is open for the agent ({@code why}: answered, timed out, agent done, unknown agent). */
    record NotOpen(String why) implements Answer {}

    /** The market has finished. */
    record Ended() implements Answer {}
}
