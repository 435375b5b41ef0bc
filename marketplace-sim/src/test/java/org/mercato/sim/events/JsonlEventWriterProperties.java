package org.mercato.sim.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.mercato.sim.domain.Immutable;

/**
 * The writer's own UTF-8 encoder gives the bytes of {@code String.getBytes(UTF_8)} for any text:
 * ASCII, accented letters, three-byte characters, emoji (surrogate pairs) and lone surrogates
 * (which the JSON line escapes), and across its buffer's boundary.
 */
class JsonlEventWriterProperties {
    @Property(tries = 200)
    void writesTheUtf8OfEachLine(@ForAll @Size(max = 40) List<String> texts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder expected = new StringBuilder();
        try (JsonlEventWriter writer = new JsonlEventWriter(bytes)) {
            long seq = 0;
            for (String text : texts) {
                String padded = text + "é—😀".repeat((int) (seq % 3)) + "x".repeat((int) (seq * 997 % 5000));
                LoggedEvent event = new LoggedEvent(seq, seq, new MessageEvent("a", "b", padded, Immutable.emptyMap()));
                StringBuilder line = new StringBuilder();
                event.writeJson(line);
                expected.append(line).append('\n');
                writer.accept(event);
                seq++;
            }
        }
        assertThat(bytes.toByteArray()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }
}
