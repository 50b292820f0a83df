package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentStatusValue;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceKind;
import io.sitedeck.domotz.model.DeviceStatus;
import io.sitedeck.domotz.model.Protocol;
import io.sitedeck.domotz.model.RtdSample;
import io.sitedeck.domotz.model.RtdStatistics;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Payloads as real Domotz accounts send them, read by the application's own ObjectMapper (the
 * one the REST client uses): offsets in every spelling, IP_SUBNET, RTD values as strings,
 * missing objects, unknown fields and enum values.
 */
@QuarkusTest
class DomotzJsonQuirksTest {

    private static final Instant TEN_PAST_NINE = Instant.parse("2019-06-11T09:08:10Z");

    @Inject
    ObjectMapper json;

    @Test
    void readsTimestampsWithZOffsetOrNothing() throws Exception {
        for (String stamp : List.of("2019-06-11T09:08:10Z", "2019-06-11T09:08:10+00:00", "2019-06-11T09:08:10",
                "2019-06-11T11:08:10+02:00", "2019-06-11T09:08:10.000Z")) {
            Agent agent = json.readValue("{\"id\":1,\"display_name\":\"a\",\"creation_time\":\"" + stamp + "\"}",
                    Agent.class);
            assertEquals(TEN_PAST_NINE, agent.creationTime(), stamp);
        }
    }

    @Test
    void readsRtdValuesSentAsStrings() throws Exception {
        RtdSample sample = json.readValue("{\"timestamp\":\"2019-06-11T09:08:10+00:00\",\"min\":\"1.50\","
                + "\"median\":\"12.34\",\"max\":\"40\",\"lost_packet_count\":0,\"sent_packet_count\":10}", RtdSample.class);
        assertEquals(1.5, sample.min());
        assertEquals(12.34, sample.median());
        assertEquals(40.0, sample.max());
        assertEquals(TEN_PAST_NINE, sample.timestamp());
        assertEquals(10, sample.sentPacketCount());
        RtdStatistics stats = json.readValue("{\"device_id\":7,\"avg_median\":\"3.25\",\"latest_median\":12.5,"
                + "\"timestamp\":\"2019-06-11T09:08:10Z\"}", RtdStatistics.class);
        assertEquals(3.25, stats.avgMedian());
        assertEquals(12.5, stats.latestMedian());
        assertNull(stats.avgMax());
    }

    /** As the Redis cache stores and reads it: what was absent stays absent, nothing turns into 0. */
    @Test
    void anRtdSampleSurvivesItsOwnJson() throws Exception {
        RtdSample gap = json.readValue("{\"timestamp\":\"2019-06-11T09:08:10Z\",\"lost_packet_count\":5}", RtdSample.class);
        assertNull(gap.min());
        assertNull(gap.median());
        assertNull(gap.sentPacketCount());
        assertEquals(5, gap.lostPacketCount());
        RtdSample full = new RtdSample(TEN_PAST_NINE, 0.5, 12.25, 40.0, 0, 5);
        for (RtdSample sample : List.of(gap, full)) {
            assertEquals(sample, json.readValue(json.writeValueAsString(sample), RtdSample.class));
        }
        RtdSample timeless = json.readValue("{\"median\":\"3\"}", RtdSample.class);
        assertNull(timeless.timestamp());
        assertEquals(3.0, timeless.median());
    }

    @Test
    void readsSubnetDevicesWithoutDetailsTypeOrUserData() throws Exception {
        List<Device> devices = json.readValue("""
                [{"id":1,"display_name":"core","protocol":"IP_SUBNET","status":"ONLINE","ip_addresses":["10.0.0.1"],
                  "last_status_change":"2024-01-01T00:00:00+00:00","brand_new_field":{"x":1}},
                 {"id":2,"display_name":"printer","protocol":"IP","hw_address":"00:11:22:33:44:55","status":"DOWN",
                  "details":{"zone":"Ground"}},
                 {"id":3,"display_name":"outlet","protocol":"DUMMY"},
                 {"id":4,"display_name":"site","protocol":"IP_EXTERNAL","status":"QUANTUM"}]
                """, new TypeReference<>() {});
        Device subnet = devices.get(0);
        assertEquals(Protocol.IP_SUBNET, subnet.protocol());
        assertEquals(DeviceKind.SUBNET, subnet.kind());
        assertNull(subnet.details());
        assertNull(subnet.type());
        assertNull(subnet.userData());
        assertEquals("core", subnet.name());
        assertEquals(DeviceKind.LOCAL, devices.get(1).kind());
        assertEquals("Ground", devices.get(1).details().zone());
        assertEquals(DeviceKind.DUMMY, devices.get(2).kind());
        assertEquals(List.of(), devices.get(2).ipAddresses());
        assertEquals(DeviceKind.EXTERNAL, devices.get(3).kind());
        assertEquals(DeviceStatus.UNKNOWN, devices.get(3).status(), "an unknown status does not break the list");
    }

    @Test
    void readsAgentsWithoutOptionalObjects() throws Exception {
        Agent agent = json.readValue("{\"id\":9,\"display_name\":\"bare\",\"status\":{\"value\":\"SLEEPING\"}}",
                Agent.class);
        assertEquals(AgentStatusValue.UNKNOWN, agent.status().value());
        assertNull(agent.teamName());
        assertEquals(true, agent.apiEnabled(), "no access_right means the API is not restricted");
    }
}
