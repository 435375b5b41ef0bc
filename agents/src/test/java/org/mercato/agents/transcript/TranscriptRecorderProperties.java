package org.mercato.agents.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The file's order is (seq, agent, index) whatever order, and from whichever threads, the turns came in. */
class TranscriptRecorderProperties {
    private static TranscriptTurn turn(String agent, long seq, long index) {
        return new TranscriptTurn(
                agent,
                "assistant",
                0,
                "llm-assistant",
                seq * 10,
                seq,
                index,
                "openai m",
                "k",
                List.of(new TranscriptTurn.Message("user", "seen " + seq, null, null)),
                List.of("done"),
                new TranscriptTurn.Answer("", List.of()),
                new TranscriptTurn.Tokens(1, 1),
                null,
                null,
                new TranscriptTurn.Runtime(index, "network"));
    }

    /** Turns of a few agents: each agent's indices in order of its seqs, as an agent takes them. */
    private static List<TranscriptTurn> turns(long seed, int count) {
        Random random = new Random(seed);
        List<TranscriptTurn> turns = new ArrayList<>();
        long[] next = new long[4];
        long seq = -1;
        for (int i = 0; i < count; i++) {
            seq += random.nextInt(3); // several agents may turn on one event
            int agent = random.nextInt(next.length);
            turns.add(turn("c" + agent, seq, next[agent]++));
        }
        return turns;
    }

    @Property(tries = 50)
    void theLinesDependOnlyOnTheTurns(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int count)
            throws InterruptedException {
        List<TranscriptTurn> turns = turns(seed, count);
        TranscriptRecorder inOrder = new TranscriptRecorder();
        turns.forEach(inOrder::add);

        List<TranscriptTurn> shuffled = new ArrayList<>(turns);
        Collections.shuffle(shuffled, new Random(seed + 1));
        TranscriptRecorder threaded = new TranscriptRecorder();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        shuffled.forEach(t -> pool.execute(() -> threaded.add(t)));
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(threaded.lines()).isEqualTo(inOrder.lines());
        List<String> lines = inOrder.lines();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith("{\"turn\":" + i + ",\"agent\":");
        }
    }

    @Property(tries = 20)
    void eachAgentCountsItsOwnTurnsFromZero(@ForAll @IntRange(min = 1, max = 20) int turns) {
        TranscriptRecorder recorder = new TranscriptRecorder();
        for (int i = 0; i < turns; i++) {
            assertThat(recorder.nextIndex("a")).isEqualTo(i);
        }
        assertThat(recorder.nextIndex("b")).isZero();
    }
}
