package io.sitedeck.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;

/** The search index's copy of a row gives back what results pages and the CSV show, absent fields absent. */
class FleetDocumentsTest {

    @Test
    void aRowComesBackFromItsDocumentAsItWent() {
        FleetDevice row = row();
        row.mac = "3c52820a1b2c";
        row.vendor = "HP";
        row.model = "LaserJet – M404";
        row.typeName = "Printer";
        row.importance = "VITAL";
        row.status = "DOWN";
        row.zone = "Ground floor";
        row.room = "Reception";
        row.statusSince = Instant.parse("2026-12-05T10:15:30.123456Z");
        row.firstSeen = Instant.parse("1999-01-01T00:00:00Z");

        FleetSearchIndex.Found found = FleetDocuments.found("scope-a", shown(FleetDocuments.of(row, "Lakeside – Clinic")));
        FleetDevice back = found.device();
        assertEquals("Lakeside – Clinic", found.site());
        assertEquals("scope-a", back.scope);
        assertEquals(row.id, back.id);
        assertEquals(row.agentId, back.agentId);
        assertEquals(row.deviceId, back.deviceId);
        assertEquals(row.name, back.name);
        assertEquals("reception printer ü", back.nameLc);
        assertEquals(row.ips, back.ips);
        assertEquals(row.mac, back.mac);
        assertEquals(row.vendor, back.vendor);
        assertEquals(row.model, back.model);
        assertEquals(row.typeName, back.typeName);
        assertEquals(row.importance, back.importance);
        assertEquals(row.status, back.status);
        assertEquals(row.zone, back.zone);
        assertEquals(row.room, back.room);
        assertEquals(row.statusSince, back.statusSince);
        assertEquals(row.firstSeen, back.firstSeen);
        assertEquals(row.asOf, back.asOf);
        assertEquals(FleetSource.WEBHOOK, back.source);
    }

    @Test
    void absentFieldsStayAbsent() {
        FleetDevice back = FleetDocuments.found("scope-a", shown(FleetDocuments.of(row(), null))).device();
        assertNull(back.mac);
        assertNull(back.vendor);
        assertNull(back.status);
        assertNull(back.statusSince);
        assertNull(back.firstSeen);
        assertEquals("", FleetDocuments.found("scope-a", shown(FleetDocuments.of(row(), null))).site());
    }

    private static FleetDevice row() {
        FleetDevice row = new FleetDevice();
        row.id = 4_000_000_001L;
        row.agentId = 7001;
        row.deviceId = 42;
        row.name = "Reception printer Ü";
        row.nameLc = row.name.toLowerCase(java.util.Locale.ROOT);
        row.ips = " 10.0.20.37 192.168.1.7 ";
        row.haystack = "hp | laserjet";
        row.asOf = Instant.parse("2026-12-05T11:00:00.000001Z");
        row.source = FleetSource.WEBHOOK;
        return row;
    }

    private static org.apache.lucene.util.BytesRef shown(Document doc) {
        return doc.getField(FleetDocuments.SHOWN).binaryValue();
    }
}
