package io.sitedeck.domotz;

import io.sitedeck.shared.Secrets;
import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom to call Domotz: a cell's base URL and an API key. The key stays inside this
 * object; what is logged, cached or counted uses {@link #fingerprint()} instead.
 */
public final class DomotzTarget {

    private final URI baseUrl;
    private final String apiKey;
    private final String fingerprint;
    private final Integer domotzUserId;
    private final boolean embedded;

    public DomotzTarget(URI baseUrl, String apiKey) {
        this(baseUrl, apiKey, null);
    }

    /**
     * A key whose Domotz user is known (checked when the connection was saved): its reads are
     * shared with every other key of that user on the same cell.
     */
    public DomotzTarget(URI baseUrl, String apiKey, Integer domotzUserId) {
        this(baseUrl, apiKey, domotzUserId, false);
    }

    /**
     * The embedded sandbox on this server's own port: the only target the outbound guard does not
     * check, because the server made its URL, not a person.
     */
    public static DomotzTarget embedded(URI baseUrl, String apiKey, Integer domotzUserId) {
        return new DomotzTarget(baseUrl, apiKey, domotzUserId, true);
    }

    private DomotzTarget(URI baseUrl, String apiKey, Integer domotzUserId, boolean embedded) {
        this.embedded = embedded;
        this.baseUrl = normalise(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.fingerprint = Secrets.sha256Hex(this.baseUrl + "\n" + apiKey).substring(0, 16);
        this.domotzUserId = domotzUserId;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    boolean embedded() {
        return embedded;
    }

    String apiKey() {
        return apiKey;
    }

    /** A stable, non-reversible name of (base URL, key) for cache keys, counters and logs. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Who the cached answers of this key belong to: the Domotz user (keys of one user see the
     * same data, so they share entries and calls), or the key alone when the user is not known.
     * Keys of different users never share: their access rights differ.
     */
    public String cacheScope() {
        return domotzUserId == null ? "key:" + fingerprint : "user:" + domotzUserId;
    }

    /**
     * The cache's scope ({@link #cacheScope()}) on this cell, as a name that stays the same across
     * restarts (the embedded sandbox's URL names a port that changes; its scope does not): what
     * stored data about Domotz — the fleet index — is filed under. 32 hex characters.
     */
    public String indexScope() {
        String cell = embedded ? "embedded:sandbox" : baseUrl.toString();
        String scope = domotzUserId == null ? "key:" + Secrets.sha256Hex(cell + "\n" + apiKey) : cacheScope();
        return Secrets.sha256Hex(cell + "\n" + scope).substring(0, 32);
    }

    /** The last four characters of the key, as the console shows it: {@code ••••1a2b}. */
    public String maskedKey() {
        return "••••" + (apiKey.length() > 4 ? apiKey.substring(apiKey.length() - 4) : "");
    }

    private static URI normalise(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DomotzTarget that && fingerprint.equals(that.fingerprint)
                && baseUrl.equals(that.baseUrl) && apiKey.equals(that.apiKey);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "DomotzTarget[" + baseUrl + ", key " + maskedKey() + "]";
    }
}
