package io.sitedeck.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.regex.Pattern;

/** This request's CSRF token, for forms ({@code inject:csrf.token}) and the htmx header. */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    public static final String COOKIE = "sitedeck-csrf";
    /** Over HTTPS the cookie is bound to this exact origin: no subdomain can set or shadow it. */
    public static final String SECURE_COOKIE = "__Host-sitedeck-csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    /** Secrets.newToken's alphabet (URL-safe base64) and a length no real token falls outside. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private String token;
    private boolean fresh;
    private boolean https;

    void use(String token, boolean fresh, boolean https) {
        this.token = token;
        this.fresh = fresh;
        this.https = https;
    }

    /** The Set-Cookie header value for a fresh token. */
    String cookieHeader() {
        return https ? SECURE_COOKIE + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict"
                : COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** Whether a cookie's value could be a token Sitedeck issued (its alphabet and length). */
    static boolean wellFormed(String value) {
        return WELL_FORMED.matcher(value).matches();
    }

    static String cookieName(boolean https) {
        return https ? SECURE_COOKIE : COOKIE;
    }

    public String token() {
        return token;
    }

    public String field() {
        return FIELD;
    }

    boolean fresh() {
        return fresh;
    }
}
