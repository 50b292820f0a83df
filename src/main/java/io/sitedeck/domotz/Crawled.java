package io.sitedeck.domotz;

import java.time.Instant;

/** What a crawler read got: the answer, when Domotz sent it, and whether a call was spent on it. */
public record Crawled<T>(T value, Instant fetchedAt, boolean called) {
}
