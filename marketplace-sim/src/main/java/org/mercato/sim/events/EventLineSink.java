package org.mercato.sim.events;

/**
 * Receives each event with the JSON line {@link JsonlEventWriter} wrote for it (without its line
 * break), in log order, on the writer's thread: a tap for what also needs the line's text.
 */
@FunctionalInterface
public interface EventLineSink {
    void accept(LoggedEvent event, String line);
}
