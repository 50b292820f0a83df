package io.sitedeck.account;

import java.util.regex.Pattern;

/** A plain check that an email address looks like one; delivery is not Sitedeck's business. */
public final class Emails {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private Emails() {
    }

    public static boolean valid(String email) {
        return email != null && email.length() <= 254 && SHAPE.matcher(email).matches();
    }
}
