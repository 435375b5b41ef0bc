package org.mercato.scenarios.run;

import java.util.List;
import org.mercato.sim.events.EventSink;

/**
 * Where the market's log ended, for a feature that runs after it ({@link RunFeature#afterMarket}):
 * its last virtual time, the next sequence number, and the sinks (the log, then every fold).
 */
public record AfterMarket(long lastTime, long nextSeq, List<EventSink> sinks) {}
