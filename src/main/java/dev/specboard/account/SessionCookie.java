package dev.specboard.account;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The login cookie: which login ({@link LoginSession}) of which account, signed with HMAC-SHA256 so
 * that any app instance sharing the secret can read it without a database query. It expires after
 * {@code specboard.session.hours} without use (sliding) and in any case {@code specboard.session.max-days}
 * after the login (absolute).
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "sb_session";
    private static final Logger LOG = Logger.getLogger(SessionCookie.class);

    /** What the cookie says: the login, its account and site role, when it was made and when it expires. */
    public record Claims(UUID sessionId, UUID accountId, String username, String siteRole, Instant issuedAt,
                         Instant expiresAt) {
        public boolean halfSpent(Duration lifetime) {
            return Instant.now().isAfter(expiresAt.minus(lifetime.dividedBy(2)));
        }
    }

    private final byte[] key;
    private final Duration lifetime;
    private final Duration maxAge;
    private final ThreadLocal<Mac> macs;

    SessionCookie(@ConfigProperty(name = "specboard.session.secret") Optional<String> secret,
                  @ConfigProperty(name = "specboard.session.hours", defaultValue = "12") int hours,
                  @ConfigProperty(name = "specboard.session.max-days", defaultValue = "30") int maxDays,
                  @ConfigProperty(name = "specboard.data-dir", defaultValue = "data") String dataDir) {
        this.key = secret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> localSecret(Path.of(dataDir)));
        this.lifetime = Duration.ofHours(hours);
        this.maxAge = Duration.ofDays(maxDays);
        // A Mac per thread: verifying a cookie is on every request's path, and Mac.getInstance is not free.
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The sliding lifetime: a cookie unused this long is no login any more. */
    public Duration lifetime() {
        return lifetime;
    }

    /** The absolute lifetime of a login, however active. */
    public Duration maxAge() {
        return maxAge;
    }

    /** The claims of a login just made. */
    public Claims fresh(UUID sessionId, UUID accountId, String username, String siteRole, Instant issuedAt) {
        return new Claims(sessionId, accountId, username, siteRole, issuedAt, expiry(issuedAt));
    }

    /** The same login with its sliding expiry moved forward, never past the absolute lifetime. */
    public Claims renewed(Claims c) {
        return new Claims(c.sessionId(), c.accountId(), c.username(), c.siteRole(), c.issuedAt(), expiry(c.issuedAt()));
    }

    private Instant expiry(Instant issuedAt) {
        Instant sliding = Instant.now().plus(lifetime);
        Instant absolute = issuedAt.plus(maxAge);
        return sliding.isBefore(absolute) ? sliding : absolute;
    }

    public String encode(Claims c) {
        String payload = c.sessionId() + "|" + c.accountId() + "|" + c.username() + "|" + c.siteRole() + "|"
                + c.issuedAt().getEpochSecond() + "|" + c.expiresAt().getEpochSecond();
        String encoded = b64(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + b64(sign(encoded));
    }

    /** The claims of a genuine cookie that has not expired (either way); whether the login was ended is not its business. */
    public Optional<Claims> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String encoded = value.substring(0, dot);
        try {
            byte[] signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(encoded))) {
                return Optional.empty();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 6) {
                return Optional.empty();
            }
            Instant now = Instant.now();
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[4]));
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[5]));
            if (now.isAfter(expires) || now.isAfter(issued.plus(maxAge))) {
                return Optional.empty();
            }
            return Optional.of(new Claims(UUID.fromString(parts[0]), UUID.fromString(parts[1]), parts[2], parts[3], issued, expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** HMAC-SHA256 with the login key, for values that must be bound to this installation (CSRF tokens). */
    public byte[] sign(String data) {
        return macs.get().doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Without a configured secret, one is generated once and kept in the data directory (never in
     * the repository), so logins survive restarts of a single instance.
     */
    private static byte[] localSecret(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("session.secret");
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.getParent());
            Files.write(file, secret);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            LOG.warnf("SPECBOARD_SESSION_SECRET is not set: generated a login signing key in %s. "
                    + "Set the same secret on every instance in production.", file);
            return secret;
        } catch (IOException e) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            LOG.warn("Could not keep a login signing key on disk; logins end when this instance stops", e);
            return secret;
        }
    }
}
