package io.sitedeck.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * The dummy hash an unknown email is checked against is written into the code (hashing one at
 * start-up cost every start a few hundred milliseconds); it must cost what a real one costs, or
 * the time of a failed sign-in would tell whether the email exists.
 */
class DummyHashTest {

    @Test
    void theDummyHashHasTheAlgorithmAndCostOfRealOnes() {
        String real = Passwords.hash("correct horse battery staple");
        assertEquals(real.substring(0, 7), SitedeckIdentityProvider.DUMMY_HASH.substring(0, 7), "$2a$12$: bcrypt, cost 12");
        assertEquals(real.length(), SitedeckIdentityProvider.DUMMY_HASH.length());
        assertFalse(Passwords.matches("correct horse battery staple", SitedeckIdentityProvider.DUMMY_HASH));
    }
}
