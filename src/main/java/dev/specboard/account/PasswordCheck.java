package dev.specboard.account;

import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import java.security.GeneralSecurityException;

/** Verifies a password against its bcrypt hash in Modular Crypt Format, as security-jpa stores it. */
final class PasswordCheck {

    /** A valid hash of a random password, checked when an account does not exist so timing does not tell. */
    static final String DUMMY_HASH = "$2a$12$KqHRR2ScEZb9GnKe3F.aLOKp5Zdr8SsA8o1X8ugZ7qb6GxmYGfEXS";

    private PasswordCheck() {
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
