package org.mercato.sim.events;

/**
 * Receives each event with the JSON line {@link JsonlEventWriter} wrote for it (without its line
 * break), in log order, on the writer's thread: a tap for what also needs the line's text. The line
 * is the writer's own buffer, valid only during the call: a sink copies what it keeps (most keep
 * nothing, which saves a copy of the whole log).
 */
@FunctionalInterface
public interface EventLineSink {
    void accept(LoggedEvent event, CharSequence line);
}
