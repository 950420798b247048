package jp.homebiyori.localdev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A dynalite process: the DynamoDB API on LevelDB (npm package, installed by {@code npm ci}).
 * In memory unless a data folder is given. Tests share one per JVM through {@link #shared()}.
 */
public final class DynaliteServer implements AutoCloseable {

    private static DynaliteServer shared;

    private final Process process;
    private final int port;

    private DynaliteServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** One in-memory server for the whole test JVM, stopped when the JVM exits. */
    public static synchronized DynaliteServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start("127.0.0.1", 0, null);
            DynaliteServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynalite-stop"));
        }
        return shared;
    }

    /**
     * Starts dynalite on {@code host:port} (port 0 picks a free one), with its data in
     * {@code dataDir} (null: in memory), and waits until it accepts connections.
     */
    public static DynaliteServer start(String host, int port, Path dataDir) {
        int chosen = port == 0 ? freePort() : port;
        Path root = ProjectRoot.find();
        Path cli = root.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: run scripts/ensure-node-modules.sh (npm ci)");
        }
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", host,
                "--port", Integer.toString(chosen)));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            command.add("--path");
            command.add(dataDir.toString());
        }
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            DynaliteServer server = new DynaliteServer(process, chosen);
            server.awaitListening(host, Duration.ofSeconds(20));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dynalite", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process (used by fault tests and at exit). */
    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(String host, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + timeout);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
