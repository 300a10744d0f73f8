package dev.specboard.web;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded PostgreSQL running: every second it checks that the postmaster named in
 * {@code postmaster.pid} is alive, and when it is not (killed, crashed) it starts the server again
 * on the same data directory and port with {@code pg_ctl restart}, which reuses the options of
 * {@code postmaster.opts}. The JDBC URL stays the same, so the connection pool reconnects by itself.
 */
final class EmbeddedPostgresSupervisor {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresSupervisor.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration REPEAT_FAILURE_LOG = Duration.ofSeconds(30);

    private final Path dataDir;
    private final Path pgCtl;
    private final Thread thread;
    private volatile boolean stopped;
    private Instant lastFailureLog = Instant.EPOCH;

    private EmbeddedPostgresSupervisor(Path dataDir, Path pgCtl) {
        this.dataDir = dataDir;
        this.pgCtl = pgCtl;
        this.thread = new Thread(this::run, "specboard-postgres-supervisor");
        this.thread.setDaemon(true);
    }

    /** Starts watching the server that runs on this data directory; its binaries are found through {@code postmaster.opts}. */
    static EmbeddedPostgresSupervisor watch(Path dataDir) {
        Path pgCtl = binary(dataDir).map(postgres -> postgres.resolveSibling("pg_ctl"))
                .orElseThrow(() -> new IllegalStateException("No postmaster.opts in " + dataDir + ": is the server running?"));
        EmbeddedPostgresSupervisor supervisor = new EmbeddedPostgresSupervisor(dataDir, pgCtl);
        supervisor.thread.start();
        return supervisor;
    }

    /** Stops watching (before the server is shut down on purpose), waiting for a restart in progress. */
    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!stopped) {
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!stopped && postmaster().isEmpty()) {
                restart();
            }
        }
    }

    /** The live postmaster of the data directory, if there is one. */
    Optional<ProcessHandle> postmaster() {
        return pid(dataDir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
    }

    private void restart() {
        LOG.warnf("The embedded PostgreSQL in %s is not running; starting it again", dataDir);
        try {
            // A pid file left by a killed postmaster could name an unrelated process by now: pg_ctl must not signal it.
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-l", dataDir.resolve("restart.log").toString(),
                    "-w", "-t", "30", "restart"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() == 0) {
                LOG.infof("The embedded PostgreSQL is running again (pid %s)", pid(dataDir).map(String::valueOf).orElse("?"));
                lastFailureLog = Instant.EPOCH;
            } else {
                failed(output);
            }
        } catch (IOException e) {
            failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** Old server processes may hold the shared memory for a moment: the next check tries again; the log says so now and then. */
    private void failed(String why) {
        if (Duration.between(lastFailureLog, Instant.now()).compareTo(REPEAT_FAILURE_LOG) >= 0) {
            lastFailureLog = Instant.now();
            LOG.warnf("Could not start the embedded PostgreSQL yet, retrying every second: %s", why.replace('\n', ' '));
        }
    }

    static Optional<Long> pid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The postgres binary that started the server, the first word of {@code postmaster.opts}. */
    private static Optional<Path> binary(Path dataDir) {
        try {
            String opts = Files.readString(dataDir.resolve("postmaster.opts")).trim();
            String first = opts.startsWith("\"") ? opts.substring(1, opts.indexOf('"', 1)) : opts.split("\\s+")[0];
            return Optional.of(Path.of(first));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
