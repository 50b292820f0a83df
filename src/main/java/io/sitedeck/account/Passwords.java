package io.sitedeck.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicLong;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt hashes for passwords, and the rules a new password must meet. */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    private static final int COST = 12;
    /** How many passwords were checked against a hash: sign-in tests prove every path does the same work. */
    static final AtomicLong VERIFICATIONS = new AtomicLong();
    /** What bcrypt reads of a password. */
    static final int MAX_BYTES = 72;

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    /**
     * bcrypt reads only the first 72 bytes: a longer password would sign in with any text after
     * them. New passwords that long are refused, and at sign-in they never match.
     */
    public static boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        VERIFICATIONS.incrementAndGet();
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT);
            // verified either way, so a refusal costs the same work as any other failure
            return factory.verify(factory.translate(stored), password.toCharArray()) && !tooLongForBcrypt(password);
        } catch (GeneralSecurityException unreadable) {
            return false;
        }
    }

    static boolean tooLongForBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /** Why a new password is refused, or null when it is fine. */
    public static String problemWith(String password, String confirmation) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (tooLongForBcrypt(password)) {
            return "Use at most " + MAX_BYTES + " bytes (about " + MAX_BYTES + " letters, fewer with accents or "
                    + "symbols): longer passwords would be cut short without notice.";
        }
        if (!password.equals(confirmation)) {
            return "The two passwords differ.";
        }
        return null;
    }
}
