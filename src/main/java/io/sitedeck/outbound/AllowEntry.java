package io.sitedeck.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of an outbound allow-list: a host name ({@code api.example.com}), a wildcard for its
 * subdomains ({@code *.domotz.com}), any host ({@code *}), or an address or CIDR block ({@code 127.0.0.1},
 * {@code 10.20.0.0/16}, {@code ::1}). Only address entries let an internal address through.
 */
record AllowEntry(String name, byte[] network, int prefixBits) {

    static AllowEntry parse(String text) {
        String entry = text.toLowerCase(Locale.ROOT);
        int slash = entry.indexOf('/');
        String addressPart = slash < 0 ? entry : entry.substring(0, slash);
        if (looksLikeAddress(addressPart)) {
            try {
                byte[] network = InetAddress.getByName(addressPart).getAddress();
                int bits = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("Bad prefix length in allow-list entry " + text);
                }
                return new AllowEntry(addressPart, network, bits);
            } catch (UnknownHostException | NumberFormatException bad) {
                throw new IllegalArgumentException("Bad allow-list entry " + text, bad);
            }
        }
        return new AllowEntry(entry, null, 0);
    }

    /** Compiled once: the guard checks every upstream call's host. */
    private static final Pattern DOTTED = Pattern.compile("[0-9.]+");

    boolean matchesName(String host) {
        if (network != null) {
            return looksLikeAddress(host) && coversText(host);
        }
        if (name.equals("*")) {
            return true; // any host name; its addresses must still be public unless an address entry lists them
        }
        return name.startsWith("*.") ? host.endsWith(name.substring(1)) && host.length() > name.length() - 1
                : name.equals(host);
    }

    boolean coversAddress(InetAddress address) {
        if (network == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        return rest == 0 || ((bytes[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
    }

    private boolean coversText(String host) {
        try {
            return coversAddress(InetAddress.getByName(host));
        } catch (UnknownHostException impossible) {
            return false;
        }
    }

    /** An IPv4 dotted quad or an IPv6 literal: parsed without any DNS lookup. */
    static boolean looksLikeAddress(String text) {
        return DOTTED.matcher(text).matches() || text.contains(":");
    }
}
