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
 * The login cookie: who is logged in, signed with HMAC-SHA256, so that no login state lives on the
 * server and any app instance sharing the secret can read it.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "sb_session";
    private static final Logger LOG = Logger.getLogger(SessionCookie.class);

    /** What the cookie says: the account, its site role and when the login expires. */
    public record Claims(UUID accountId, String username, String siteRole, Instant expiresAt) {
        public boolean halfSpent(Duration lifetime) {
            return Instant.now().isAfter(expiresAt.minus(lifetime.dividedBy(2)));
        }
    }

    private final byte[] key;
    private final Duration lifetime;

    SessionCookie(@ConfigProperty(name = "specboard.session.secret") Optional<String> secret,
                  @ConfigProperty(name = "specboard.session.hours", defaultValue = "12") int hours,
                  @ConfigProperty(name = "specboard.data-dir", defaultValue = "data") String dataDir) {
        this.key = secret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> localSecret(Path.of(dataDir)));
        this.lifetime = Duration.ofHours(hours);
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(UUID accountId, String username, String siteRole) {
        String payload = accountId + "|" + username + "|" + siteRole + "|" + Instant.now().plus(lifetime).getEpochSecond();
        String encoded = b64(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + b64(sign(encoded));
    }

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
            if (parts.length != 4) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            if (Instant.now().isAfter(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Claims(UUID.fromString(parts[0]), parts[1], parts[2], expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String b64(byte[] bytes) {
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
