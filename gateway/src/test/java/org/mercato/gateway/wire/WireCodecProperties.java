package org.mercato.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalDeclined;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.Wait;

/**
 * Every action decodes back from its wire form to the same record, and an observation's wire text
 * depends on its content only: not on the order its maps and sets were filled in.
 */
class WireCodecProperties {
    private static final WireContext CONTEXT = WireContext.at(1_000);

    @Property(tries = 300)
    void assistantActionsRoundTrip(@ForAll("assistantActions") AssistantAction action) {
        JsonNode wire = WireCodec.JSON.valueToTree(WireCodec.action(action));
        // through text, as an agent would send it back
        List<JsonNode> parsed = WireCodecTest.json("[" + WireCodec.text(wire) + "]");
        assertThat(WireCodec.assistantActions(parsed, CONTEXT)).containsExactly(action);
    }

    @Property(tries = 300)
    void serviceActionsRoundTrip(@ForAll("serviceActions") ServiceAction action) {
        List<JsonNode> parsed = WireCodecTest.json("[" + WireCodec.text(WireCodec.action(action)) + "]");
        assertThat(WireCodec.serviceActions(parsed, CONTEXT)).containsExactly(action);
    }

    @Property(tries = 200)
    void anObservationsTextDependsOnItsContentOnly(
            @ForAll("itemMaps") Map<String, Integer> items, @ForAll("words") List<String> tags, @ForAll long shuffle) {
        Random random = new Random(shuffle);
        // the same content, filled in another order, in hash-ordered and insertion-ordered collections
        List<String> keys = new ArrayList<>(items.keySet());
        Collections.shuffle(keys, random);
        Map<String, Integer> reordered = new LinkedHashMap<>();
        keys.forEach(k -> reordered.put(k, items.get(k)));
        List<String> shuffledTags = new ArrayList<>(tags);
        Collections.shuffle(shuffledTags, random);

        assertThat(text(new MessageReceived("c1", "hi", sorted(reordered))))
                .isEqualTo(text(new MessageReceived("c1", "hi", sorted(new HashMap<>(items)))));
        assertThat(text(results(items, new LinkedHashSet<>(shuffledTags))))
                .isEqualTo(text(results(new HashMap<>(items), Set.copyOf(tags))));
        String text = text(results(items, Set.copyOf(tags)));
        assertThat(text).startsWith("{\"type\":\"search-results\",");
        assertThat(text(new PaymentSettled("p", "c", "s", 5))).startsWith("{\"type\":\"payment-settled\",");
        assertThat(text(new ProposalDeclined("p", "c"))).startsWith("{\"type\":\"proposal-declined\",");
    }

    private static String text(org.mercato.sim.protocol.Observation observation) {
        return WireCodec.text(WireCodec.observation(observation));
    }

    private static SearchResults results(Map<String, Integer> prices, Set<String> tags) {
        Map<String, Long> cents = new HashMap<>();
        prices.forEach((k, v) -> cents.put(k, (long) v));
        ListingView view = new ListingView(
                1, "s1", "S", "", 3.5, 2, new TreeSet<>(tags), new TreeMap<>(cents), 1, 1, new TreeSet<>(tags));
        return new SearchResults("q", 0, 1, List.of(view));
    }

    private static <V> TreeMap<String, V> sorted(Map<String, V> map) {
        return new TreeMap<>(map);
    }

    @Provide
    Arbitrary<Map<String, Integer>> itemMaps() {
        return Arbitraries.maps(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
                        Arbitraries.integers().between(1, 99))
                .ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> words() {
        return Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(6)
                .list()
                .uniqueElements()
                .ofMaxSize(6);
    }

    private static Arbitrary<String> ids() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(8);
    }

    private static Arbitrary<String> texts() {
        // any text, but not one that reads like a failure reason (those are marked agent:)
        return Arbitraries.strings()
                .ofMaxLength(30)
                .filter(t -> WireCodec.notAFailure(t).equals(t));
    }

    @Provide
    Arbitrary<AssistantAction> assistantActions() {
        Arbitrary<SearchFilters> filters = Combinators.combine(
                        words().map(TreeSet::new),
                        Arbitraries.doubles().between(0, 5),
                        Arbitraries.longs().between(0, 1_000_000))
                .as(SearchFilters::new);
        Arbitrary<Search> search = Combinators.combine(
                        texts(), filters, Arbitraries.integers().between(0, 50))
                .as(Search::new);
        Arbitrary<Message> message = Combinators.combine(
                        ids(), texts(), itemMaps().map(TreeMap::new))
                .as(Message::new);
        Arbitrary<Pay> pay = Combinators.combine(ids(), Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as(Pay::new);
        Arbitrary<Decline> decline = ids().map(Decline::new);
        Arbitrary<Wait> wait = Arbitraries.longs().between(0, Long.MAX_VALUE).map(Wait::new);
        Arbitrary<Done> done = texts().map(Done::new);
        return Arbitraries.oneOf(search, message, pay, decline, wait, done);
    }

    @Provide
    Arbitrary<ServiceAction> serviceActions() {
        Arbitrary<OrderLine> line = Combinators.combine(
                        ids(),
                        Arbitraries.integers().between(1, 1000),
                        Arbitraries.longs().between(0, 1_000_000))
                .as(OrderLine::new);
        Arbitrary<Propose> propose = Combinators.combine(
                        ids(),
                        line.list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.longs().between(0, Long.MAX_VALUE),
                        Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as(Propose::new);
        Arbitrary<Reply> reply = Combinators.combine(ids(), texts()).as(Reply::new);
        Arbitrary<Wait> wait = Arbitraries.longs().between(0, Long.MAX_VALUE).map(Wait::new);
        return Arbitraries.oneOf(propose, reply, wait);
    }
}
