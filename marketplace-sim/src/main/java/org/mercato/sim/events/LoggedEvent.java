package org.mercato.sim.events;

/** An event with its place in the run: virtual time and global sequence number. */
public record LoggedEvent(long t, long seq, Event event) {
    public void writeJson(StringBuilder out) {
        JsonLine line = new JsonLine(out).begin();
        line.field("t", t).field("seq", seq).field("type", event.type());
        event.writeFields(line);
        line.end();
    }
}
