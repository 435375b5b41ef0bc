package org.mercato.storefront;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screenshots cached by (HTML sha256, viewport): in memory (Caffeine, bounded by bytes) and, when a
 * folder is given, as {@code <sha>-<WxH>.png} files there, so a sweep renders each distinct page
 * once. Files are written to a temporary name and renamed, so a reader never sees half a PNG.
 */
public final class CachedRenderer implements ScreenshotRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(CachedRenderer.class);

    private final ScreenshotRenderer inner;
    private final Optional<Path> folder;
    private final Cache<String, byte[]> memory;
    private final AtomicLong renders = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    public CachedRenderer(ScreenshotRenderer inner, Optional<Path> folder, long maxBytes) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.folder = Objects.requireNonNull(folder, "folder");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
        }
        this.memory = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<String, byte[]>weigher((key, png) -> png.length)
                .build();
    }

    @Override
    public byte[] screenshot(StorefrontPage page, Viewport viewport) {
        String key = fileName(page, viewport);
        byte[] cached = memory.getIfPresent(key);
        if (cached == null) {
            cached = fromFolder(key);
            if (cached != null) {
                memory.put(key, cached);
            }
        }
        if (cached != null) {
            hits.incrementAndGet();
            return cached.clone();
        }
        synchronized (this) {
            // a second caller for the same page waits here and finds it rendered
            byte[] again = memory.getIfPresent(key);
            if (again == null) {
                again = fromFolder(key);
            }
            if (again != null) {
                hits.incrementAndGet();
                return again.clone();
            }
            byte[] png = inner.screenshot(page, viewport);
            renders.incrementAndGet();
            memory.put(key, png.clone());
            folder.ifPresent(dir -> write(dir, key, png));
            return png;
        }
    }

    /** The cache file name of a page at a viewport: {@code <sha>-<WxH>.png}. */
    public static String fileName(StorefrontPage page, Viewport viewport) {
        return page.sha256() + "-" + viewport.label() + ".png";
    }

    /** Distinct pages actually rendered by the inner renderer. */
    public long renders() {
        return renders.get();
    }

    public long hits() {
        return hits.get();
    }

    @Override
    public void close() {
        inner.close();
    }

    private byte[] fromFolder(String key) {
        if (folder.isEmpty()) {
            return null;
        }
        Path file = folder.get().resolve(key);
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            LOG.warn("cannot read cached screenshot {}: {}", file, e.toString());
            return null;
        }
    }

    private static void write(Path dir, String key, byte[] png) {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, key, ".tmp");
            try {
                Files.write(temp, png);
                try {
                    Files.move(temp, dir.resolve(key), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, dir.resolve(key), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new RenderException("cannot write screenshot cache file " + dir.resolve(key) + ": " + e, e);
        }
    }
}
