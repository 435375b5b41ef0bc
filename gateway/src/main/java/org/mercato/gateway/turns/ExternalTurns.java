package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercato.agents.transcript.TranscriptGroup;
import org.mercato.agents.transcript.TurnOrigin;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.gateway.wire.WireException;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.protocol.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an external policy gets its turns answered: from the group's recording when it replays a
 * turn the agent saw the same way, else live on the {@link TurnDesk} (recorded when recording);
 * under {@code replay-strict} a turn the recording lacks or saw differently is a {@link
 * TurnOutcome.Mismatch} naming the agent and the turn.
 */
public final class ExternalTurns {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalTurns.class);

    private final TurnDesk desk;
    private final ExternalGroup group;
    private final TurnRecording recording;
    private final TranscriptGroup transcripts;
    /** Why agents of the group failed: {@code <reason>: <cause>} to agents; guarded by this. */
    private final Map<String, Long> causes = new TreeMap<>();
    /** The first turn replay-strict could not replay, by agent; guarded by this. */
    private final SortedMap<String, Long> mismatches = new TreeMap<>();

    public ExternalTurns(TurnDesk desk, ExternalGroup group, TurnRecording recording) {
        this(desk, group, recording, null);
    }

    /** As the other constructor; every turn is reported to {@code transcripts} (null: none). */
    public ExternalTurns(TurnDesk desk, ExternalGroup group, TurnRecording recording, TranscriptGroup transcripts) {
        this.desk = desk;
        this.group = group;
        this.recording = recording;
        this.transcripts = transcripts;
    }

    public TurnDesk desk() {
        return desk;
    }

    public ExternalGroup group() {
        return group;
    }

    public TurnRecording recording() {
        return recording;
    }

    /** Turn {@code number} of the agent of {@code context}: one observation, in the wire format. */
    TurnOutcome take(AgentContext context, long number, Observation observation, TurnDecoder decoder) {
        return take(context, number, List.of(observation), decoder);
    }

    /** Turn {@code number} of the agent of {@code context}: these observations in this order, in the wire format. */
    TurnOutcome take(AgentContext context, long number, List<? extends Observation> observations, TurnDecoder decoder) {
        List<JsonNode> wire = new java.util.ArrayList<>(observations.size());
        observations.forEach(observation -> wire.add(WireCodec.observation(observation)));
        if (transcripts == null) {
            return take(context.self(), number, context.now(), wire, decoder);
        }
        long index = transcripts.sink().nextIndex(context.self());
        Taken taken = answer(context.self(), number, context.now(), wire, decoder);
        transcripts
                .sink()
                .add(ExternalTranscripts.turn(transcripts, TurnOrigin.of(context, null), index, group, taken, wire));
        return taken.outcome();
    }

    /** Turn {@code number} of {@code agent}, seen at virtual {@code time}: answered, or how it ended without. */
    TurnOutcome take(String agent, long number, long time, List<JsonNode> observations, TurnDecoder decoder) {
        return answer(agent, number, time, observations, decoder).outcome();
    }

    /**
     * A turn's outcome, the SHA-256 of what the agent saw (its recording's key), whether it came from
     * the recording, and the wall time a live turn took.
     */
    record Taken(TurnOutcome outcome, String digest, boolean replayed, long latencyMs) {}

    private Taken answer(String agent, long number, long time, List<JsonNode> observations, TurnDecoder decoder) {
        String digest = TurnRecording.digest(observations);
        Optional<RecordedTurn> recorded = recording.recorded(agent, number);
        Optional<RecordedTurn> same =
                recorded.filter(turn -> turn.observations().equals(digest));
        if (same.isPresent() && same.get().ended() != null) {
            return new Taken(
                    failed(
                            ExternalReasons.TIMEOUT.equals(same.get().ended())
                                    ? new TurnOutcome.TimedOut()
                                    : new TurnOutcome.Gone("ended so in the recording")),
                    digest,
                    true,
                    0);
        }
        if (same.isPresent()) {
            try {
                return new Taken(
                        new TurnOutcome.Answered(
                                same.get().actions(),
                                List.copyOf(decoder.decode(same.get().actions()))),
                        digest,
                        true,
                        0);
            } catch (WireException e) {
                if (recording.strict()) {
                    return new Taken(
                            mismatch(agent, number, "its recorded actions do not decode: " + e.getMessage()),
                            digest,
                            true,
                            0);
                }
            }
        } else if (recording.strict()) {
            return new Taken(
                    mismatch(
                            agent,
                            number,
                            recorded.isPresent()
                                    ? "it saw other observations than when recorded"
                                    : "it is not in the recording " + recording.file(agent)),
                    digest,
                    true,
                    0);
        }
        TurnOutcome live;
        long started = System.nanoTime(); // wall time, only for the transcript's runtime part
        try {
            live = desk.take(agent, number, time, observations, decoder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while agent " + agent + " had turn " + number + " open", e);
        }
        if (live instanceof TurnOutcome.Answered answered) {
            recording.record(agent, number, digest, answered.wire());
        } else if (live instanceof TurnOutcome.TimedOut) {
            recording.recordEnd(agent, number, digest, ExternalReasons.TIMEOUT);
            LOG.warn(
                    "external agent {} (group {}) did not answer turn {} within {}: it ends with {}",
                    agent,
                    group.name(),
                    number,
                    seconds(group.turnTimeout()),
                    ExternalReasons.TIMEOUT);
        } else if (live instanceof TurnOutcome.Gone gone) {
            if (!desk.ended()) { // not an aborted run's open turn
                recording.recordEnd(agent, number, digest, ExternalReasons.GONE);
            }
            LOG.warn(
                    "external agent {} (group {}) is gone at turn {} ({}): it ends with {}",
                    agent,
                    group.name(),
                    number,
                    gone.why(),
                    ExternalReasons.GONE);
        }
        return new Taken(failed(live), digest, false, (System.nanoTime() - started) / 1_000_000);
    }

    private TurnOutcome mismatch(String agent, long number, String why) {
        String message = "replay-strict: agent " + agent + " (group " + group.name() + ") turn " + number + ": " + why;
        LOG.error("{}; it ends with {}", message, ExternalReasons.REPLAY_MISMATCH);
        desk.finish(agent, ExternalReasons.REPLAY_MISMATCH);
        synchronized (this) {
            mismatches.merge(agent, number, Math::min);
        }
        return new TurnOutcome.Mismatch(message);
    }

    /** Counts a timeout or a gone agent under its cause; returns {@code outcome}. */
    private TurnOutcome failed(TurnOutcome outcome) {
        String cause = null;
        if (outcome instanceof TurnOutcome.TimedOut) {
            cause = ExternalReasons.TIMEOUT + ": group " + group.name() + " gave no answer within "
                    + seconds(group.turnTimeout());
        } else if (outcome instanceof TurnOutcome.Gone gone) {
            cause = ExternalReasons.GONE + ": group " + group.name() + " " + gone.why();
        }
        if (cause != null) {
            synchronized (this) {
                causes.merge(cause, 1L, Long::sum);
            }
        }
        return outcome;
    }

    private static String seconds(java.time.Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /**
     * The group's failed agents by {@code <reason>: <cause>}: timeouts with the group's timeout, gone
     * agents with how they went, replay-strict misses with the first agent (by id) and its turn.
     */
    public synchronized Map<String, Long> failureCauses() {
        Map<String, Long> out = new TreeMap<>(causes);
        if (!mismatches.isEmpty()) {
            String first = mismatches.firstKey();
            out.put(
                    ExternalReasons.REPLAY_MISMATCH + ": group " + group.name() + ", first " + first + " turn "
                            + mismatches.get(first),
                    (long) mismatches.size());
        }
        return out;
    }
}
