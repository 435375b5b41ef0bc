package org.mercato.scenarios.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw loopback HTTP server that answers every request with 200 and its headers at once, then
 * drips the promised JSON body one byte every {@code dripMillis}, for up to two minutes. It notes
 * when a client closes a connection and how long after the request came ({@link #closedByClient()},
 * {@link #heldMillis()}): a client that gave up must free it.
 */
final class DripServer implements AutoCloseable {
    private final ServerSocket socket;
    private final long dripMillis;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Long> closedAt = new CopyOnWriteArrayList<>();
    private final List<Long> held = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    DripServer(long dripMillis) throws IOException {
        this.dripMillis = dripMillis;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "drip-accept");
        accept.setDaemon(true);
        accept.start();
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    int connections() {
        return connections.get();
    }

    /** Connections the client closed, as System.nanoTime() when the server saw it. */
    List<Long> closedByClient() {
        return List.copyOf(closedAt);
    }

    /** For each connection the client closed: milliseconds from its request to the close. */
    List<Long> heldMillis() {
        return List.copyOf(held);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                open.add(client);
                Thread t = new Thread(() -> drip(client), "drip-" + connections.get());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void drip(Socket client) {
        long requested = 0;
        try (client) {
            InputStream in = client.getInputStream();
            readRequest(in);
            requested = System.nanoTime();
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.setSoTimeout((int) dripMillis);
            long end = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < end) {
                try {
                    if (in.read() == -1) {
                        closed(requested);
                        return;
                    }
                } catch (SocketTimeoutException e) {
                    out.write(' ');
                    out.flush();
                }
            }
        } catch (IOException e) {
            if (requested != 0) {
                closed(requested); // reset by the client
            }
        }
    }

    private void closed(long requested) {
        long now = System.nanoTime();
        closedAt.add(now);
        held.add((now - requested) / 1_000_000);
    }

    /** Reads the headers and the body of one request (Content-Length bytes). */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("closed before the request ended");
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
