package org.mercato.scenarios.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mercato.agents.transcript.TranscriptRecorder;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.keys.WiringException;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.market.RevealSettings;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.ads.AdsSetup;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.search.SearchMechanism;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;

/**
 * The market of one run while its features wire it (see {@link RunFeature}): the scenario, the
 * catalog (which features may change, such as listing rewrites), the agents, search, kernel, ads
 * settings and dynamics, the run's model clients ({@link #llm()}) and warnings. {@link #setup()} is the finished
 * {@link SimulationSetup}, once every feature wired and completed its part.
 */
public final class MarketWiring {
    private final Scenario scenario;
    private final RunEnvironment environment;
    private final List<SimulationSetup.Agent<AssistantPolicy>> assistants = new ArrayList<>();
    private final List<SimulationSetup.Agent<ServicePolicy>> sellers = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final TranscriptRecorder transcripts = new TranscriptRecorder();
    private Catalog catalog;
    private KernelSettings kernel;
    private SearchMechanism search;
    private SearchSettings searchSettings;
    private PresentationSettings presentation;
    private RevealSettings reveal;
    private AdsSetup ads;
    private MarketDynamics dynamics;
    private LlmFeature llm;
    private ExternalFeature external;
    private SimulationSetup setup;

    MarketWiring(Scenario scenario, RunEnvironment environment) {
        this.scenario = scenario;
        this.environment = environment;
    }

    public Scenario scenario() {
        return scenario;
    }

    public RunEnvironment environment() {
        return environment;
    }

    public Catalog catalog() {
        return catalog;
    }

    public void catalog(Catalog catalog) {
        this.catalog = catalog;
    }

    public void addAssistant(SimulationSetup.Agent<AssistantPolicy> agent) {
        assistants.add(agent);
    }

    public void addSeller(SimulationSetup.Agent<ServicePolicy> agent) {
        sellers.add(agent);
    }

    public KernelSettings kernel() {
        return kernel;
    }

    public void kernel(KernelSettings kernel) {
        this.kernel = kernel;
    }

    public void adjustKernel(UnaryOperator<KernelSettings> change) {
        kernel = change.apply(kernel);
    }

    /**
     * Checks that the scenario lets {@code agents} (whose turns take wall time and so need the
     * rolling kernel) have it: {@code kernel.rolling: false} is refused.
     */
    public void requireRollingKernel(String agents) {
        if (Boolean.FALSE.equals(scenario.kernel().rolling())) {
            throw new WiringException(
                    KeyPath.of("kernel", "rolling"),
                    "is false, but " + agents + " need the rolling kernel (their turns take wall time);"
                            + " remove the key or set it to true");
        }
    }

    public void search(SearchMechanism search, SearchSettings settings) {
        this.search = search;
        this.searchSettings = settings;
    }

    public void presentation(PresentationSettings presentation, RevealSettings reveal) {
        this.presentation = presentation;
        this.reveal = reveal;
    }

    public void ads(AdsSetup ads) {
        this.ads = ads;
    }

    /** How the market changes over time (null, the default: one shopping round). */
    public void dynamics(MarketDynamics dynamics) {
        this.dynamics = dynamics;
    }

    /** The market's dynamics so far (null: none). */
    public MarketDynamics dynamics() {
        return dynamics;
    }

    /** Where the run's model turns and outside agents' turns go ({@code transcripts.jsonl}). */
    public TranscriptRecorder transcripts() {
        return transcripts;
    }

    /** The run's model clients, providers and budget. */
    public LlmFeature llm() {
        if (llm == null) {
            throw new IllegalStateException("the LLM feature is not wired before this one");
        }
        return llm;
    }

    void llm(LlmFeature llm) {
        this.llm = llm;
    }

    /** The run's external groups and their desk ({@code policy: external}). */
    public ExternalFeature external() {
        if (external == null) {
            throw new IllegalStateException("the external-agents feature is not wired before this one");
        }
        return external;
    }

    void external(ExternalFeature external) {
        this.external = external;
    }

    /** Logged before the run and written into the summary's {@code warnings}. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The finished setup; only once every feature completed its part. */
    public SimulationSetup setup() {
        if (setup == null) {
            throw new IllegalStateException("the market is not wired yet");
        }
        return setup;
    }

    void build() {
        setup = new SimulationSetup(
                catalog, assistants, sellers, search, searchSettings, kernel, presentation, reveal, ads, dynamics);
    }
}
