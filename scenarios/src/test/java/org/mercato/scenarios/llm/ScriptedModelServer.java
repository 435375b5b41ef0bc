package org.mercato.scenarios.llm;

import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link ScriptedModel} on loopback for a whole test class: register it as a static
 * {@code @RegisterExtension} field; {@link #baseUrl()} is what an LLM group's {@code baseUrl} takes.
 */
final class ScriptedModelServer implements BeforeAllCallback, AfterAllCallback {
    private final MockWebServer server = new MockWebServer();

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server.setDispatcher(new ScriptedModel());
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.shutdown();
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }
}
