package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with an external group nobody connects to says where to connect, waits its connectTimeout
 * and fails with one line naming the group (exit 1); the group's token is in an owner-only file of
 * the run folder and nowhere else.
 */
class ExternalAgentsCliTest {
    static final String SCENARIO = """
            name: outside
            seed: 3
            market:
              generate: {customers: 3, services: 2}
            agents:
              assistants:
                - policy: external
                  count: 2
                  external: {connectTimeout: 200ms, timeout: 1s}
                - policy: rational
              services:
                - policy: posted-price
            """;

    @TempDir
    Path dir;

    @Test
    void nobodyConnectsSoTheRunFailsWithOneLineNamingTheGroup() throws Exception {
        Path file = dir.resolve("outside.yaml");
        Files.writeString(file, SCENARIO);
        Path runs = dir.resolve("runs");

        var result = mercato("run", file.toString(), "--out", runs.toString(), "--no-progress");

        assertThat(result.code()).as(result.err()).isEqualTo(1);
        Path folder;
        try (Stream<Path> folders = Files.list(runs)) {
            folder = folders.findFirst().orElseThrow();
        }
        Path tokens = folder.resolve("gateway-tokens.json");
        assertThat(result.errLines())
                .anyMatch(line -> line.startsWith("waiting up to 200ms for external group assistants-0 (2 assistants)")
                        && line.endsWith("its token is in " + tokens));
        assertThat(result.errLines().get(result.errLines().size() - 1))
                .startsWith("error: run failed: external group assistants-0 did not connect to ")
                .contains(" within 200ms: start its agent with the URL and the token in " + tokens);
        assertThat(result.err()).doesNotContain("Exception", "\tat ");

        JsonNode written = new ObjectMapper().readTree(tokens.toFile());
        JsonNode group = written.get("groups").get(0);
        assertThat(group.get("group").asText()).isEqualTo("assistants-0");
        assertThat(group.get("role").asText()).isEqualTo("assistant");
        assertThat(group.get("agents")).hasSize(2);
        String token = group.get("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes, base64url
        if (Files.getFileStore(tokens).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens)))
                    .isEqualTo("rw-------");
        }
        for (Path other : List.of(folder.resolve("run.log"), folder.resolve("scenario.resolved.yaml"))) {
            assertThat(Files.readString(other)).doesNotContain(token);
        }
        assertThat(result.out() + result.err()).doesNotContain(token);
        assertThat(Files.readString(folder.resolve("run.log")))
                .contains("waiting up to 200ms for external group")
                .contains("run outside failed: external group assistants-0 did not connect to ");
    }
}
