package org.mercato.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

/** The width and height in a PNG's header. */
record Png(int width, int height) {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static Png read(byte[] png) {
        assertThat(png.length).isGreaterThan(24);
        byte[] signature = new byte[8];
        System.arraycopy(png, 0, signature, 0, 8);
        assertThat(signature).as("PNG signature").isEqualTo(SIGNATURE);
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        return new Png(header.getInt(), header.getInt());
    }
}
