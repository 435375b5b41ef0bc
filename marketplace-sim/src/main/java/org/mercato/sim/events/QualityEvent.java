package org.mercato.sim.events;

/** A service's true quality in [0, 1] (what it delivers relative to its listing), from now on. */
public record QualityEvent(String service, double quality) implements Event {
    @Override
    public String type() {
        return "quality";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("service", service).field("quality", quality);
    }
}
