package org.mercato.scenarios.plugin;

/** On the classpath, but no policy. */
public final class NotAPolicy {}
