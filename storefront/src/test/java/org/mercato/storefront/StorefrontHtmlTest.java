package org.mercato.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorefrontHtmlTest {
    @Test
    void sameDataGivesByteIdenticalHtml() {
        StorefrontPage first = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN);
        StorefrontPage second = StorefrontHtml.render(Pages.grid2x4(), StorefrontStyle.CLEAN);
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(second.sha256()).isEqualTo(first.sha256()).hasSize(64);
        assertThat(first.html()).doesNotContain("\r").doesNotContain("<script").doesNotContain("http://localhost");
    }
}
