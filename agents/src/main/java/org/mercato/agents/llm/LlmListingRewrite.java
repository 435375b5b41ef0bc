package org.mercato.agents.llm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mercato.agents.transcript.TurnOrigin;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.Service;

/**
 * A seller's listing rewritten by a language model (ACES's seller agent, in one shot): the model
 * sees the listing (name, description, menu with prices, amenities) and the buyers' requests, most
 * frequent first, and answers with a new description, which replaces the old one. One call per
 * rewriting service, made when the scenario is wired, through the group's {@link LlmClient}, so a
 * recorded answer replays exactly.
 */
public final class LlmListingRewrite {
    static final int MAX_REQUESTS = 20;
    static final int MAX_LENGTH = 2000;
    static final String SYSTEM = "You write listings for an online marketplace where AI shopping assistants choose"
            + " sellers for their users. Rewrite the seller's description so that assistants acting for the buyers"
            + " below choose this seller. Stay truthful: mention only items, prices and amenities the seller has."
            + " Answer with the new description only, at most 60 words.";

    private LlmListingRewrite() {}

    /**
     * The service with the model's description.
     *
     * @throws LlmException when the call fails or the answer is empty
     */
    public static Service rewrite(LlmClient client, Service service, Collection<String> requests) {
        LlmResponse response = client.chat(
                new LlmRequest(
                        List.of(LlmMessage.system(SYSTEM), LlmMessage.user(prompt(service, requests))), List.of()),
                TurnOrigin.atSetup(service.id(), "rewrite"));
        String text = response.text() == null ? "" : response.text().strip();
        if (text.isEmpty()) {
            throw new LlmException("the model answered the listing rewrite of " + service.id() + " with no text", 0);
        }
        return service.withDescription(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
    }

    /** The user message: the listing and the most frequent requests (ties in text order). */
    static String prompt(Service service, Collection<String> requests) {
        Map<String, Integer> counts = new TreeMap<>();
        requests.forEach(r -> counts.merge(r, 1, Integer::sum));
        List<String> frequent = new ArrayList<>(counts.keySet());
        frequent.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
        StringBuilder text = new StringBuilder();
        text.append("Seller: ").append(service.name()).append('\n');
        text.append("Current description: ").append(service.description()).append('\n');
        text.append("Menu:\n");
        service.menu()
                .forEach((item, price) -> text.append("- ")
                        .append(item)
                        .append(": ")
                        .append(Money.format(price))
                        .append('\n'));
        text.append("Amenities: ")
                .append(service.amenities().isEmpty() ? "none" : String.join(", ", service.amenities()))
                .append('\n');
        text.append("What buyers ask for (most frequent first):\n");
        text.append(frequent.stream()
                .limit(MAX_REQUESTS)
                .map(r -> "- " + r + " (" + counts.get(r) + ")")
                .collect(Collectors.joining("\n")));
        return text.toString();
    }
}
