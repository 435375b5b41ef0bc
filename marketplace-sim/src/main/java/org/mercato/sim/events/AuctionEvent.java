package org.mercato.sim.events;

/**
 * A strategy auction's result: the provisional winner after the first round, the winner after
 * refinement, its class and final score, how many bidders refined and the memory's size.
 */
public record AuctionEvent(
        String task, String provisional, String winner, String winnerClass, double score, int refined, int memory)
        implements Event {
    @Override
    public String type() {
        return "auction";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("task", task)
                .field("provisional", provisional)
                .field("winner", winner)
                .field("class", winnerClass)
                .field("score", score)
                .field("refined", refined)
                .field("memory", memory);
    }
}
