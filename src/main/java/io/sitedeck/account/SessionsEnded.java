package io.sitedeck.account;

/**
 * Fired (CDI event) after a member's session epoch moved: signed out, disabled, role or password
 * changed. Whatever keeps something open for a session (live event streams) closes it.
 */
public record SessionsEnded(long userId) {}
