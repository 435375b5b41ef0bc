package org.mercato.storefront;

import java.nio.file.Files;
import java.util.Objects;

/** Headless Chromium over the DevTools protocol (JDK WebSocket), started lazily on first use. */
public final class ChromiumRenderer implements ScreenshotRenderer {
    private final ChromiumSettings settings;

    private ChromiumRenderer(ChromiumSettings settings) {
        this.settings = settings;
    }

    /** A renderer that starts no process until its first screenshot. */
    public static ChromiumRenderer start(ChromiumSettings settings) {
        return new ChromiumRenderer(Objects.requireNonNull(settings, "settings"));
    }

    /** Whether the default Chromium ({@link ChromiumSettings#defaults()}) is an executable file. */
    public static boolean available() {
        return available(ChromiumSettings.defaults());
    }

    public static boolean available(ChromiumSettings settings) {
        return Files.isRegularFile(settings.executable()) && Files.isExecutable(settings.executable());
    }

    @Override
    public synchronized byte[] screenshot(StorefrontPage page, Viewport viewport) {
        if (!available(settings)) {
            throw notFound(settings);
        }
        throw new RenderException("chromium screenshots are not implemented yet in this build");
    }

    static RenderException notFound(ChromiumSettings settings) {
        return new RenderException("chromium not found at " + settings.executable()
                + " (install Debian's chromium or set " + ChromiumSettings.ENV + ")");
    }

    @Override
    public synchronized void close() {}
}
