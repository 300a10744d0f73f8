package dev.specboard.web;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The embedded PostgreSQL's superuser password: made at random once, kept in a file beside the data directory that only
 * its owner may read, and required of every connection (scram-sha-256 for TCP and the local socket). zonky's servers
 * trust every local connection as the well-known {@code postgres}, so any account of the machine could read and change
 * the application's data.
 */
final class EmbeddedPostgresPassword {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String METHOD = "scram-sha-256";

    private EmbeddedPostgresPassword() {
    }

    /** Where the password of the server in {@code dataDir} is kept: {@code postgres.password} beside it. */
    static Path file(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }

    /**
     * The password of the server in {@code dataDir}, made now when there is none. A data directory that already requires
     * a password whose file is gone cannot be opened: the start fails saying so instead of waiting for a refused login.
     */
    static String prepare(Path dataDir) {
        Path file = file(dataDir);
        try {
            if (Files.exists(file)) {
                ownerOnly(file);
                return read(file);
            }
            if (initialised(dataDir) && !trusts(dataDir)) {
                throw new IllegalStateException("The embedded PostgreSQL in " + dataDir + " requires a password, but its file " + file
                        + " is missing. Put the password back in that file, or move the data directory away to start afresh.");
            }
            Files.createDirectories(file.getParent());
            String password = random();
            Path made = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(made);
            create(made);
            Files.writeString(made, password + "\n");
            Files.move(made, file, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the embedded PostgreSQL's password in " + file, e);
        }
    }

    /**
     * initdb's options for a new data directory (zonky hands its "locale" options to initdb alone, after its own
     * {@code -A trust}, which they override): the superuser's password from the file, required for every connection.
     */
    static EmbeddedPostgres.Builder initdbOptions(EmbeddedPostgres.Builder builder, Path dataDir) {
        return builder.setLocaleConfig("pwfile", file(dataDir).toString())
                .setLocaleConfig("auth-host", METHOD)
                .setLocaleConfig("auth-local", METHOD);
    }

    /**
     * Upgrades a data directory made before passwords were required, once its server runs: gives the superuser the
     * password, makes every connection need it and reloads the configuration. The data stays as it is.
     */
    static boolean requireIfTrusting(EmbeddedPostgres pg, Path dataDir, String password) {
        if (!trusts(dataDir)) {
            return false;
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = '" + METHOD + "'");
            // The password is base64url, so it needs no escaping in the literal.
            s.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Path hba = dataDir.resolve("pg_hba.conf");
            Path written = dataDir.resolve("pg_hba.conf.new");
            Files.writeString(written, String.join("\n", List.of(
                    "# Written by Specboard: every connection needs the password kept in " + file(dataDir).getFileName() + ".",
                    "# TYPE  DATABASE     USER  ADDRESS       METHOD",
                    "local   all          all                 " + METHOD,
                    "host    all          all   127.0.0.1/32  " + METHOD,
                    "host    all          all   ::1/128       " + METHOD,
                    "local   replication  all                 " + METHOD,
                    "host    replication  all   127.0.0.1/32  " + METHOD,
                    "host    replication  all   ::1/128       " + METHOD, "")));
            Files.move(written, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            s.execute("SELECT pg_reload_conf()");
            awaitPasswordRequired(pg);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give the embedded PostgreSQL in " + dataDir + " its password", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the embedded PostgreSQL in " + dataDir + " require its password", e);
        }
    }

    /** The postmaster reloads its configuration after it is signalled: until then it still trusts every connection. */
    private static void awaitPasswordRequired(EmbeddedPostgres pg) {
        String url = pg.getJdbcUrl("postgres", "postgres");
        for (int tries = 0; tries < 100; tries++) {
            try (Connection c = DriverManager.getConnection(url)) {
                Thread.sleep(50);
            } catch (SQLException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("The embedded PostgreSQL still lets connections in without its password");
    }

    /** Whether the data directory was made already (initdb ran). */
    static boolean initialised(Path dataDir) {
        return Files.exists(dataDir.resolve("postgresql.conf"));
    }

    /** Whether pg_hba.conf lets some connection in without a password (zonky's initdb writes trust for all). */
    static boolean trusts(Path dataDir) {
        Path hba = dataDir.resolve("pg_hba.conf");
        if (!Files.exists(hba)) {
            return false;
        }
        try {
            return Files.readAllLines(hba).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .anyMatch(l -> {
                        String[] words = l.split("\\s+");
                        return List.of(words).contains("trust");
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + hba, e);
        }
    }

    private static String read(Path file) throws IOException {
        String password = Files.readString(file).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException("The embedded PostgreSQL's password file " + file + " is empty");
        }
        return password;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Creates the file readable and writable by its owner alone (where the file system knows POSIX permissions). */
    private static void create(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException noPosix) {
            Files.createFile(file);
        }
    }

    /** A file someone widened is narrowed again: the password gives the whole database. */
    private static void ownerOnly(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException noPosix) {
            // no POSIX permissions on this file system (Windows): its ACLs apply
        }
    }
}
