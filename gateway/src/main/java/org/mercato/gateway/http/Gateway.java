package org.mercato.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.mercato.gateway.turns.TurnDesk;
import org.mercato.storefront.StorefrontStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loopback server outside agents talk to: the HTTP/JSON interface under {@code /v1}, MCP
 * (Streamable HTTP) at {@code /mcp} and the shop pages of browser agents under {@code /shop}, all
 * over one embedded Jetty on {@link GatewaySettings#bind}.
 * Every request but the OpenAPI document and the pages' fonts needs a group's token (a bearer
 * header; a cookie for the shop pages), and a token acts only for its own group's agents. Nothing a
 * client sends stops the market: bad requests get a JSON error (a page, under {@code /shop}).
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("mercato.gateway");
    static final String OPENAPI_RESOURCE = "gateway-openapi.json";
    private static final int MIN_THREADS = 2;
    private static final int MAX_THREADS = 64;

    private final Server server;
    private final McpSyncServer mcp;
    private final GatewayStats stats;
    private final URI url;

    private Gateway(Server server, McpSyncServer mcp, GatewayStats stats, URI url) {
        this.server = server;
        this.mcp = mcp;
        this.stats = stats;
        this.url = url;
    }

    /**
     * Starts the gateway for the groups registered on {@code desk}; refused requests go to {@code audit}.
     * Throws {@link IllegalStateException} with a one-line reason if it cannot listen.
     */
    public static Gateway start(GatewaySettings settings, TurnDesk desk, GatewayAudit audit) {
        GatewayStats stats = new GatewayStats();
        Guard guard = new Guard(desk, audit);
        int agents = desk.groups().stream()
                .mapToInt(group -> group.agentIds().size())
                .sum();
        // Long-polls and MCP action tools hold a thread while they wait for the market, so the pool
        // grows with the agents up to a bound; idle threads cost nothing and die after a minute.
        QueuedThreadPool pool = new QueuedThreadPool(Math.min(MAX_THREADS, 8 + agents), MIN_THREADS, 60_000);
        pool.setName("mercato-gateway");
        pool.setDaemon(true);
        pool.setReservedThreads(0);
        Server server = new Server(pool);
        server.setStopTimeout(0); // closed when the run is over: nothing to drain
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        // Longer than the longest long-poll (60 s), so a quiet connection is not cut while it waits.
        connector.setIdleTimeout(90_000);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(
                new FilterHolder(new GatewayFilter(guard, stats, settings.maxRequestBytes())),
                "/*",
                EnumSet.of(DispatcherType.REQUEST));
        ServletHolder shop = new ServletHolder(new ShopServlet(guard, StorefrontStyle.CLEAN));
        context.addServlet(shop, ShopServlet.SHOP + "/*");
        context.addServlet(shop, ShopServlet.FONTS + "*");
        // The API servlet is the default servlet: it answers /v1 and a JSON 404 for any other path.
        context.addServlet(
                new ServletHolder(new ApiServlet(guard, openApiDocument(), settings.maxRequestBytes())), "/");

        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                .mcpEndpoint(GatewayFilter.MCP_PATH)
                .maxRequestSize(settings.maxRequestBytes())
                // no session sweeper: the SDK runs it on a non-daemon thread that closing does not
                // stop, which kept an embedding JVM alive; sessions live no longer than the run anyway
                .sessionSweepInterval(null)
                .contextExtractor(request -> {
                    Map<String, Object> values = new HashMap<>();
                    Object group = request.getAttribute(Guard.GROUP_ATTRIBUTE);
                    Object timer = request.getAttribute(RequestTimer.ATTRIBUTE);
                    if (group != null) {
                        values.put(McpAgentTools.GROUP_KEY, group);
                    }
                    if (timer != null) {
                        values.put(McpAgentTools.TIMER_KEY, timer);
                    }
                    return McpTransportContext.create(values);
                })
                .build();
        McpSyncServer mcp = McpServer.sync(transport)
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                .serverInfo("mercato-gateway", version())
                .instructions(McpToolCatalog.INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .immediateExecution(true)
                // the wire codec checks every argument with errors that name the key; the SDK's
                // schema validator would only repeat it, slower
                .validateToolInputs(false)
                .addToolFilter(McpAgentTools::visible)
                .tools(new McpAgentTools(guard).specifications())
                .build();
        ServletHolder mcpHolder = new ServletHolder(transport);
        mcpHolder.setAsyncSupported(true);
        context.addServlet(mcpHolder, GatewayFilter.MCP_PATH);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            mcp.close();
            stopQuietly(server);
            throw new IllegalStateException(
                    "the gateway cannot listen on " + settings.bind() + ":" + settings.port() + ": " + e.getMessage(),
                    e);
        }
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        URI url = URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
        LOG.info("gateway listening on {} ({} external agent{})", url, agents, agents == 1 ? "" : "s");
        return new Gateway(server, mcp, stats, url);
    }

    /** The base URL, ending in {@code /}: {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return url;
    }

    /** Server-side handling time per request kind, and the gateway time per answered turn. */
    public GatewayStats stats() {
        return stats;
    }

    /** Stops serving; requests still waiting for a turn are cut off. */
    @Override
    public void close() {
        mcp.close();
        stopQuietly(server);
        LOG.info("gateway stopped; turn answers: {}", stats.turnAnswers().describe());
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("gateway did not stop cleanly: {}", e.toString(), e);
        }
    }

    static byte[] openApiDocument() {
        try (InputStream in = Gateway.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the gateway's OpenAPI document " + OPENAPI_RESOURCE
                        + " is missing from the classpath (the build copies it from docs/)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the gateway's OpenAPI document: " + e.getMessage(), e);
        }
    }

    private static String version() {
        String version = Gateway.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
