package org.mercato.scenarios.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.explorer.Explorer;
import org.mercato.explorer.ExplorerSettings;

/**
 * The explorer serves nothing outside its folder (by /files/ or run=, however the path is
 * spelled: parent steps, encoded dots, absolute paths, a symlink pointing out), listens on
 * loopback unless told otherwise, sends its Content-Security-Policy with every response, and
 * answers errors as one-line JSON without a stack trace. Requests go over a raw socket so that no
 * client normalises the path first.
 */
class ExplorerSecurityTest {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @TempDir
    static Path dir;

    static Path served;
    static Explorer explorer;

    /** A copy of a run folder inside dir/served, a secret beside it, and symlinks from inside to outside. */
    @BeforeAll
    static void start() throws IOException {
        Path run = StudyRunFolders.shared("manipulation", "market.generate.customers=40");
        served = dir.resolve("served");
        Files.createDirectories(served);
        for (String file : List.of("results.duckdb", "summary.json", "report.html", "events.jsonl")) {
            Files.copy(run.resolve(file), served.resolve(file));
        }
        Files.writeString(dir.resolve("secret.txt"), "SECRET");
        Path outsideRun = dir.resolve("outside-run");
        Files.createDirectories(outsideRun);
        Files.copy(run.resolve("results.duckdb"), outsideRun.resolve("results.duckdb"));
        Files.createSymbolicLink(served.resolve("link.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(served.resolve("linked-run"), outsideRun);
        explorer = Explorer.start(served, ExplorerSettings.loopback(0));
    }

    @AfterAll
    static void stop() {
        if (explorer != null) {
            explorer.close();
        }
    }

    record Raw(int status, String headers, String body) {}

    /** A GET with the request target exactly as given. */
    static Raw get(String target) throws IOException {
        try (Socket socket =
                new Socket(explorer.address().getAddress(), explorer.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Raw(status, head, response.substring(split + 4));
        }
    }

    @Test
    void bindsLoopbackByDefault() {
        assertThat(explorer.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(new ExplorerSettings(null, 0).bindHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void filesOutsideTheFolderAreNotFoundHoweverSpelled() throws IOException {
        assertThat(get("/files/summary.json").status()).isEqualTo(200);
        for (String target : List.of(
                "/files/../secret.txt",
                "/files/%2e%2e/secret.txt",
                "/files/%2E%2E/secret.txt",
                "/files/.%2e/secret.txt",
                "/files/..%2fsecret.txt",
                "/files/..%5csecret.txt",
                "/files/%2fetc%2fpasswd",
                "/files//etc/passwd",
                "/files/" + dir.resolve("secret.txt"),
                "/files/link.txt",
                "/files/linked-run/results.duckdb",
                "/files/missing.json",
                "/files/")) {
            Raw response = get(target);
            assertThat(response.status()).as(target).isEqualTo(404);
            assertThat(response.body()).as(target).doesNotContain("SECRET").startsWith("{\"error\":");
        }
    }

    @Test
    void runsOutsideTheFolderAreNotFoundHoweverSpelled() throws IOException {
        for (String run : List.of(
                "..",
                "../outside-run",
                "%2e%2e%2foutside-run",
                "..%2Foutside-run",
                dir.resolve("outside-run").toString(),
                "%2F" + dir.resolve("outside-run").toString().substring(1).replace("/", "%2F"),
                "linked-run",
                "nowhere")) {
            for (String endpoint : List.of("/api/run", "/api/customers", "/api/services", "/api/turns/0")) {
                Raw response = get(endpoint + "?run=" + run);
                assertThat(response.status()).as(endpoint + " run=" + run).isEqualTo(404);
                assertThat(response.body()).startsWith("{\"error\":");
            }
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws IOException {
        for (String target :
                List.of("/", "/api/info", "/api/run", "/api/customers?limit=1", "/nope", "/files/../x", "/api/nope")) {
            Raw response = get(target);
            assertThat(response.headers()).as(target).containsIgnoringCase("Content-Security-Policy: " + CSP);
            assertThat(response.headers()).as(target).containsIgnoringCase("X-Content-Type-Options: nosniff");
            assertThat(response.headers()).as(target).containsIgnoringCase("Referrer-Policy: no-referrer");
        }
        Raw report = get("/files/report.html");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.headers()).containsIgnoringCase("Content-Security-Policy: default-src 'none';");
        assertThat(report.headers()).doesNotContain("script-src 'self'");
    }

    @Test
    void errorsAreOneLineOfJsonWithoutAStackTrace() throws IOException {
        for (String target : List.of(
                "/api/customers?limit=100000",
                "/api/customers?offset=-1",
                "/api/customers?served=maybe",
                "/api/customers?paidRank=x",
                "/api/customers/customer_9999",
                "/api/turns/0",
                "/api/sweep",
                "/api/customers?paidTactic=any&limit=0")) {
            Raw response = get(target);
            assertThat(response.status()).as(target).isIn(400, 404);
            assertThat(response.headers()).containsIgnoringCase("Content-Type: application/json");
            assertThat(response.body()).as(target).matches("\\{\"error\":\"[^\\n]*\"}");
            assertThat(response.body()).doesNotContain("at org.").doesNotContain("Exception");
        }
        Raw post = get("/api/info");
        assertThat(post.status()).isEqualTo(200);
    }

    @Test
    void theRunFolderIsNotWritten() throws IOException {
        long before =
                Files.getLastModifiedTime(served.resolve("results.duckdb")).toMillis();
        get("/api/customers?served=true");
        try (var files = Files.list(served)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "results.duckdb", "summary.json", "report.html", "events.jsonl", "link.txt", "linked-run");
        }
        assertThat(Files.getLastModifiedTime(served.resolve("results.duckdb")).toMillis())
                .isEqualTo(before);
    }
}
