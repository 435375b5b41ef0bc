package org.mercato.gateway.turns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.llm.CacheMode;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.sim.protocol.WokenUp;

class TurnRecordingTest {
    @TempDir
    Path dir;

    private static final TurnRecording.FileWriter WRITE = (target, content) -> Files.writeString(target, content);

    private static List<JsonNode> seen(long at) {
        return List.of(WireCodec.observation(new WokenUp(at)));
    }

    @Test
    void recordedTurnsAreReadBackByReplayAndALiveTurnReplacesTheRestOfTheRecording() throws Exception {
        TurnRecording record = TurnRecording.of(CacheMode.RECORD, dir, "assistants-0");
        assertThat(record.recorded("c1", 0)).isEmpty(); // recording never replays
        record.record(
                "c1", 0, TurnRecording.digest(seen(0)), TurnDeskTest.json("[{\"type\":\"search\",\"query\":\"t\"}]"));
        record.record("c1", 1, TurnRecording.digest(seen(1)), TurnDeskTest.json("[]"));
        record.record("c1", 2, TurnRecording.digest(seen(2)), TurnDeskTest.json("[{\"type\":\"done\"}]"));
        record.flush(WRITE);
        Path file = dir.resolve("assistants-0").resolve("c1.jsonl");
        assertThat(Files.readAllLines(file))
                .hasSize(3)
                .first()
                .asString()
                .isEqualTo("{\"turn\":0,\"observations\":\"" + TurnRecording.digest(seen(0))
                        + "\",\"actions\":[{\"type\":\"search\",\"query\":\"t\"}]}");

        TurnRecording replay = TurnRecording.of(CacheMode.REPLAY, dir, "assistants-0");
        assertThat(replay.recorded("c1", 1)).map(RecordedTurn::observations).contains(TurnRecording.digest(seen(1)));
        assertThat(replay.recorded("c2", 0)).isEmpty();
        // a live turn 1 (a miss): what came after it was seen in another history
        replay.record("c1", 1, TurnRecording.digest(seen(7)), TurnDeskTest.json("[]"));
        assertThat(replay.recorded("c1", 2)).isEmpty();
        replay.flush(WRITE);
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void offRecordsNothingAndOddIdsStayInsideTheFolder() throws Exception {
        TurnRecording off = TurnRecording.off();
        off.record("c1", 0, "x", List.of());
        off.flush(WRITE);
        assertThat(off.file("c1")).isNull();

        TurnRecording record = TurnRecording.of(CacheMode.RECORD, dir, "g");
        assertThat(record.file("../../etc/passwd").getParent()).isEqualTo(dir.resolve("g"));
        assertThat(record.file("../../etc/passwd").getFileName().toString())
                .matches("\\.\\._\\.\\._etc_passwd-[0-9a-f]{12}\\.jsonl");
        assertThat(record.file("customer_0001").getFileName().toString()).isEqualTo("customer_0001.jsonl");
    }

    @Test
    void aDamagedRecordingIsNamedWithItsLine() throws Exception {
        Files.createDirectories(dir.resolve("g"));
        Files.writeString(
                dir.resolve("g").resolve("c1.jsonl"), "{\"turn\":0,\"observations\":\"a\",\"actions\":[]}\n{oops\n");
        TurnRecording replay = TurnRecording.of(CacheMode.REPLAY_STRICT, dir, "g");
        assertThatThrownBy(() -> replay.recorded("c1", 0))
                .hasMessageStartingWith(dir.resolve("g").resolve("c1.jsonl") + ":2: not JSON: ");
    }
}
