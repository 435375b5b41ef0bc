package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;

/**
 * Each study's LLM path: the one key its page documents ({@code agents.assistants[0].policy=
 * llm-assistant}) turns the assistants into LLM agents using the study's own llm section, here
 * pointed at the scripted model on loopback, at a tiny size.
 */
class StudiesLlmTest extends ScriptedServerTest {
    @ParameterizedTest
    @CsvSource({
        "search-and-welfare, market.generate.customers=3;market.generate.services=6",
        "consideration-set-size, market.generate.customers=3;market.generate.services=12",
        "first-proposal-bias, ",
        "manipulation, market.generate.customers=3",
        "position-and-tags, market.generate.customers=3;market.generate.services=8",
        "seller-rewriting, market.generate.customers=3;market.generate.services=6",
    })
    void theStudyRunsWithLlmAssistantsByChangingOneKey(String study, String small) throws IOException {
        List<String> sets = new ArrayList<>();
        if (small != null) {
            sets.addAll(List.of(small.split(";")));
        }
        sets.add("agents.assistants[0].policy=llm-assistant");
        // point the study's own llm section at the loopback model, without a cache
        sets.add("agents.assistants[0].llm.baseUrl=" + server.url("/v1"));
        sets.add("agents.assistants[0].llm.model=scripted");
        sets.add("agents.assistants[0].llm.cache.mode='off'");
        sets.add("agents.assistants[0].llm.timeout=5s");
        Scenario scenario = Mercato.bundled(study, sets.toArray(String[]::new));

        RunResult result = LlmMarket.run(dir, scenario);

        assertThat(model.requests.get()).isPositive();
        assertThat(result.summary().cost().httpCalls()).isEqualTo(model.requests.get());
        assertThat(result.summary().cost().agentsEndedLlmError()).isZero();
        assertThat(result.folder().resolve("summary.json")).exists();
        assertThat(Files.readString(result.eventLog())).contains("\"type\":\"search\"");
    }
}
