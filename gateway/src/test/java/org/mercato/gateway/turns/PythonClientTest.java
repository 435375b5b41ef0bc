package org.mercato.gateway.turns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.gateway.http.Gateway;
import org.mercato.gateway.http.GatewayAudit;
import org.mercato.gateway.http.GatewaySettings;
import org.mercato.gateway.launch.AgentProcesses;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.gateway.wire.WireContext;

/**
 * The Python client ({@code clients/python}) against the real gateway, launched as a run launches
 * it; this test plays the market turn by turn (as the external policies do) and checks what the
 * example agents answer, and that refused answers and closed turns do not stop the client.
 */
class PythonClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final TurnDesk desk = new TurnDesk();
    private Gateway gateway;
    private AgentProcesses processes;

    @BeforeEach
    void python() {
        Python3.require();
    }

    @AfterEach
    void stop() {
        desk.end();
        if (processes != null) {
            processes.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private void launch(ExternalGroup group, Path script) {
        desk.register(group);
        gateway = Gateway.start(GatewaySettings.defaults(), desk, GatewayAudit.toLog());
        processes = AgentProcesses.start(
                List.of(new AgentProcesses.Launch(group, Python3.command(script), script.getParent())),
                gateway.url(),
                dir,
                desk);
    }

    private String turn(String agent, long number, String observation) throws InterruptedException {
        WireContext context = WireContext.at(number * 1000);
        TurnOutcome outcome = desk.take(
                agent,
                number,
                number * 1000,
                TurnDeskTest.json("[" + observation + "]"),
                actions -> desk.groupOf(agent).orElseThrow().role() == ExternalGroup.Role.ASSISTANT
                        ? WireCodec.assistantActions(actions, context)
                        : WireCodec.serviceActions(actions, context));
        assertThat(outcome)
                .as("turn %d of %s; agent log: %s", number, agent, log())
                .isInstanceOf(TurnOutcome.Answered.class);
        return WireCodec.text(((TurnOutcome.Answered) outcome).wire());
    }

    private String log() {
        try {
            Path log = AgentProcesses.logFile(dir, "g");
            return Files.exists(log) ? Files.readString(log) : "(none)";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void theExampleShopperAsksEveryListedServiceAndPaysTheCheapestProposalThatCoversTheRequest() throws Exception {
        launch(
                new ExternalGroup("g", ExternalGroup.Role.ASSISTANT, List.of("c1", "c2"), "tok-shop", TIMEOUT),
                Python3.CLIENTS.resolve("examples/cheapest_shopper.py"));

        assertThat(turn(
                        "c1",
                        0,
                        "{\"type\":\"started\",\"customer\":{\"id\":\"c1\",\"request\":\"Tacos, please\","
                                + "\"items\":{\"Tacos\":2},\"budget\":2500}}"))
                .isEqualTo("[{\"type\":\"search\",\"query\":\"Tacos, please\"}]");
        assertThat(
                        turn(
                                "c1",
                                1,
                                "{\"type\":\"search-results\",\"query\":\"Tacos, please\",\"page\":0,\"totalPages\":1,"
                                        + "\"listings\":[{\"rank\":1,\"service\":\"s2\"},{\"rank\":2,\"service\":\"s1\"},{\"rank\":3,\"service\":\"s3\"}]}"))
                .isEqualTo(
                        "[{\"type\":\"message\",\"to\":\"s2\",\"items\":{\"Tacos\":2},\"text\":\"Please send me a proposal for Tacos, please\"},"
                                + "{\"type\":\"message\",\"to\":\"s1\",\"items\":{\"Tacos\":2},\"text\":\"Please send me a proposal for Tacos, please\"},"
                                + "{\"type\":\"message\",\"to\":\"s3\",\"items\":{\"Tacos\":2},\"text\":\"Please send me a proposal for Tacos, please\"},"
                                + "{\"type\":\"wait\",\"seconds\":30}]");
        // s2 is cheapest but sends only one taco; s3 covers the request but is over budget
        assertThat(turn("c1", 2, proposal("s2-p1", "s2", 1, 800))).isEqualTo("[]");
        assertThat(turn("c1", 3, proposal("s3-p1", "s3", 2, 1300))).isEqualTo("[]");
        assertThat(turn("c1", 4, proposal("s1-p1", "s1", 2, 1000)))
                .isEqualTo("[{\"type\":\"pay\",\"proposalId\":\"s1-p1\"}]");
        assertThat(turn(
                        "c1",
                        5,
                        "{\"type\":\"payment-settled\",\"proposalId\":\"s1-p1\",\"customer\":\"c1\","
                                + "\"service\":\"s1\",\"amount\":2000}"))
                .isEqualTo("[{\"type\":\"decline\",\"proposalId\":\"s2-p1\"},{\"type\":\"decline\",\"proposalId\":"
                        + "\"s3-p1\"},{\"type\":\"done\",\"reason\":\"purchased\"}]");

        // another agent of the group, with its own state: its wait ends before every service answered
        turn(
                "c2",
                0,
                "{\"type\":\"started\",\"customer\":{\"id\":\"c2\",\"request\":\"r\",\"items\":{\"Tacos\":1},\"budget\":900}}");
        turn("c2", 1, "{\"type\":\"search-results\",\"listings\":[{\"service\":\"s1\"},{\"service\":\"s2\"}]}");
        assertThat(turn("c2", 2, "{\"type\":\"woken-up\",\"at\":30000000}"))
                .isEqualTo("[{\"type\":\"done\",\"reason\":\"no-acceptable-proposal\"}]");
    }

    @Test
    void theExampleShopperStartsEachReturnVisitAfreshAfterTheDeliveriesHeldForIt() throws Exception {
        launch(
                new ExternalGroup("g", ExternalGroup.Role.ASSISTANT, List.of("c1"), "tok-shop", TIMEOUT),
                Python3.CLIENTS.resolve("examples/cheapest_shopper.py"));
        String customer = "\"customer\":{\"id\":\"c1\",\"request\":\"Tacos\",\"items\":{\"Tacos\":1},\"budget\":2500}";
        String results = "{\"type\":\"search-results\",\"listings\":[{\"service\":\"s1\"}]}";
        String settled = "{\"type\":\"payment-settled\",\"proposalId\":\"s1-p1\",\"customer\":\"c1\","
                + "\"service\":\"s1\",\"amount\":1000}";
        turn("c1", 0, "{\"type\":\"started\"," + customer + "}");
        turn("c1", 1, results);
        assertThat(turn("c1", 2, proposal("s1-p1", "s1", 1, 1000)))
                .isEqualTo("[{\"type\":\"pay\",\"proposalId\":\"s1-p1\"}]");
        assertThat(turn("c1", 3, settled)).isEqualTo("[{\"type\":\"done\",\"reason\":\"purchased\"}]");

        // the return visit: the order delivered since, then the start with its visit number
        assertThat(turn(
                        "c1",
                        4,
                        "{\"type\":\"order-delivered\",\"proposalId\":\"s1-p1\",\"service\":\"s1\",\"quality\":0.5},"
                                + "{\"type\":\"started\"," + customer + ",\"visit\":1}"))
                .isEqualTo("[{\"type\":\"search\",\"query\":\"Tacos\"}]");
        turn("c1", 5, results);
        assertThat(turn("c1", 6, proposal("s1-p2", "s1", 1, 1000)))
                .isEqualTo("[{\"type\":\"pay\",\"proposalId\":\"s1-p2\"}]");
    }

    @Test
    void theExampleSellerProposesTheRequestedItemsAtMenuPrices() throws Exception {
        launch(
                new ExternalGroup("g", ExternalGroup.Role.SERVICE, List.of("s1", "s2"), "tok-sell", TIMEOUT),
                Python3.CLIENTS.resolve("examples/posted_price_seller.py"));
        String started = "{\"type\":\"started\",\"service\":{\"id\":\"%s\",\"menu\":{\"Tacos\":950,\"Horchata\":300}}}";
        assertThat(turn("s1", 0, started.formatted("s1"))).isEqualTo("[]");
        assertThat(turn("s2", 0, started.formatted("s2"))).isEqualTo("[]");
        assertThat(turn(
                        "s1",
                        1,
                        "{\"type\":\"message\",\"from\":\"c1\",\"text\":\"hi\",\"items\":{\"Tacos\":2,\"Beer\":1}}"))
                .isEqualTo("[{\"type\":\"propose\",\"customer\":\"c1\",\"lines\":[{\"item\":\"Tacos\",\"quantity\":2,"
                        + "\"unitPrice\":950}],\"validFor\":600}]");
        assertThat(turn("s2", 1, "{\"type\":\"message\",\"from\":\"c2\",\"text\":\"hi\",\"items\":{\"Beer\":1}}"))
                .isEqualTo("[{\"type\":\"reply\",\"customer\":\"c2\",\"text\":\"Sorry, we do not carry Beer\"}]");
        assertThat(turn("s2", 2, "{\"type\":\"message\",\"from\":\"c2\",\"text\":\"menu?\",\"items\":{}}"))
                .isEqualTo("[{\"type\":\"reply\",\"customer\":\"c2\",\"text\":\"We offer: Tacos, Horchata\"}]");
    }

    @Test
    void aRefusedAnswerIsPrintedAndTheClientGoesOnAndItStopsWhenTheRunEnds() throws Exception {
        Path script = dir.resolve("garbage.py");
        Files.writeString(
                script,
                String.join(
                        "\n",
                        "import sys",
                        "sys.path.insert(0, " + pythonString(Python3.CLIENTS) + ")",
                        "from mercato_client import run",
                        "def handler(turn):",
                        "    if turn['turn'] == 0:",
                        "        return [{'type': 'pay'}]",
                        "    return [{'type': 'search', 'query': 'again'}]",
                        "print('answered', run(handler))",
                        ""));
        launch(new ExternalGroup("g", ExternalGroup.Role.ASSISTANT, List.of("c1"), "tok-g", TIMEOUT), script);

        // the invalid pay is refused (400): the client prints why and answers the turn with no actions
        assertThat(turn("c1", 0, "{\"type\":\"woken-up\",\"at\":0}")).isEqualTo("[]");
        assertThat(turn("c1", 1, "{\"type\":\"woken-up\",\"at\":1}"))
                .isEqualTo("[{\"type\":\"search\",\"query\":\"again\"}]");
        desk.end();
        assertThat(processes.handles().get(0).onExit().get(10, TimeUnit.SECONDS).isAlive())
                .isFalse();
        assertThat(log())
                .contains("mercato_client: c1 turn 0 refused: actions[0]: pay needs \"proposalId\"")
                .contains("answered 2");
    }

    private static String proposal(String id, String service, int quantity, long unitPrice) {
        return "{\"type\":\"proposal\",\"proposal\":{\"id\":\"" + id + "\",\"service\":\"" + service
                + "\",\"customer\":\"c1\",\"lines\":[{\"item\":\"Tacos\",\"quantity\":" + quantity + ",\"unitPrice\":"
                + unitPrice + "}],\"total\":" + quantity * unitPrice + "}}";
    }

    private static String pythonString(Path path) {
        return "'" + path.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
