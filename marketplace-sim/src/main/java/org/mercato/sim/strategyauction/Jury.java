package org.mercato.sim.strategyauction;

import java.util.List;

/** Scores a plan for a task, one score in [0, 5] per juror. */
public interface Jury {
    List<Double> judge(Task task, String bidder, Plan plan, int round);
}
