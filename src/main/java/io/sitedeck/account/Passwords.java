package io.sitedeck.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.security.GeneralSecurityException;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt hashes for passwords, and the rules a new password must meet. */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    private static final int COST = 12;

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT);
            return factory.verify(factory.translate(stored), password.toCharArray());
        } catch (GeneralSecurityException unreadable) {
            return false;
        }
    }

    /** Why a new password is refused, or null when it is fine. */
    public static String problemWith(String password, String confirmation) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (password.length() > 200) {
            return "Use at most 200 characters.";
        }
        if (!password.equals(confirmation)) {
            return "The two passwords differ.";
        }
        return null;
    }
}
