package org.mercato.scenarios.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.ExternalFeature;

/** Outside agents' turns are transcript lines too: recorded live, replayed equal, a timeout as an error. */
class ExternalTranscriptsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Scenario market(String mode) {
        return ExternalRuns.market(
                7,
                ExternalFeature.POLICY,
                3,
                6,
                ExternalRuns.external("1s", mode, dir.resolve("turns").toString()));
    }

    private static List<JsonNode> parse(List<String> lines) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static List<String> withoutRuntime(List<JsonNode> lines) {
        return lines.stream()
                .map(line -> ((ObjectNode) line.deepCopy()).without("runtime").toString())
                .toList();
    }

    @Test
    void anOutsideAgentsTurnsAreWrittenAndTheirReplayAgrees() throws Exception {
        List<JsonNode> recorded = parse(ExternalRuns.transcripts(
                market("record"),
                PolicyRegistry.builtIn(),
                feature -> List.of(ExternalAgentsRunTest.driver(
                        feature, turn -> turn.agent().equals("customer_0002") && turn.number() == 1))));
        List<JsonNode> replayed = parse(
                ExternalRuns.transcripts(market("replay-strict"), PolicyRegistry.builtIn(), feature -> List.of()));

        assertThat(recorded).isNotEmpty();
        assertThat(withoutRuntime(replayed)).isEqualTo(withoutRuntime(recorded));
        assertThat(recorded).allSatisfy(line -> {
            assertThat(line.path("role").asText()).isEqualTo("outside-assistant");
            assertThat(line.path("kind").asText()).isEqualTo("external");
            assertThat(line.path("model").asText()).isEqualTo("external assistants-0");
            assertThat(line.path("cacheKey").asText()).matches("[0-9a-f]{64}");
            assertThat(line.path("messages").get(0).path("content").asText()).startsWith("[{\"type\":");
            assertThat(line.path("runtime").path("source").asText()).isEqualTo("network");
        });
        assertThat(replayed)
                .allSatisfy(line ->
                        assertThat(line.path("runtime").path("source").asText()).isEqualTo("replay"));
        assertThat(recorded)
                .filteredOn(line -> line.path("agent").asText().equals("customer_0001"))
                .first()
                .satisfies(first -> {
                    assertThat(first.path("index").asLong()).isZero();
                    assertThat(first.path("answer")
                                    .path("toolCalls")
                                    .get(0)
                                    .path("name")
                                    .asText())
                            .isEqualTo("search");
                });
        assertThat(recorded)
                .filteredOn(line -> line.has("error"))
                .singleElement()
                .satisfies(timedOut -> {
                    assertThat(timedOut.path("agent").asText()).isEqualTo("customer_0002");
                    assertThat(timedOut.path("index").asLong()).isEqualTo(1);
                    assertThat(timedOut.path("error").asText()).startsWith("external-timeout");
                    assertThat(timedOut.get("answer").isNull()).isTrue();
                });
    }
}
