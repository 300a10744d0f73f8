package dev.specboard.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets of API tokens and of links that are shown once (invitations, password resets, previews): a fresh random
 * value for the one who gets it, and its hash for the database, so that a copy of the tables opens nothing.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 32 random bytes (256 bits: not guessable) in base64url without padding, 43 characters that fit a URL path. */
    public static String newValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The SHA-256 of a secret, in hex: what is stored and looked up. A plain hash suffices (no bcrypt): the secrets are
     * random and long, so there is no dictionary to try, and every request that presents one can afford to hash it.
     */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
