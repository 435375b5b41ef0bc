package org.mercato.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer over a small synthetic run with a hand-written transcripts.jsonl: filters by what
 * a customer paid, where the paid listing was, its badge and tactic; model turns counted per agent,
 * merged into the thread after the event they answered, and read whole by number.
 */
class SyntheticRunTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int CUSTOMERS = 100;

    @TempDir
    static Path dir;

    static Explorer explorer;

    @BeforeAll
    static void start() throws Exception {
        SyntheticRun.write(dir, CUSTOMERS);
        // customer_0000001's search has seq 140, its payment 152; a turn with seq -1 comes first
        Files.writeString(dir.resolve("transcripts.jsonl"), """
                {"turn":0,"agent":"customer_0000001","role":"assistant","group":1,"kind":"llm","t":0,"seq":-1,"index":0,"model":"m","messages":[{"role":"system","content":"You shop."}],"answer":{"text":"I will search.","toolCalls":[{"id":"c1","name":"search","arguments":"{}"}]},"runtime":{"latencyMs":3,"source":"network"}}
                {"turn":1,"agent":"customer_0000001","role":"assistant","group":1,"kind":"llm","t":1400,"seq":140,"index":1,"model":"m","messages":[{"role":"user","content":"<script>alert(1)</script> page"}],"answer":{"text":"%s","toolCalls":[]},"runtime":{"latencyMs":0,"source":"cache"}}
                {"turn":2,"agent":"service_0001","role":"service","group":0,"kind":"llm","t":1500,"seq":150,"index":0,"model":"m","messages":[],"answer":null,"error":"timeout after 5s","runtime":{"latencyMs":5000,"source":"network"}}
                """.formatted("x".repeat(300)));
        explorer = Explorer.start(dir, ExplorerSettings.loopback(0));
    }

    @AfterAll
    static void stop() {
        explorer.close();
    }

    static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(explorer.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    static long total(String query) throws IOException, InterruptedException {
        return get("/api/customers?limit=1&" + query).path("total").asLong();
    }

    @Test
    void filtersCountWhatTheCustomersDid() throws Exception {
        assertThat(total("")).isEqualTo(CUSTOMERS);
        assertThat(total("served=true")).isEqualTo(80);
        assertThat(total("served=false")).isEqualTo(20);
        assertThat(total("done=no-acceptable-proposal")).isEqualTo(20);
        // customer i pays the service at rank (i mod 8) + 1; each fifth does not pay
        assertThat(total("paidRank=1")).isEqualTo(11);
        assertThat(total("paidRank=1&paidTag=sponsored")).isEqualTo(11);
        assertThat(total("paidTag=sponsored")).isEqualTo(11);
        assertThat(total("paidTag=(none)")).isEqualTo(69);
        assertThat(total("paidRow=2")).isEqualTo(38);
        assertThat(total("paidColumn=4")).isEqualTo(20);
        assertThat(total("paidFirst=true")).isEqualTo(80);
        assertThat(total("paidTactic=authority") + total("paidTactic=none")).isEqualTo(80);
        assertThat(total("paidTactic=any")).isEqualTo(total("paidTactic=authority"));
        assertThat(total("group=1")).isEqualTo(50);
        assertThat(total("q=customer_000001")).isEqualTo(10);
        assertThat(total("q=flan%20NUMBER%2077")).isEqualTo(1);
        JsonNode page = get("/api/customers?offset=10&limit=5&served=true");
        assertThat(page.path("rows")).hasSize(5);
        assertThat(page.path("rows").get(0).path("id").asText()).isEqualTo("customer_0000013");
    }

    @Test
    void turnsAreCountedAndMergedIntoTheThreadAfterTheirEvent() throws Exception {
        assertThat(get("/api/customers?limit=1")
                        .path("rows")
                        .get(0)
                        .path("turns")
                        .asInt())
                .isEqualTo(2);
        JsonNode thread = get("/api/customers/customer_0000001").path("thread");
        assertThat(thread.get(0).path("kind").asText()).isEqualTo("turn");
        assertThat(thread.get(0).path("toolCalls").toString()).isEqualTo("[\"search\"]");
        assertThat(thread.get(1).path("kind").asText()).isEqualTo("search");
        assertThat(thread.get(1).path("listings")).hasSize(8);
        assertThat(thread.get(1).path("listings").get(0).path("tags").toString())
                .isEqualTo("[\"sponsored\"]");
        assertThat(thread.get(2).path("kind").asText()).isEqualTo("turn");
        assertThat(thread.get(2).path("summary").asText()).hasSize(TranscriptIndex.SUMMARY_CHARS);
        assertThat(thread.get(2).path("source").asText()).isEqualTo("cache");
        assertThat(thread.findValuesAsText("kind"))
                .containsSubsequence("search", "turn", "message", "message", "proposal", "payment", "done");
        JsonNode whole = get("/api/turns/1");
        assertThat(whole.path("messages").get(0).path("content").asText()).isEqualTo("<script>alert(1)</script> page");
        JsonNode service = get("/api/services/service_0001");
        assertThat(service.path("turns").get(0).path("error").asText()).isEqualTo("timeout after 5s");
        assertThat(service.path("service").path("tactic").asText()).isEqualTo("authority");
        assertThat(get("/api/run").path("hasTranscripts").asBoolean()).isTrue();
    }
}
