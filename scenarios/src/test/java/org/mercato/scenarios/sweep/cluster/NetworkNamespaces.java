package org.mercato.scenarios.sweep.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Hosts for a test: one Linux network namespace per host, each with one veth link to a bridge in a
 * switch namespace and an address in 198.18.0.0/24 (the benchmark-testing range, used nowhere but
 * inside these namespaces). Names carry a random suffix; {@link #close()} deletes every namespace
 * (and with them the links). Needs root and iproute2's {@code ip}.
 */
final class NetworkNamespaces implements AutoCloseable {
    private final String suffix =
            Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    private final String switchNs = "mc-sw-" + suffix;
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final List<String> created = new ArrayList<>();

    /** Why namespaces cannot be made here, or null when they can (tries one and deletes it). */
    static String unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "creating network namespaces needs root (running as " + System.getProperty("user.name") + ")";
        }
        String probe =
                "mc-probe-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        try {
            String add = run("ip", "netns", "add", probe);
            if (add != null) {
                return "'ip netns add' was refused: " + add;
            }
            run("ip", "netns", "del", probe);
            return null;
        } catch (IOException e) {
            return "iproute2's 'ip' is not installed (" + e.getMessage() + ")";
        }
    }

    NetworkNamespaces() throws IOException {
        add(switchNs);
        must("ip", "-n", switchNs, "link", "add", "br0", "type", "bridge");
        must("ip", "-n", switchNs, "link", "set", "br0", "up");
    }

    /** A new host {@code name} at 198.18.0.{@code index}; returns its address. */
    String host(String name, int index) throws IOException {
        String ns = namespace(name);
        String address = "198.18.0." + index;
        add(ns);
        must(
                "ip",
                "link",
                "add",
                "h" + index + suffix,
                "netns",
                ns,
                "type",
                "veth",
                "peer",
                "name",
                port(name),
                "netns",
                switchNs);
        must("ip", "-n", switchNs, "link", "set", port(name), "master", "br0");
        must("ip", "-n", switchNs, "link", "set", port(name), "up");
        must("ip", "-n", ns, "addr", "add", address + "/24", "dev", "h" + index + suffix);
        must("ip", "-n", ns, "link", "set", "h" + index + suffix, "up");
        must("ip", "-n", ns, "link", "set", "lo", "up");
        addresses.put(name, address);
        return address;
    }

    /** The command prefix that runs a program on host {@code name}. */
    List<String> on(String name) {
        return List.of("ip", "netns", "exec", namespace(name));
    }

    /** Whether a program on host {@code name} listens on TCP {@code port} (read from the host's /proc/net/tcp and tcp6: Java binds IPv4 addresses on IPv6 sockets). */
    boolean listening(String name, int port) throws IOException {
        Process process = new ProcessBuilder(
                        "ip", "netns", "exec", namespace(name), "cat", "/proc/net/tcp", "/proc/net/tcp6")
                .redirectErrorStream(true)
                .start();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        String local = String.format(java.util.Locale.ROOT, ":%04X ", port);
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .map(line -> line.split("\\s+"))
                .anyMatch(f -> f.length > 3 && (f[1] + " ").endsWith(local) && f[3].equals("0A"));
    }

    /** Unplugs (or plugs back) host {@code name}'s link at the switch. */
    void link(String name, boolean up) throws IOException {
        must("ip", "-n", switchNs, "link", "set", port(name), up ? "up" : "down");
    }

    private String namespace(String name) {
        return "mc-" + name + "-" + suffix;
    }

    private String port(String name) {
        return "s" + name + suffix;
    }

    private void add(String ns) throws IOException {
        must("ip", "netns", "add", ns);
        created.add(ns);
    }

    @Override
    public void close() {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                run("ip", "netns", "del", created.get(i));
            } catch (IOException e) {
                // best effort; the next one may still go
            }
        }
    }

    private static void must(String... command) throws IOException {
        String failure = run(command);
        if (failure != null) {
            throw new IOException(String.join(" ", command) + ": " + failure);
        }
    }

    /** Runs a short command; null when it succeeded, else its error output. */
    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "timed out";
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
