package io.sitedeck.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** This request's CSRF token, for forms ({@code inject:csrf.token}) and the htmx header. */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    public static final String COOKIE = "sitedeck-csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private String token;
    private boolean fresh;

    void use(String token, boolean fresh) {
        this.token = token;
        this.fresh = fresh;
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
