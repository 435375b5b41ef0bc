package org.mercato.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViewportTest {
    @Test
    void parsesWidthByHeight() {
        assertThat(Viewport.parse("1280x800")).isEqualTo(Viewport.DEFAULT);
        assertThat(Viewport.parse(" 800x600 ").label()).isEqualTo("800x600");
    }

    @Test
    void refusesOtherFormsAndSizesWithOneLine() {
        assertThatThrownBy(() -> Viewport.parse("1280*800"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("viewport must be WIDTHxHEIGHT in pixels, e.g. 1280x800, was '1280*800'");
        assertThatThrownBy(() -> Viewport.parse("10x800"))
                .hasMessage("viewport sides must be 64 to 8192 pixels, was 10x800");
        assertThatThrownBy(() -> Viewport.parse(null)).hasMessageContaining("was ''");
    }
}
