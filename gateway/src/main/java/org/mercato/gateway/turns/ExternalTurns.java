package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
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

    public ExternalTurns(TurnDesk desk, ExternalGroup group, TurnRecording recording) {
        this.desk = desk;
        this.group = group;
        this.recording = recording;
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
        return take(context.self(), number, context.now(), List.of(WireCodec.observation(observation)), decoder);
    }

    /** Turn {@code number} of {@code agent}, seen at virtual {@code time}: answered, or how it ended without. */
    TurnOutcome take(String agent, long number, long time, List<JsonNode> observations, TurnDecoder decoder) {
        String digest =
                recording.mode() == org.mercato.agents.llm.CacheMode.OFF ? null : TurnRecording.digest(observations);
        Optional<RecordedTurn> recorded = recording.recorded(agent, number);
        if (recorded.isPresent()
                && recorded.get().observations().equals(digest)
                && recorded.get().ended() != null) {
            return ExternalReasons.TIMEOUT.equals(recorded.get().ended())
                    ? new TurnOutcome.TimedOut()
                    : new TurnOutcome.Gone("as recorded");
        }
        if (recorded.isPresent() && recorded.get().observations().equals(digest)) {
            try {
                return new TurnOutcome.Answered(
                        recorded.get().actions(),
                        List.copyOf(decoder.decode(recorded.get().actions())));
            } catch (WireException e) {
                if (recording.strict()) {
                    return mismatch(agent, number, "its recorded actions do not decode: " + e.getMessage());
                }
            }
        } else if (recording.strict()) {
            return mismatch(
                    agent,
                    number,
                    recorded.isPresent()
                            ? "it saw other observations than when recorded"
                            : "it is not in the recording " + recording.file(agent));
        }
        TurnOutcome live;
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
                    group.turnTimeout(),
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
        return live;
    }

    private TurnOutcome mismatch(String agent, long number, String why) {
        String message = "replay-strict: agent " + agent + " (group " + group.name() + ") turn " + number + ": " + why;
        LOG.error("{}; it ends with {}", message, ExternalReasons.REPLAY_MISMATCH);
        desk.finish(agent, ExternalReasons.REPLAY_MISMATCH);
        return new TurnOutcome.Mismatch(message);
    }
}
