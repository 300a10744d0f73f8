package dev.specboard.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.eclipse.microprofile.config.ConfigProvider;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import java.security.GeneralSecurityException;
import java.util.UUID;

/** Verifies a password against its bcrypt hash in Modular Crypt Format, as security-jpa stores it. */
final class PasswordCheck {

    private PasswordCheck() {
    }

    /** The bcrypt cost new password hashes get ({@code specboard.bcrypt-cost}). */
    static int cost() {
        return ConfigProvider.getConfig().getOptionalValue("specboard.bcrypt-cost", Integer.class).orElse(12);
    }

    /**
     * A hash of a random password at the configured cost, checked when an account does not exist so timing does not
     * tell: a fixed hash at cost 12 answered an unknown name faster, or slower, than an account whenever the cost is set
     * otherwise (each step doubles the time).
     */
    static String dummyHash() {
        return Dummy.HASH;
    }

    private static final class Dummy {
        static final String HASH = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), cost());
    }

    /** The longest password sign-up and password change accept. */
    static final int MAX_LENGTH = 72;

    static boolean matches(String plain, String mcfHash) {
        if (plain.length() > MAX_LENGTH) {
            // No stored password is longer, and hashing a huge one takes the CPU for many seconds.
            return false;
        }
        try {
            Password stored = ModularCrypt.decode(mcfHash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                    WildFlyElytronPasswordProvider.getInstance());
            Password restored = factory.translate(stored);
            return factory.verify(restored, plain.toCharArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
