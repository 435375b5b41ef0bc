package org.mercato.sim.events;

/** A period of a market with dynamics started; it covers [start, end) in virtual microseconds. */
public record PeriodEvent(int period, long start, long end) implements Event {
    @Override
    public String type() {
        return "period";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("period", period).field("start", start).field("end", end);
    }
}
