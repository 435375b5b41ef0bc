package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * How a group with {@code policy: external} reaches its outside agent: {@code command} (a shell
 * command that starts the agent's process with the gateway's address, token and agent ids in its
 * environment; none: the run says where to connect and waits), {@code directory} (where the command
 * runs: the scenario file's folder, or a folder relative to it; the loader makes it absolute),
 * {@code timeout} (wall clock per turn,
 * 60s: an agent that does not answer ends with {@code external-timeout}), {@code connectTimeout}
 * (wall clock the run waits for the group's first request, 60s) and {@code cache} (record and replay
 * of its turns: the modes and folder of the LLM cache). Inactive unless the group's policy is
 * {@code external}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"command", "directory", "timeout", "connectTimeout", "cache"})
public record ExternalConfig(
        String command, String directory, Duration timeout, Duration connectTimeout, LlmCacheConfig cache) {
    public static final ExternalConfig DEFAULT = new ExternalConfig(null, null, null, null);

    /** A section without {@code directory}: the command runs in the scenario file's folder. */
    public ExternalConfig(String command, Duration timeout, Duration connectTimeout, LlmCacheConfig cache) {
        this(command, null, timeout, connectTimeout, cache);
    }

    /** This section with its command's folder {@code directory}. */
    public ExternalConfig inDirectory(String directory) {
        return new ExternalConfig(command, directory, timeout, connectTimeout, cache);
    }

    public ExternalConfig {
        if (command != null && command.isBlank()) {
            throw new IllegalArgumentException("command must not be blank (leave it out to start the agent yourself)");
        }
        timeout = Objects.requireNonNullElse(timeout, Duration.parse("60s"));
        connectTimeout = Objects.requireNonNullElse(connectTimeout, Duration.parse("60s"));
        cache = Objects.requireNonNullElse(cache, LlmCacheConfig.OFF);
        if (timeout.micros() < 1000) {
            throw new IllegalArgumentException(
                    "timeout must be at least 1ms (wall clock per turn), was " + timeout.text());
        }
        if (connectTimeout.micros() < 1000) {
            throw new IllegalArgumentException(
                    "connectTimeout must be at least 1ms (wall clock to wait for the agent), was "
                            + connectTimeout.text());
        }
    }

    public java.time.Duration turnTimeout() {
        return java.time.Duration.ofNanos(timeout.micros() * 1000);
    }

    public java.time.Duration connectWait() {
        return java.time.Duration.ofNanos(connectTimeout.micros() * 1000);
    }
}
