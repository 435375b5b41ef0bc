package org.mercato.agents.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Recorded model answers: a bounded Caffeine cache in front of a folder with one JSON file per key
 * ({@code <sha256>.json}). The key is the SHA-256 of the canonical JSON of the provider identity
 * (kind, model, temperature, max tokens) and the request (messages, tools), with properties in a
 * fixed order. Files are written to a unique temporary name and renamed, so several runs can share
 * a folder: a reader sees a whole file or none, and two writers of one key write the same answer
 * for a deterministic model or one of two valid answers otherwise.
 */
public final class ResponseCache {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Path folder;
    private final Cache<String, LlmResponse> memory;

    public ResponseCache(Path folder, long memoryEntries) {
        this.folder = folder;
        this.memory = Caffeine.newBuilder().maximumSize(memoryEntries).build();
    }

    /** The canonical JSON of a request for a provider: what the key hashes. */
    public static String canonical(ProviderIdentity identity, LlmRequest request) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("provider", identity);
        root.put("request", request);
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String key(ProviderIdentity identity, LlmRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(identity, request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<LlmResponse> get(String key) {
        LlmResponse cached = memory.getIfPresent(key);
        if (cached != null || folder == null) {
            return Optional.ofNullable(cached);
        }
        try {
            LlmResponse stored = JSON.readValue(Files.readAllBytes(file(key)), LlmResponse.class);
            memory.put(key, stored);
            return Optional.of(stored);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the LLM cache entry " + file(key), e);
        }
    }

    public void put(String key, LlmResponse response) {
        memory.put(key, response);
        if (folder == null) {
            return;
        }
        Path target = file(key);
        Path temporary = folder.resolve("." + key + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(folder);
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(response));
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // best effort
            }
            throw new UncheckedIOException("cannot write the LLM cache entry " + target, e);
        }
    }

    /** Whether this run has already answered the key (memory only, not the folder). */
    boolean inMemory(String key) {
        return memory.getIfPresent(key) != null;
    }

    private Path file(String key) {
        return folder.resolve(key + ".json");
    }
}
