package org.mercato.scenarios.sweep.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.mercato.scenarios.load.ScenarioYaml;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.sweep.CellIds;
import org.mercato.scenarios.sweep.CellResult;
import org.mercato.scenarios.sweep.CellRunner;
import org.mercato.scenarios.sweep.cluster.Protocol.Assign;
import org.mercato.scenarios.sweep.cluster.Protocol.CellDone;
import org.mercato.scenarios.sweep.cluster.Protocol.CoordinatorCommand;
import org.mercato.scenarios.sweep.cluster.Protocol.NoWorkYet;
import org.mercato.scenarios.sweep.cluster.Protocol.Ran;
import org.mercato.scenarios.sweep.cluster.Protocol.Refused;
import org.mercato.scenarios.sweep.cluster.Protocol.RequestWork;
import org.mercato.scenarios.sweep.cluster.Protocol.Retry;
import org.mercato.scenarios.sweep.cluster.Protocol.SweepDone;
import org.mercato.scenarios.sweep.cluster.Protocol.WorkerCommand;

/**
 * A worker with {@code slots} cells at a time: each slot asks the coordinator for a cell, runs it on
 * the blocking executor, reports it (which asks for the next), and the worker stops once told the
 * sweep is done and no cell of its own is still running. The worker checks that the cell id it
 * computes for the scenario it received is the one it was given, so nodes that resolve scenarios
 * differently cannot store wrong results. Stops when every slot is done, or when refused; what ended
 * it goes into {@code ending}.
 */
public final class Worker extends AbstractBehavior<WorkerCommand> {
    static final Duration RETRY = Duration.ofMillis(300);

    private final ActorRef<CoordinatorCommand> coordinator;
    private final CellRunner runner;
    private final Executor blocking;
    private final String codeVersion;
    private final String name;
    private final WorkerEnding ending;
    private int running;
    private boolean sweepDone;

    private Worker(
            ActorContext<WorkerCommand> context,
            ActorRef<CoordinatorCommand> coordinator,
            CellRunner runner,
            Executor blocking,
            String codeVersion,
            int slots,
            WorkerEnding ending) {
        super(context);
        this.ending = ending;
        this.coordinator = coordinator;
        this.runner = runner;
        this.blocking = blocking;
        this.codeVersion = codeVersion;
        this.name = context.getSystem().address().toString();
        for (int i = 0; i < slots; i++) {
            ask();
        }
    }

    public static Behavior<WorkerCommand> create(
            ActorRef<CoordinatorCommand> coordinator,
            CellRunner runner,
            Executor blocking,
            String codeVersion,
            int slots,
            WorkerEnding ending) {
        return Behaviors.setup(
                context -> new Worker(context, coordinator, runner, blocking, codeVersion, slots, ending));
    }

    @Override
    public Receive<WorkerCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(Assign.class, this::onAssign)
                .onMessage(Ran.class, this::onRan)
                .onMessage(NoWorkYet.class, m -> {
                    getContext().scheduleOnce(RETRY, getContext().getSelf(), new Retry(0));
                    return this;
                })
                .onMessage(Retry.class, m -> {
                    ask();
                    return this;
                })
                .onMessage(SweepDone.class, m -> {
                    // every cell is stored, so idle slots have nothing left to ask for
                    sweepDone = true;
                    ending.sweepDone.set(true);
                    ThrottledPekkoLogFilter.stoppingAfterSuccess(getContext().getSystem());
                    return running == 0 ? Behaviors.stopped() : this;
                })
                .onMessage(Refused.class, m -> {
                    getContext().getLog().error("the coordinator refused this worker: {}", m.reason());
                    ending.refusal.set(m.reason());
                    return Behaviors.stopped();
                })
                .build();
    }

    private void ask() {
        coordinator.tell(new RequestWork(getContext().getSelf(), codeVersion));
    }

    private Behavior<WorkerCommand> onAssign(Assign assign) {
        running++;
        CompletableFuture<CellResult> result = CompletableFuture.supplyAsync(() -> run(assign), blocking);
        getContext().pipeToSelf(result, (r, e) -> new Ran(r != null ? r : failed(assign.cellId(), e)));
        return this;
    }

    private Behavior<WorkerCommand> onRan(Ran ran) {
        running--;
        coordinator.tell(new CellDone(getContext().getSelf(), ran.result()));
        return sweepDone && running == 0 ? Behaviors.stopped() : this;
    }

    private CellResult run(Assign assign) {
        Scenario scenario;
        try {
            scenario = ScenarioYaml.mapper().readValue(assign.scenarioYaml(), Scenario.class);
        } catch (Exception e) {
            return failed(assign.cellId(), e);
        }
        String id = CellIds.of(scenario, codeVersion);
        if (!id.equals(assign.cellId())) {
            return failed(
                    assign.cellId(), new IllegalStateException("this worker resolves the cell's scenario to id " + id));
        }
        return runner.run(assign.cellId(), scenario, assign.overrides());
    }

    private CellResult failed(String id, Throwable e) {
        return new CellResult(
                id,
                CellResult.FAILED,
                Map.of(),
                System.currentTimeMillis(),
                0,
                e == null ? "unknown error" : e.toString(),
                name,
                null);
    }
}
