package org.mercato.scenarios.llm;

import java.io.IOException;
import java.nio.file.Path;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.run.RunResult;

/** A loopback server playing the scripted model for each test, and a small LLM market to run on it. */
abstract class ScriptedServerTest {
    @TempDir
    Path dir;

    final ScriptedModel model = new ScriptedModel();
    final MockWebServer server = new MockWebServer();

    @BeforeEach
    void startServer() throws IOException {
        server.setDispatcher(model);
        server.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    RunResult run(String llmExtra) throws IOException {
        return LlmMarket.run(dir, LlmMarket.load(dir, LlmMarket.yaml(server, llmExtra)));
    }
}
