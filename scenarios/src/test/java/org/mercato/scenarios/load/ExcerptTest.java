package org.mercato.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void aShortValueIsQuotedWhole() {
        assertThat(Excerpt.quoted("fast")).isEqualTo("'fast'");
    }

    @Test
    void aLongValueIsCutWithAnEllipsis() {
        assertThat(Excerpt.of("x".repeat(61))).isEqualTo("x".repeat(60) + "…");
        assertThat(Excerpt.of("x".repeat(50_000_000))).isEqualTo("x".repeat(60) + "…");
    }

    @Test
    void linesBecomeOneLine() {
        assertThat(Excerpt.of("root:x:0\ndaemon:x:1\n")).isEqualTo("root:x:0 daemon:x:1");
    }

    @Test
    void aCutNeverSplitsACharacter() {
        String text = "a" + "😀".repeat(40); // the 60th char is the first half of an emoji
        assertThat(Excerpt.of(text)).isEqualTo("a" + "😀".repeat(29) + "…");
    }

    @Property(tries = 300)
    void anExcerptIsOneShortLine(@ForAll String text) {
        String excerpt = Excerpt.of(text);
        assertThat(excerpt.length()).isLessThanOrEqualTo(Excerpt.MAX + 1);
        assertThat(excerpt).doesNotContain("\n", "\r");
    }
}
