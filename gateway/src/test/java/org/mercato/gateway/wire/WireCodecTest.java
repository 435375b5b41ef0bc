package org.mercato.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingChanged;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.OrderDelivered;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Rejected;
import org.mercato.sim.protocol.RejectionReason;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

class WireCodecTest {
    private static final long NOW = 5_000_000;

    static List<JsonNode> json(String array) {
        try {
            List<JsonNode> out = new ArrayList<>();
            WireCodec.JSON.readTree(array).forEach(out::add);
            return out;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<AssistantAction> assistant(String array) {
        return WireCodec.assistantActions(json(array), new WireContext(NOW, Map.of("p1", 1800L)));
    }

    private static List<ServiceAction> service(String array) {
        return WireCodec.serviceActions(json(array), WireContext.at(NOW));
    }

    @Test
    void assistantActionsDecodeWithTheirDefaults() {
        assertThat(assistant("""
                [{"type":"search","query":"tacos"},
                 {"type":"search","query":"tacos","page":2,"filters":{"amenities":["wifi"],"minRating":4.5,"maxPrice":900}},
                 {"type":"message","to":"s1","text":"hi","items":{"taco":2}},
                 {"type":"message","to":"s1"},
                 {"type":"pay","proposalId":"p1"},
                 {"type":"pay","proposalId":"p9"},
                 {"type":"pay","proposalId":"p1","amount":77},
                 {"type":"decline","proposalId":"p1"},
                 {"type":"wait","seconds":1.5},
                 {"type":"wait","until":123},
                 {"type":"done","reason":"purchased"},
                 {"type":"done"}]"""))
                .containsExactly(
                        new Search("tacos"),
                        new Search("tacos", new SearchFilters(new TreeSet<>(Set.of("wifi")), 4.5, 900), 2),
                        new Message("s1", "hi", new TreeMap<>(Map.of("taco", 2))),
                        new Message("s1", "", new TreeMap<>()),
                        new Pay("p1", 1800), // the total of the proposal as received
                        new Pay("p9", 0), // unknown: the market refuses it like any policy's
                        new Pay("p1", 77),
                        new Decline("p1"),
                        new Wait(NOW + 1_500_000), // from the turn's time
                        new Wait(123),
                        new Done("purchased"),
                        new Done(""));
    }

    @Test
    void serviceActionsDecodeWithTheirDefaults() {
        List<OrderLine> lines = List.of(new OrderLine("taco", 2, 450), new OrderLine("soda", 1, 200));
        assertThat(service("""
                [{"type":"reply","customer":"c1","text":"hello"},
                 {"type":"propose","customer":"c1","lines":[{"item":"taco","quantity":2,"unitPrice":450},{"item":"soda","quantity":1,"unitPrice":200}]},
                 {"type":"propose","customer":"c1","lines":[{"item":"taco","quantity":2,"unitPrice":450},{"item":"soda","quantity":1,"unitPrice":200}],"total":1000,"validFor":60},
                 {"type":"propose","customer":"c1","lines":[{"item":"taco","quantity":2,"unitPrice":450},{"item":"soda","quantity":1,"unitPrice":200}],"validUntil":9},
                 {"type":"wait","seconds":2}]"""))
                .containsExactly(
                        new Reply("c1", "hello"),
                        new Propose("c1", lines, 1100, NOW + 3_600_000_000L),
                        new Propose("c1", lines, 1000, NOW + 60_000_000L),
                        new Propose("c1", lines, 1100, 9),
                        new Wait(NOW + 2_000_000));
    }

    @Test
    void aBadActionIsOneLineNamingItsIndexAndKey() {
        assertThatThrownBy(() -> assistant("[{\"type\":\"done\"},{\"type\":\"pay\"}]"))
                .isInstanceOf(WireException.class)
                .hasMessage("actions[1]: pay needs \"proposalId\" (a string)");
        assertThatThrownBy(() -> assistant("[{\"type\":\"propose\"}]"))
                .hasMessage("actions[0]: unknown type \"propose\" (expected one of search, message, pay, decline,"
                        + " wait, done)");
        assertThatThrownBy(() -> assistant("[{\"query\":\"x\"}]"))
                .hasMessage("actions[0]: needs \"type\" (a string: one of search, message, pay, decline, wait, done)");
        assertThatThrownBy(() -> assistant("[3]"))
                .hasMessage("actions[0]: expected an object with a \"type\" (one of search, message, pay, decline,"
                        + " wait, done), got number");
        assertThatThrownBy(() -> assistant("[{\"type\":\"search\",\"query\":\"x\",\"pages\":1}]"))
                .hasMessage("actions[0]: search has no key \"pages\" (keys: query, page, filters)");
        assertThatThrownBy(() -> assistant("[{\"type\":\"search\",\"query\":\"x\",\"page\":-1}]"))
                .hasMessage("actions[0]: search needs \"page\" (an integer >= 0, was -1)");
        assertThatThrownBy(() -> assistant("[{\"type\":\"search\",\"query\":\"x\",\"filters\":{\"maxPrice\":1.5}}]"))
                .hasMessage("actions[0]: search filters needs \"maxPrice\" (an integer >= 0)");
        assertThatThrownBy(() -> assistant("[{\"type\":\"wait\"}]"))
                .hasMessage("actions[0]: wait needs either \"seconds\" (a number > 0) or \"until\" (microseconds),"
                        + " not neither");
        assertThatThrownBy(() -> assistant("[{\"type\":\"wait\",\"seconds\":0}]"))
                .hasMessage("actions[0]: wait needs \"seconds\" (a number of seconds > 0)");
        assertThatThrownBy(() -> assistant("[{\"type\":\"message\",\"to\":\"s1\",\"items\":{\"taco\":0}}]"))
                .hasMessage("actions[0]: message needs \"items\" (an object of item to quantity, each an integer > 0;"
                        + " \"taco\" is not)");
        assertThatThrownBy(() -> service("[{\"type\":\"propose\",\"customer\":\"c1\",\"lines\":[]}]"))
                .hasMessage("actions[0]: propose needs \"lines\" (a non-empty array of {item, quantity, unitPrice})");
        assertThatThrownBy(() -> service("[{\"type\":\"propose\",\"customer\":\"c1\",\"lines\":[{\"item\":\"t\"}]}]"))
                .hasMessage("actions[0]: propose lines[0] needs \"quantity\" (an integer > 0)");
        assertThatThrownBy(() -> service(
                        "[{\"type\":\"propose\",\"customer\":\"c1\",\"lines\":[{\"item\":\"t\",\"quantity\":1,\"unitPrice\":1}],"
                                + "\"validFor\":1,\"validUntil\":2}]"))
                .hasMessage(
                        "actions[0]: propose takes \"validFor\" (seconds) or \"validUntil\" (microseconds), not both");
        assertThatThrownBy(() -> service("[{\"type\":\"search\",\"query\":\"x\"}]"))
                .hasMessage("actions[0]: unknown type \"search\" (expected one of reply, propose, wait)");
    }

    @Test
    void anAgentCannotPassForOneTheRunFailed() {
        assertThat(assistant("[{\"type\":\"done\",\"reason\":\"external-timeout\"},{\"type\":\"done\",\"reason\":"
                        + "\"llm-error\"},{\"type\":\"done\",\"reason\":\"limit:turns\"}]"))
                .containsExactly(
                        new Done("agent:external-timeout"), new Done("agent:llm-error"), new Done("agent:limit:turns"));
        assertThat(service("[{\"type\":\"reply\",\"customer\":\"c1\",\"text\":\"external-gone\"}]"))
                .containsExactly(new Reply("c1", "agent:external-gone"));
    }

    @Test
    void observationsHaveTheirTypeFirstAndKeysInAFixedOrder() {
        Customer ana = new Customer(
                "c1",
                "Ana",
                "tacos please",
                new TreeMap<>(Map.of("taco", 2)),
                new TreeMap<>(Map.of("taco", 500L)),
                new TreeSet<>(Set.of("wifi")),
                5000,
                100,
                "thrifty");
        assertThat(WireCodec.text(WireCodec.observation(new AssistantStarted(ana))))
                .isEqualTo("{\"type\":\"started\",\"customer\":{\"id\":\"c1\",\"name\":\"Ana\",\"request\":\"tacos"
                        + " please\",\"items\":{\"taco\":2},\"referencePrices\":{\"taco\":500},\"requiredAmenities\":"
                        + "[\"wifi\"],\"budget\":5000,\"timeCostPerHour\":100,\"persona\":\"thrifty\"}}");
        Service s1 = Service.of("s1", Map.of("taco", 450L, "soda", 200L), Set.of("wifi", "patio"), 4.5, 12);
        assertThat(WireCodec.text(WireCodec.observation(new ServiceStarted(s1))))
                .isEqualTo("{\"type\":\"started\",\"service\":{\"id\":\"s1\",\"name\":\"s1\",\"description\":\"\","
                        + "\"menu\":{\"soda\":200,\"taco\":450},\"amenities\":[\"patio\",\"wifi\"],\"rating\":4.5,"
                        + "\"reviewCount\":12,\"unitCosts\":{},\"capacity\":0,\"tactic\":null}}");
        ListingView view = new ListingView(
                1,
                "s1",
                "S",
                "d",
                4.5,
                12,
                new TreeSet<>(Set.of("wifi")),
                new TreeMap<>(Map.of("taco", 450L)),
                1,
                2,
                new TreeSet<>(Set.of("sponsored")));
        assertThat(WireCodec.text(WireCodec.observation(new SearchResults("tacos", 0, 3, List.of(view)))))
                .isEqualTo("{\"type\":\"search-results\",\"query\":\"tacos\",\"page\":0,\"totalPages\":3,\"listings\":"
                        + "[{\"rank\":1,\"service\":\"s1\",\"name\":\"S\",\"description\":\"d\",\"rating\":4.5,"
                        + "\"reviewCount\":12,\"amenities\":[\"wifi\"],\"prices\":{\"taco\":450},\"row\":1,\"column\":2,"
                        + "\"tags\":[\"sponsored\"]}]}");
        Proposal proposal = new Proposal("p1", "s1", "c1", List.of(new OrderLine("taco", 2, 450)), 900, 10, 20);
        assertThat(WireCodec.text(WireCodec.observation(new ProposalReceived(proposal))))
                .isEqualTo("{\"type\":\"proposal\",\"proposal\":{\"id\":\"p1\",\"service\":\"s1\",\"customer\":\"c1\","
                        + "\"lines\":[{\"item\":\"taco\",\"quantity\":2,\"unitPrice\":450}],\"total\":900,"
                        + "\"createdAt\":10,\"validUntil\":20}}");
        assertThat(WireCodec.text(WireCodec.observation(new Rejected("pay", "p1", RejectionReason.UNKNOWN_PROPOSAL))))
                .isEqualTo("{\"type\":\"rejected\",\"action\":\"pay\",\"ref\":\"p1\",\"reason\":\"unknown_proposal\"}");
        assertThat(WireCodec.text(WireCodec.observation(new WokenUp(42))))
                .isEqualTo("{\"type\":\"woken-up\",\"at\":42}");
    }

    @Test
    void dynamicsObservationsHaveWireForms() {
        Customer customer = new Customer(
                "c1",
                "C",
                "tacos",
                new TreeMap<>(Map.of("taco", 1)),
                new TreeMap<>(Map.of("taco", 500L)),
                new TreeSet<>(),
                1000);
        String first = WireCodec.text(WireCodec.observation(new AssistantStarted(customer)));
        assertThat(first).startsWith("{\"type\":\"started\",\"customer\":{").doesNotContain("visit");
        assertThat(WireCodec.text(WireCodec.observation(new AssistantStarted(customer, 2))))
                .isEqualTo(first.substring(0, first.length() - 1) + ",\"visit\":2}");
        assertThat(WireCodec.text(WireCodec.observation(new OrderDelivered("p1", "s1", 0.25))))
                .isEqualTo("{\"type\":\"order-delivered\",\"proposalId\":\"p1\",\"service\":\"s1\",\"quality\":0.25}");
    }

    @Test
    void aRepricedListingHasTheStartedServiceFormUnderItsOwnType() {
        Service service = new Service(
                "s1", "S", "", new TreeMap<>(Map.of("taco", 250L)), new TreeSet<>(), 4.0, 3, new TreeMap<>(), 0, null);
        String started = WireCodec.text(WireCodec.observation(new ServiceStarted(service)));
        assertThat(WireCodec.text(WireCodec.observation(new ListingChanged(service))))
                .isEqualTo(started.replace("\"type\":\"started\"", "\"type\":\"listing-changed\""))
                .contains("\"taco\":250");
    }
}
