package org.mercato.scenarios.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mercato.gateway.shop.ShopForm;
import org.mercato.gateway.shop.ShopPage;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;

/**
 * docs/bring-your-own-agent.md shows the example shopper whole, as the file is; the studies it names
 * carry an external section whose command runs that file from the scenario's folder, and the README
 * links the page.
 */
class BringYourOwnAgentPageTest {
    private static final Path PROJECT = Path.of("..");
    private static final Path PAGE = PROJECT.resolve("docs/bring-your-own-agent.md");
    private static final Path SHOPPER = PROJECT.resolve("clients/python/examples/cheapest_shopper.py");

    @Test
    void thePageShowsTheExampleShopperAsItIs() throws IOException {
        Matcher python = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
        assertThat(python.find()).as("a python block in %s", PAGE).isTrue();
        assertThat(python.group(1)).isEqualTo(Files.readString(SHOPPER));
    }

    @Test
    void theStudiesCarryAnInactiveExternalSectionThatStartsTheExampleShopper() throws IOException {
        for (String study : List.of("manipulation", "first-proposal-bias")) {
            Path file = PROJECT.resolve("scenarios/" + study + ".yaml");
            Scenario scenario = ScenarioLoader.load(file);
            var shoppers = scenario.agents().assistants().get(0);
            assertThat(shoppers.policy()).as(study).isNotEqualTo("external");
            String command = shoppers.external().command();
            assertThat(command).as(study).isEqualTo("python3 ../clients/python/examples/cheapest_shopper.py");
            assertThat(file.toAbsolutePath().getParent().resolve(command.split(" ")[1]))
                    .as(study)
                    .isRegularFile();

            Scenario active = ScenarioLoader.load(file, List.of("agents.assistants[0].policy=external"));
            assertThat(Path.of(active.agents().assistants().get(0).external().directory()))
                    .isEqualTo(file.toAbsolutePath().getParent().normalize());
            assertThat(Files.readString(PROJECT.resolve("docs/studies/" + study + ".md")))
                    .contains("--set 'agents.assistants[0].policy=external'")
                    .contains("bring-your-own-agent.md");
        }
    }

    @Test
    void theBrowserAgentsSectionNamesEveryFormActionAndTheAskText() throws IOException {
        String page = Files.readString(PAGE);
        String section = page.substring(page.indexOf("## Browser agents"), page.indexOf("## Record and replay"));
        for (String action : ShopForm.ACTIONS) {
            assertThat(section).contains("`action=" + action);
        }
        assertThat(section).contains("\"text\": \"" + ShopForm.ASK_TEXT + "\"", ShopPage.CSP);
    }

    @Test
    void theReadmeLinksThePage() throws IOException {
        assertThat(Files.readString(PROJECT.resolve("README.md"))).contains("(docs/bring-your-own-agent.md)");
    }
}
