package org.mercato.scenarios.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.mercato.gateway.turns.Answer;
import org.mercato.gateway.turns.ExternalGroup;
import org.mercato.gateway.turns.Turn;
import org.mercato.gateway.turns.TurnDesk;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.sim.protocol.Pay;

/**
 * An outside agent played by a thread of this JVM on the real desk: it polls the group's turns and
 * answers each with its agent's script, in the wire format (a {@code pay} without {@code amount}
 * when the script says so). {@code silent} turns are never answered (a hung agent); every answer's
 * {@link Answer} is kept.
 */
final class DeskDriver implements AutoCloseable {
    private final TurnDesk desk;
    private final ExternalGroup group;
    private final Function<String, Script> scripts;
    private final Predicate<Turn> silent;
    private final Map<String, Script> agents = new ConcurrentHashMap<>();
    final List<Answer> answers = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    /** An agent's decisions in the wire format: its actions for one observation at a virtual time. */
    @FunctionalInterface
    interface Script {
        List<ObjectNode> react(JsonNode observation, long time);
    }

    /** A shopper's script; a pay without amount when the script says so (the policy fills in the total). */
    static Script shopper(ScriptedShopper shopper) {
        return (observation, time) -> shopper.react(observation, time).stream()
                .map(action -> {
                    ObjectNode wire = WireCodec.action(action);
                    if (action instanceof Pay && !shopper.script().explicitAmount()) {
                        wire.remove("amount");
                    }
                    return wire;
                })
                .toList();
    }

    /** A seller's script. */
    static Script seller(ScriptedSeller seller) {
        return (observation, time) ->
                seller.react(observation, time).stream().map(WireCodec::action).toList();
    }

    DeskDriver(TurnDesk desk, ExternalGroup group, Function<String, Script> scripts, Predicate<Turn> silent) {
        this.desk = desk;
        this.group = group;
        this.scripts = scripts;
        this.silent = silent;
        this.thread = new Thread(this::loop, "desk-driver-" + group.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (!stopped && !desk.ended()) {
                for (Turn turn : desk.poll(group, Optional.empty(), Duration.ofMillis(100))) {
                    if (!silent.test(turn)) {
                        answers.add(desk.answer(turn.agent(), turn.number(), answer(turn)));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failures.add(e);
        }
    }

    private List<JsonNode> answer(Turn turn) {
        Script script = agents.computeIfAbsent(turn.agent(), scripts);
        return new ArrayList<>(script.react(turn.observations().get(0), turn.time()));
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(5_000);
    }
}
