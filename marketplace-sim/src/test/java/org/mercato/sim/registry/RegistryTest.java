package org.mercato.sim.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {
    private static final Registry<String> COLOURS = Registry.of("colour", c -> c.toLowerCase(), List.of("Red", "Blue"));

    @Test
    void namesFollowRegistrationOrderAndFindTheirEntries() {
        assertThat(COLOURS.names()).containsExactly("red", "blue");
        assertThat(COLOURS.get("blue")).isEqualTo("Blue");
        assertThat(COLOURS.contains("red")).isTrue();
        assertThat(COLOURS.contains("Red")).isFalse();
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> COLOURS.get("green"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown colour 'green', expected one of red, blue");
    }

    @Test
    void aNameRegisteredTwiceIsRefused() {
        assertThatThrownBy(() -> Registry.of("colour", c -> c.toLowerCase(), List.of("Red", "RED")))
                .hasMessage("colour 'red' is registered twice");
    }
}
