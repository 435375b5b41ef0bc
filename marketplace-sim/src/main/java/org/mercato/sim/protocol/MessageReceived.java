package org.mercato.sim.protocol;

import java.util.SortedMap;

/** A message from the other side of one of this agent's conversations. */
public record MessageReceived(String from, String text, SortedMap<String, Integer> items) implements Observation {}
