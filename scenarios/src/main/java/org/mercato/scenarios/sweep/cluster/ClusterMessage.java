package org.mercato.scenarios.sweep.cluster;

/**
 * Marks the messages that cross the network between the coordinator and the workers; the actor
 * system binds it to Pekko's Jackson JSON serializer (Java serialization is off).
 */
public interface ClusterMessage {}
