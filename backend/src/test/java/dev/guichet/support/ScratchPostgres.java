package dev.guichet.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own (initdb + pg_ctl, its own port and data directory), which
 * the test may stop and start — never the shared server. Run as the {@code postgres} user when the
 * tests run as root (initdb refuses root). Needs the server binaries (scripts/install-deps.sh).
 */
public final class ScratchPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private ScratchPostgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Creates and starts a cluster with trust authentication for user postgres, on a free port of 127.0.0.1. */
    public static ScratchPostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("guichet-scratch-pg-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ScratchPostgres cluster = new ScratchPostgres(bin, dir, port, root);
        if (root) {
            cluster.run(List.of("chown", "postgres", dir.toString()), false);
        }
        cluster.run(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        dir.resolve("data").toString(),
                        "-A",
                        "trust",
                        "-U",
                        "postgres",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8"),
                root);
        cluster.startServer();
        return cluster;
    }

    /** @return a JDBC URL of the cluster's {@code postgres} database */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server (again), waiting until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.resolve("data").toString(),
                        "-l",
                        dir.resolve("log").toString(),
                        "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                        "-w",
                        "start"),
                asPostgres);
    }

    /** Stops the server at once (fast shutdown: open connections are cut), as an outage would. */
    public void stopServer() throws IOException, InterruptedException {
        stop("fast", false);
    }

    /** Stops the server if it runs and deletes the cluster. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stop("immediate", true);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code pg_ctl stop} in {@code mode} ("fast", "immediate"); {@code mayFail} when the server may be down. */
    private void stop(String mode, boolean mayFail) throws IOException, InterruptedException {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.resolve("data").toString(),
                        "-m",
                        mode,
                        "-w",
                        "stop"),
                asPostgres,
                mayFail);
    }

    private static Path binaries() throws IOException {
        Path root = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(Path::toString));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException(
                "No PostgreSQL server binaries (initdb) under /usr/lib/postgresql: run scripts/install-deps.sh");
    }

    private void run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
        run(command, asPostgresUser, false);
    }

    private void run(List<String> command, boolean asPostgresUser, boolean mayFail)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out: " + full);
        }
        if (process.exitValue() != 0 && !mayFail) {
            throw new IllegalStateException(full + " failed (" + process.exitValue() + "): " + output);
        }
    }
}
