package io.sitedeck.fleet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/**
 * A fleet index row as a document of the search index, and back. Besides what a search matches on,
 * a document keeps a copy of what results pages and their CSV show, so a search reads no row of the
 * database: 50 rows scattered over a large table cost a results page as much as finding them did.
 * The copy is one binary doc value per document (read in place; stored fields would decompress a
 * block of neighbours for each hit). It is as fresh as the match itself: a site's documents are
 * replaced whenever its rows are written on this instance, and within seconds when another instance
 * wrote them.
 */
final class FleetDocuments {

    /** The row id as a term: what replaces one device's document alone. */
    static final String ROW_KEY = "rowKey";
    /** The copy of what results show, as one binary doc value. */
    static final String SHOWN = "shown";

    private FleetDocuments() {
    }

    /** A device's document, with its site's name as the results show it. */
    static Document of(FleetDevice row, String siteName) {
        Document doc = new Document();
        doc.add(new StringField(ROW_KEY, Long.toString(row.id), Field.Store.NO));
        doc.add(new StringField(FleetQuery.SITE, Integer.toString(row.agentId), Field.Store.NO));
        doc.add(new StringField(FleetQuery.NAME, row.nameLc, Field.Store.NO));
        doc.add(new SortedDocValuesField(FleetQuery.ORDER, new BytesRef(row.nameLc)));
        FleetQuery.words(row.nameLc).forEach(word -> doc.add(new StringField(FleetQuery.NAME_WORD, word, Field.Store.NO)));
        FleetQuery.words(row.haystack).forEach(word -> doc.add(new StringField(FleetQuery.TEXT_WORD, word, Field.Store.NO)));
        for (String ip : row.ips.strip().split(" ")) {
            if (!ip.isEmpty()) {
                doc.add(new StringField(FleetQuery.IP, ip, Field.Store.NO));
            }
        }
        if (row.mac != null) {
            doc.add(new StringField(FleetQuery.MAC, row.mac, Field.Store.NO));
        }
        doc.add(new BinaryDocValuesField(SHOWN, new BytesRef(shown(row, siteName))));
        return doc;
    }

    private static byte[] shown(FleetDevice row, String siteName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(row.id);
            out.writeInt(row.agentId);
            out.writeInt(row.deviceId);
            out.writeUTF(siteName == null ? "" : siteName);
            out.writeUTF(row.name);
            out.writeUTF(row.ips);
            out.writeUTF(row.source.name());
            out.writeLong(nanos(row.asOf));
            for (String text : new String[] {row.mac, row.vendor, row.model, row.typeName, row.importance, row.status,
                    row.zone, row.room}) {
                out.writeBoolean(text != null);
                if (text != null) {
                    out.writeUTF(text);
                }
            }
            for (Instant at : new Instant[] {row.statusSince, row.firstSeen}) {
                out.writeBoolean(at != null);
                if (at != null) {
                    out.writeLong(nanos(at));
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // an in-memory stream
        }
        return bytes.toByteArray();
    }

    /**
     * The row as the document keeps it, from its {@code shown} value: not an entity of the database's
     * (never persisted), with what pages and the CSV show and what {@link FleetQuery#why(String)} reads.
     */
    static FleetSearchIndex.Found found(String scope, BytesRef shown) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(shown.bytes, shown.offset, shown.length))) {
            FleetDevice row = new FleetDevice();
            row.scope = scope;
            row.id = in.readLong();
            row.agentId = in.readInt();
            row.deviceId = in.readInt();
            String site = in.readUTF();
            row.name = in.readUTF();
            row.nameLc = row.name.toLowerCase(Locale.ROOT);
            row.ips = in.readUTF();
            row.source = FleetSource.valueOf(in.readUTF());
            row.asOf = instant(in.readLong());
            row.mac = text(in);
            row.vendor = text(in);
            row.model = text(in);
            row.typeName = text(in);
            row.importance = text(in);
            row.status = text(in);
            row.zone = text(in);
            row.room = text(in);
            row.statusSince = in.readBoolean() ? instant(in.readLong()) : null;
            row.firstSeen = in.readBoolean() ? instant(in.readLong()) : null;
            return new FleetSearchIndex.Found(row, site);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Nanoseconds since 1970 (a long holds them until 2262); the database keeps microseconds at most. */
    private static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }
}
