package org.mercato.scenarios.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.mercato.agents.transcript.TranscriptGroup;
import org.mercato.gateway.http.Gateway;
import org.mercato.gateway.http.GatewayAudit;
import org.mercato.gateway.http.GatewaySettings;
import org.mercato.gateway.http.GatewayStats;
import org.mercato.gateway.launch.AgentLaunchException;
import org.mercato.gateway.launch.AgentProcesses;
import org.mercato.gateway.turns.ExternalAssistantPolicy;
import org.mercato.gateway.turns.ExternalGroup;
import org.mercato.gateway.turns.ExternalServicePolicy;
import org.mercato.gateway.turns.ExternalTurns;
import org.mercato.gateway.turns.TurnDesk;
import org.mercato.gateway.turns.TurnRecording;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.keys.WiringException;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.ExternalConfig;
import org.mercato.scenarios.model.GatewayConfig;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents driven from outside the JVM ({@code policy: external}): one {@link TurnDesk} for the run,
 * each external group registered on it with a fresh random token, its turns recorded or replayed
 * as its {@code external.cache} says. Such a run uses the rolling kernel, with parallelism raised so
 * every external agent's turn can be open at once (see {@link #forOutsideAgents}). Just before the
 * market runs it starts the gateway, writes {@code gateway-tokens.json} (owner-only) into the run
 * folder, launches the groups' commands and waits for each group to connect (its {@code
 * connectTimeout}; a group that never does stops the run with a {@link RunStartException}). When the
 * market is over the desk ends, the recordings are written and what was started is stopped. In a
 * market with return visits ({@code market.dynamics.returns}) a shopper's done ends only its visit
 * ({@link TurnDesk#returnVisits(boolean)}). An
 * {@code external} section under another policy is inactive, like {@code llm}.
 */
public final class ExternalFeature implements RunFeature {
    /** The policy name of an external group. */
    public static final String POLICY = "external";

    /** The run-folder file holding the groups' tokens (readable by its owner only). */
    public static final String TOKENS_FILE = "gateway-tokens.json";

    /**
     * The most kernel threads raised for outside agents: each open turn holds one while its agent
     * thinks; beyond this, turns wait for a thread (slower, never different).
     */
    static final int MAX_PARALLELISM = 1024;

    private static final Logger log = LoggerFactory.getLogger(ExternalFeature.class);
    private static final SecureRandom TOKENS = new SecureRandom();

    private final TurnDesk desk = new TurnDesk();
    private final List<ExternalGroupRun> groups = new ArrayList<>();
    /** What runs beside the market (the gateway, the agents' processes), closed in reverse order. */
    private final List<AutoCloseable> endpoints = new ArrayList<>();

    private MarketWiring market;
    private Gateway gateway;
    private URI gatewayUrl;

    @Override
    public void wireMarket(MarketWiring market) {
        this.market = market;
        market.external(this);
    }

    /** Whether {@code config} is an external group. */
    public static boolean isExternal(AgentGroupConfig config) {
        return POLICY.equals(config.policy());
    }

    /** The policy factory of the external assistant group at {@code agents.assistants[index]}, whose agents are {@code agentIds}. */
    public Supplier<AssistantPolicy> assistants(int index, AgentGroupConfig config, List<String> agentIds) {
        ExternalTurns turns = register(ExternalGroup.Role.ASSISTANT, index, config, agentIds);
        return () -> new ExternalAssistantPolicy(turns);
    }

    /** The policy factory of the external service group at {@code agents.services[index]}. */
    public Supplier<ServicePolicy> services(int index, AgentGroupConfig config, List<String> agentIds) {
        ExternalTurns turns = register(ExternalGroup.Role.SERVICE, index, config, agentIds);
        return () -> new ExternalServicePolicy(turns);
    }

    private ExternalTurns register(ExternalGroup.Role role, int index, AgentGroupConfig config, List<String> agentIds) {
        String section = role.label() + "s";
        ExternalConfig settings = config.external() == null ? ExternalConfig.DEFAULT : config.external();
        ExternalGroup group =
                new ExternalGroup(section + "-" + index, role, agentIds, newToken(), settings.turnTimeout());
        desk.register(group);
        TurnRecording recording = TurnRecording.of(
                settings.cache().cacheMode(),
                settings.cache().folder() == null
                        ? null
                        : Path.of(settings.cache().folder()).toAbsolutePath().normalize(),
                group.name());
        ExternalTurns turns = new ExternalTurns(
                desk,
                group,
                recording,
                new TranscriptGroup(market.transcripts(), "outside-" + role.label(), index, POLICY, null, null));
        groups.add(new ExternalGroupRun(group, settings, turns));
        return turns;
    }

    /** 32 random bytes, base64url without padding: a bearer token for one group of one run. */
    static String newToken() {
        byte[] bytes = new byte[32];
        TOKENS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void completeMarket(MarketWiring market) {
        if (groups.isEmpty()) {
            return;
        }
        var dynamics = market.scenario().market().dynamics();
        desk.returnVisits(dynamics != null && dynamics.returns() != null);
        var ads = market.scenario().market().ads();
        if (ads != null && ads.counterfactual()) {
            throw new WiringException(
                    KeyPath.of("market", "ads", "counterfactual"),
                    "cannot run with external agents (the market without ads would need their answers again);"
                            + " set it to false");
        }
        market.requireRollingKernel("outside agents");
        market.adjustKernel(this::forOutsideAgents);
    }

    /**
     * An outside agent's turn blocks one kernel thread until it answers, so parallelism rises to the
     * number of external agents (at most {@value #MAX_PARALLELISM}; never lowered), and the rolling
     * kernel runs, with an actor per agent, so a slow agent holds back only what depends on it ({@link
     * KernelSettings#forBlockingAgents}). Outcomes depend on neither.
     */
    private KernelSettings forOutsideAgents(KernelSettings kernel) {
        int agents = groups.stream().mapToInt(g -> g.group().agentIds().size()).sum();
        int needed = Math.min(MAX_PARALLELISM, agents);
        KernelSettings rolling = kernel.forBlockingAgents();
        return needed > rolling.parallelism() ? rolling.withParallelism(needed) : rolling;
    }

    /** The run's desk, where external policies' turns wait for their agents. */
    public TurnDesk desk() {
        return desk;
    }

    /** The run's external groups, assistants first, in scenario order. */
    public List<ExternalGroupRun> groups() {
        return List.copyOf(groups);
    }

    /** Where the gateway listens: the scenario's {@code gateway} section or its defaults. */
    public GatewayConfig gatewaySettings() {
        return market.scenario().gatewayOrDefault();
    }

    /** The gateway's base URL once started (null before, or when no gateway is wired into this build). */
    public URI gatewayUrl() {
        return gatewayUrl;
    }

    @Override
    public void startRun(RunStart start) throws IOException {
        if (groups.isEmpty()) {
            return;
        }
        gatewayUrl = startGateway(start);
        writeTokens(start.folder());
        launchAgents(start);
        awaitAgents(start);
    }

    /**
     * Starts the HTTP/MCP gateway for {@link #desk()} at {@link #gatewaySettings()} (refusals go to
     * run.log through the logger {@code mercato.gateway}), adds it to {@link #endpoints}, tells the
     * user where it listens and returns its base URL.
     */
    private URI startGateway(RunStart start) throws IOException {
        GatewayConfig config = gatewaySettings();
        try {
            gateway = Gateway.start(
                    GatewaySettings.defaults().at(config.bind(), config.port()), desk, GatewayAudit.toLog());
        } catch (IllegalStateException e) {
            throw new RunStartException(e.getMessage());
        }
        endpoints.add(gateway);
        start.notice()
                .accept("gateway for external agents: " + gateway.url() + " (HTTP/JSON under v1/, MCP at "
                        + gateway.url().resolve("mcp") + ", shop pages for browser agents at "
                        + gateway.url().resolve("shop/") + "<agent>?token=<token>); tokens in "
                        + start.folder().resolve(TOKENS_FILE));
        return gateway.url();
    }

    /** The gateway's server-side timings (per request kind, and per answered turn); null before it started. */
    public GatewayStats gatewayStats() {
        return gateway == null ? null : gateway.stats();
    }

    /**
     * Starts the {@link ExternalGroupRun#command()} of each group that has one and needs its agent
     * (not when it replays), in its {@code external.directory} (the scenario file's folder), with
     * {@link AgentProcesses}: the URL, token and agent ids in its environment, its output into the
     * run folder; a process that exits early ends its agents ({@link TurnDesk#gone}).
     */
    private void launchAgents(RunStart start) throws IOException {
        List<AgentProcesses.Launch> launches = new ArrayList<>();
        for (ExternalGroupRun run : groups) {
            if (run.command() != null && run.needsAgentAtStart()) {
                Path directory = run.config().directory() == null
                        ? Path.of("").toAbsolutePath()
                        : Path.of(run.config().directory());
                launches.add(new AgentProcesses.Launch(run.group(), run.command(), directory));
            }
        }
        if (launches.isEmpty()) {
            return;
        }
        if (gatewayUrl == null) {
            throw new RunStartException("external.command needs the gateway, which is not wired into this build");
        }
        try {
            endpoints.add(AgentProcesses.start(launches, gatewayUrl, start.folder(), desk));
        } catch (AgentLaunchException e) {
            throw new RunStartException(e.getMessage());
        }
        for (AgentProcesses.Launch launch : launches) {
            start.notice()
                    .accept("started the agents of external group "
                            + launch.group().name() + ": " + launch.command() + " (output in "
                            + AgentProcesses.logFile(
                                    start.folder(), launch.group().name()) + ")");
        }
    }

    /** Waits for every group that needs its agent now, each up to its {@code connectTimeout} from here. */
    private void awaitAgents(RunStart start) throws IOException {
        long began = System.nanoTime();
        List<ExternalGroupRun> waiting = new ArrayList<>();
        for (ExternalGroupRun run : groups) {
            if (!run.needsAgentAtStart()) {
                start.notice()
                        .accept("external group " + run.group().name() + " replays its turns from "
                                + run.turns().recording().file("<agent>").getParent());
            } else if (!desk.connected(run.group())) {
                waiting.add(run);
                start.notice().accept(waitingLine(run, start.folder()));
            }
        }
        for (ExternalGroupRun run : waiting) {
            Duration left = run.config().connectWait().minusNanos(System.nanoTime() - began);
            boolean connected;
            try {
                connected = desk.awaitConnected(run.group(), left.isNegative() ? Duration.ZERO : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunStartException("interrupted while waiting for external group "
                        + run.group().name());
            }
            if (!connected) {
                throw new RunStartException(notConnected(run, start.folder()));
            }
            log.info("external group {} connected", run.group().name());
        }
    }

    private String where() {
        return gatewayUrl == null ? "(no gateway is wired into this build)" : gatewayUrl.toString();
    }

    private String waitingLine(ExternalGroupRun run, Path folder) {
        ExternalGroup group = run.group();
        return "waiting up to " + run.config().connectTimeout().text() + " for external group " + group.name() + " ("
                + group.agentIds().size() + " " + group.role().label()
                + (group.agentIds().size() == 1 ? "" : "s")
                + ") at " + where() + "; its token is in " + folder.resolve(TOKENS_FILE);
    }

    private String notConnected(ExternalGroupRun run, Path folder) {
        String how = run.command() == null
                ? "start its agent with the URL and the token in " + folder.resolve(TOKENS_FILE)
                        + " (or give the group an external.command)"
                : "its command '" + run.command() + "' did not connect (see its log in " + folder + ")";
        return "external group " + run.group().name() + " did not connect to " + where() + " within "
                + run.config().connectTimeout().text() + ": " + how;
    }

    /** {@code gateway-tokens.json}: the URL and each group's token; created readable by its owner only, then renamed. */
    private void writeTokens(Path folder) throws IOException {
        ObjectNode root = WireCodec.JSON.createObjectNode();
        root.put("url", gatewayUrl == null ? null : gatewayUrl.toString());
        ArrayNode list = root.putArray("groups");
        for (ExternalGroupRun run : groups) {
            ObjectNode node = list.addObject();
            node.put("group", run.group().name());
            node.put("role", run.group().role().label());
            node.putArray("agents")
                    .addAll(run.group().agentIds().stream()
                            .map(id -> WireCodec.JSON.getNodeFactory().textNode(id))
                            .toList());
            node.put("token", run.group().token());
        }
        Path target = folder.resolve(TOKENS_FILE);
        Path temporary = AtomicFiles.temporaryFor(target);
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, WireCodec.text(root) + "\n", StandardCharsets.UTF_8);
            AtomicFiles.moveIntoPlace(temporary, target);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw RunWriteException.of(target, e);
        }
    }

    /** The market is over: no turn opens any more, the outside agents hear that it ended. */
    @Override
    public void afterMarket(AfterMarket next) throws IOException {
        desk.end();
        flushRecordings();
    }

    private void flushRecordings() throws IOException {
        for (ExternalGroupRun run : groups) {
            run.turns().recording().flush(AtomicFiles::writeString);
        }
    }

    /** Why external agents failed, summed over the groups ({@code external-gone: group ... exited with code 1}). */
    @Override
    public java.util.Map<String, Long> failureCauses() {
        java.util.Map<String, Long> causes = new java.util.TreeMap<>();
        groups.forEach(run -> run.turns().failureCauses().forEach((cause, n) -> causes.merge(cause, n, Long::sum)));
        return causes;
    }

    @Override
    public void close() {
        desk.end();
        try {
            flushRecordings();
        } catch (IOException | RuntimeException e) {
            log.error("could not write the recorded turns of external agents: {}", e.toString());
        }
        for (int i = endpoints.size() - 1; i >= 0; i--) {
            try {
                endpoints.get(i).close();
            } catch (Exception e) {
                log.warn("could not stop {}: {}", endpoints.get(i), e.toString());
            }
        }
        endpoints.clear();
    }
}
