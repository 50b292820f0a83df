package io.sitedeck.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitedeck.events.EventKind;
import io.sitedeck.events.WebhookEvent;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which events a rule matches, and quiet hours, case by case. */
class RuleMatchTest {

    private static final Instant AT = Instant.parse("2026-12-05T22:30:00Z");

    @ParameterizedTest(name = "rule kinds={0} sites={1} team={2} tag={3} vital={4}; event {5} device={6} team={7} tags={8} vital={9}: {10}")
    @CsvSource(delimiter = '|', value = {
            // empty rule: everything
            "|| | | false | device_status | 7 | South | | false | true",
            "device_status || | | false | device_status | 7 | South | | false | true",
            "agent_status || | | false | device_status | 7 | South | | false | false",
            "device_status,agent_status || | | false | agent_status | | South | | false | true",
            // sites
            "| 5003,5006 | | | false | device_status | 7 | South | | false | true",
            "| 5006 | | | false | device_status | 7 | South | | false | false",
            // team, case-insensitive; an unknown team does not match a rule that names one
            "|| south | | false | device_status | 7 | South | | false | true",
            "|| North | | false | device_status | 7 | South | | false | false",
            "|| North | | false | device_status | 7 | | | false | false",
            // tag: device events with that tag only
            "|| | printer | false | device_status | 7 | South | printer | false | true",
            "|| | printer | false | device_status | 7 | South | camera | false | false",
            "|| | printer | false | agent_status | | South | | false | false",
            // vital only: device events of vital devices; site events still match
            "|| | | true | device_status | 7 | South | | true | true",
            "|| | | true | device_status | 7 | South | | false | false",
            "|| | | true | agent_status | | South | | false | true",
    })
    void matches(String kinds, String sites, String team, String tag, boolean vitalOnly, String kind, Integer device,
                 String eventTeam, String tags, boolean vital, boolean expected) {
        NotificationRule rule = new NotificationRule();
        rule.eventKinds = kinds == null ? "" : kinds;
        rule.agentIds = sites == null ? "" : sites;
        rule.team = team;
        rule.tag = tag;
        rule.vitalOnly = vitalOnly;
        WebhookEvent event = new WebhookEvent(EventKind.of(kind).orElseThrow(), AT, 5003, device, "DOWN", List.of(),
                "Down", "{}");
        NotificationQueue.Facts facts = new NotificationQueue.Facts(event, eventTeam, tags == null ? List.of() : List.of(tags),
                vital);
        assertEquals(expected, RuleMatch.matches(rule, facts));
    }

    @ParameterizedTest(name = "quiet {0}–{1} in {2} at {3}: {4}")
    @CsvSource({
            "22:00, 07:00, UTC, 2026-12-05T22:30:00Z, true",
            "22:00, 07:00, UTC, 2026-12-06T06:59:00Z, true",
            "22:00, 07:00, UTC, 2026-12-06T07:00:00Z, false",
            "22:00, 07:00, Europe/Rome, 2026-12-05T20:59:00Z, false",
            "22:00, 07:00, Europe/Rome, 2026-12-05T21:00:00Z, true",
            "12:00, 13:00, UTC, 2026-12-05T12:30:00Z, true",
            "12:00, 13:00, UTC, 2026-12-05T13:30:00Z, false",
    })
    void quietHours(String from, String to, String zone, String at, boolean quiet) {
        assertEquals(quiet, new QuietHours(LocalTime.parse(from), LocalTime.parse(to)).covers(Instant.parse(at), ZoneId.of(zone)));
    }
}
