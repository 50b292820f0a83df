package io.sitedeck.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail recipients as people type them in a form: addresses separated by commas, semicolons or spaces, checked for
 * their shape (delivery is the mail server's business), lower-cased, without repeats, 1 to {@code most} of them.
 */
public final class Recipients {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;]{1,64}@[^@\\s,;]+\\.[^@\\s,;]+$");

    private Recipients() {
    }

    /** The addresses, or {@link BadInput} naming the one that is not an address. */
    public static List<String> parse(String text, int most) {
        List<String> list = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,;\\s]+")) {
            String address = part.strip().toLowerCase(Locale.ROOT);
            if (address.isEmpty()) {
                continue;
            }
            if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
                throw new BadInput("\"" + (address.length() > 60 ? address.substring(0, 60) + "…" : address)
                        + "\" is not an e-mail address.");
            }
            if (!list.contains(address)) {
                list.add(address);
            }
        }
        if (list.isEmpty() || list.size() > most) {
            throw new BadInput("Name 1 to " + most + " recipients, separated by commas.");
        }
        return list;
    }
}
