package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether agents run as actors or in the bare single-threaded reference loop. */
public enum KernelMode {
    @JsonProperty("actors")
    ACTORS,
    @JsonProperty("bare")
    BARE
}
