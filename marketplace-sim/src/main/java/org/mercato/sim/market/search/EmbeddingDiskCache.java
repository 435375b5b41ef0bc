package org.mercato.sim.market.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors kept in a folder between runs: {@code <folder>/<model>/<first two hex digits>/<sha-256>.vec},
 * one file per text. A file holds a magic number, the model id, the dimensions, the text's hash, the
 * floats and a CRC-32 of all that; it is written to a temporary file and renamed, so a reader never
 * sees half a file. A file that fails any check (truncated, corrupt, another model or size, another
 * hash) is ignored with a WARN and replaced by the next write, never trusted.
 */
final class EmbeddingDiskCache {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingDiskCache.class);
    private static final int MAGIC = 0x4D455631; // "MEV1"

    private final Path folder;
    private final String model;
    private final int dimensions;

    EmbeddingDiskCache(Path root, String model, int dimensions) {
        this.folder = root.resolve(model.replaceAll("[^A-Za-z0-9._-]", "_"));
        this.model = model;
        this.dimensions = dimensions;
    }

    private Path file(String hash) {
        return folder.resolve(hash.substring(0, 2)).resolve(hash + ".vec");
    }

    /** The stored vector of the text with this hash, or null when there is none to trust. */
    float[] read(String hash) {
        Path file = file(hash);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("ignoring unreadable embedding cache file {}: {}", file, e.toString());
            return null;
        }
        try {
            return decode(bytes, hash);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring corrupt or foreign embedding cache file {}: {}", file, e.getMessage());
            return null;
        }
    }

    private float[] decode(byte[] bytes, String hash) throws IOException {
        if (bytes.length < Long.BYTES) {
            throw new IOException("too short");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not an embedding file");
        }
        String storedModel = in.readUTF();
        int storedDimensions = in.readInt();
        String storedHash = in.readUTF();
        if (!storedModel.equals(model) || storedDimensions != dimensions || !storedHash.equals(hash)) {
            throw new IOException("holds " + storedModel + "/" + storedDimensions + " for another text or model");
        }
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = in.readFloat();
        }
        if (in.readLong() != crc.getValue() || in.available() != 0) {
            throw new IOException("checksum or length mismatch");
        }
        return vector;
    }

    /** Stores the vector; a failure to write is a WARN (the run goes on without the file). */
    void write(String hash, float[] vector) {
        Path file = file(hash);
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + 4 * vector.length);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(MAGIC);
            out.writeUTF(model);
            out.writeInt(vector.length);
            out.writeUTF(hash);
            for (float value : vector) {
                out.writeFloat(value);
            }
            CRC32 crc = new CRC32();
            crc.update(buffer.toByteArray());
            out.writeLong(crc.getValue());
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), hash, ".tmp");
            try {
                Files.write(temp, buffer.toByteArray());
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot write embedding cache file {}: {}", file, e.toString());
        }
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
