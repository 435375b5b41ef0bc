package org.mercato.storefront;

import java.nio.file.Path;
import java.util.Objects;

/** Where the Chromium executable is. */
public record ChromiumSettings(Path executable) {
    /** The environment variable that overrides the executable's path. */
    public static final String ENV = "MERCATO_CHROMIUM";

    public static final Path DEBIAN = Path.of("/usr/bin/chromium");

    public ChromiumSettings {
        Objects.requireNonNull(executable, "executable");
    }

    /** {@code MERCATO_CHROMIUM} when set and not blank, else Debian's {@code /usr/bin/chromium}. */
    public static ChromiumSettings defaults() {
        String env = System.getenv(ENV);
        return new ChromiumSettings(env == null || env.isBlank() ? DEBIAN : Path.of(env.trim()));
    }
}
