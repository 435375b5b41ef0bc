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
import org.mercato.sim.protocol.AssistantAction;
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
    private final Function<String, ScriptedShopper> scripts;
    private final Predicate<Turn> silent;
    private final Map<String, ScriptedShopper> shoppers = new ConcurrentHashMap<>();
    final List<Answer> answers = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    DeskDriver(TurnDesk desk, ExternalGroup group, Function<String, ScriptedShopper> scripts, Predicate<Turn> silent) {
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
        ScriptedShopper shopper = shoppers.computeIfAbsent(turn.agent(), scripts);
        List<JsonNode> out = new ArrayList<>();
        for (AssistantAction action : shopper.react(turn.observations().get(0), turn.time())) {
            ObjectNode wire = WireCodec.action(action);
            if (action instanceof Pay && !shopper.script().explicitAmount()) {
                wire.remove("amount"); // the policy fills in the proposal's total
            }
            out.add(wire);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(5_000);
    }
}
