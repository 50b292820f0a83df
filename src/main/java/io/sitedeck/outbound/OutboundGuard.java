package io.sitedeck.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The one check every outbound URL a person can choose passes before Sitedeck connects to it
 * (custom Domotz cells today; notification channels and identity providers next): the host must
 * be on the operator's allow-list, and every address it resolves to must be public — loopback,
 * private, link-local (cloud metadata), unique-local, multicast, unspecified and carrier-grade NAT
 * addresses are refused unless an address or CIDR entry of the allow-list names them. Checked on
 * every connection, not once when saved, so a name that later resolves inward is refused then.
 * Plain http only to listed loopback addresses (tests, a local cell). A pure class: the resolver
 * is given, so tests decide what a name resolves to.
 */
public final class OutboundGuard {

    /** Why a URL was refused, in words a person can read (never anything the target sent). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Name → addresses; {@link #SYSTEM} asks the JVM (and its cache, which the connection then uses). */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM = InetAddress::getAllByName;

    private final List<AllowEntry> allowed;
    private final Resolver resolver;
    /** The setting that holds the allow-list, named in refusals so people know what to ask for. */
    private final String setting;

    public OutboundGuard(List<String> allowList, Resolver resolver) {
        this(allowList, resolver, "sitedeck.domotz.allowed-hosts");
    }

    public OutboundGuard(List<String> allowList, Resolver resolver, String setting) {
        this.allowed = allowList.stream().map(String::trim).filter(e -> !e.isEmpty()).map(AllowEntry::parse).toList();
        this.resolver = resolver;
        this.setting = setting;
    }

    /** Returns normally when Sitedeck may connect to this URL now; {@link Refused} otherwise. */
    public void check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused("Only absolute https:// URLs are allowed.");
        }
        if (url.getRawUserInfo() != null) {
            throw new Refused("A URL with a user name or password in it is not allowed.");
        }
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host.toLowerCase(Locale.ROOT);
        if (allowed.stream().noneMatch(entry -> entry.matchesName(name))) {
            throw new Refused("The host " + name + " is not on this server's allow-list (" + setting + "); "
                    + "ask the operator to add it.");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException unknown) {
            throw new Refused("The host " + name + " does not resolve.");
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            if (internal(address) && allowed.stream().noneMatch(entry -> entry.coversAddress(address))) {
                throw new Refused("The host " + name + " resolves to an internal address (" + address.getHostAddress()
                        + "), which is refused unless the operator lists it in " + setting + ".");
            }
            allLoopback &= address.isLoopbackAddress();
        }
        if (scheme.equals("http") && !allLoopback) {
            throw new Refused("Use https:// (plain http only reaches a cell on this machine).");
        }
    }

    /** Addresses that lead into the server's own machine or network rather than to a public service. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240; // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique-local fc00::/7
            }
            boolean mappedV4 = true;
            for (int i = 0; i < 10; i++) {
                mappedV4 &= bytes[i] == 0;
            }
            if (mappedV4 && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
