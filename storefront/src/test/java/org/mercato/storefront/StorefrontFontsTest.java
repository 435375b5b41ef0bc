package org.mercato.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StorefrontFontsTest {
    @Test
    void theBundledFontsAreTrueTypeAndNothingElseIsServed() throws Exception {
        for (String name : StorefrontFonts.NAMES) {
            byte[] font = StorefrontFonts.open(name).orElseThrow();
            assertThat(font).startsWith(0, 1, 0, 0); // the TrueType version tag
            assertThat(font.length).isGreaterThan(500_000);
        }
        assertThat(StorefrontFonts.open("../LICENSE")).isEmpty();
        assertThat(StorefrontFonts.open("LICENSE")).isEmpty();
        assertThat(StorefrontFonts.open(null)).isEmpty();
        assertThat(Files.readString(Path.of("src/main/resources/org/mercato/storefront/fonts/LICENSE")))
                .contains("Bitstream Vera", "Permission is hereby granted");
    }
}
