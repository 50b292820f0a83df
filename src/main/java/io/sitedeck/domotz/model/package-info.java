/**
 * Records for every schema of the Domotz Public API v0.6.0.
 *
 * <p>JSON names are snake_case (set globally by {@code quarkus.jackson.property-naming-strategy}).
 * Every record tolerates what real accounts send: unknown fields are ignored, absent objects are
 * {@code null}, unknown enum values read as {@code UNKNOWN}, timestamps with {@code Z},
 * {@code +00:00} or no offset, and RTD numbers that arrive as strings ({@code "12.34"}).
 */
package io.sitedeck.domotz.model;
