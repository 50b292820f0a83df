package io.sitedeck.fleet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.jboss.logging.Logger;

/**
 * This instance's Lucene index over the fleet index's device rows: what makes a search of 100,000
 * devices a few term lookups instead of a scan of the table. The database stays the record; this is
 * built from it on first use, follows this instance's writes at once ({@link #refreshSite}) and other
 * instances' within seconds (sites whose {@code changed_at} moved). One index per scope: a search
 * reads its own scope's documents only, by construction rather than by a filter (a filter matching
 * every document of a one-scope install was most of a search's cost). Each document holds a row's
 * site, id, whole name, the words of its name and of its vendor/model/type/zone/room, its addresses
 * and its MAC — nothing a person did not see on a page of their own scope.
 */
@ApplicationScoped
public class FleetSearchIndex {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(FleetSearchIndex.class);
    private static final int BATCH = 5_000;
    /** Other instances' writes are picked up with this margin (clocks of instances differ a little). */
    private static final Duration SYNC_MARGIN = Duration.ofSeconds(5);

    /** The build under way or done; none before the first use, and none again after a build failed. */
    private final AtomicReference<CompletableFuture<Void>> build = new AtomicReference<>();
    private final Map<String, ScopeIndex> scopes = new ConcurrentHashMap<>();
    /** Each site's {@code changed_at} as this instance last indexed it: the look at changed sites skips those. */
    private final Map<String, Instant> indexedAt = new ConcurrentHashMap<>();
    private volatile Instant syncedFrom;

    /** One scope's in-memory index and its searchers. */
    private record ScopeIndex(ByteBuffersDirectory directory, IndexWriter writer, SearcherManager searchers) {}

    /** A site's rows and its {@code changed_at} (null when the site is gone), read together. */
    private record SiteRows(List<FleetDevice> rows, Instant changedAt) {}

    FleetSearchIndex(MeterRegistry metrics) {
        Gauge.builder("sitedeck.fleet.search.index.bytes", this, FleetSearchIndex::bytes)
                .description("Heap held by this instance's fleet search index").register(metrics);
        Gauge.builder("sitedeck.fleet.search.index.devices", this, FleetSearchIndex::devices)
                .description("Devices in this instance's fleet search index").register(metrics);
    }

    /**
     * The build from the database, begun on first use (and again after one failed): a search, a
     * write, or the first look at other instances' changes a few seconds after start. Not at start
     * itself — Lucene's classes and the read of a large fleet would otherwise lengthen every start,
     * and nothing needs the index before the console is up; searches wait for the build.
     */
    private CompletableFuture<Void> built() {
        CompletableFuture<Void> begun = build.get();
        if (begun != null) {
            return begun;
        }
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        if (build.compareAndSet(null, fresh)) {
            CompletableFuture.runAsync(() -> build(fresh));
            return fresh;
        }
        return build.get();
    }

    private ScopeIndex scope(String scope) {
        return scopes.computeIfAbsent(scope, s -> open());
    }

    private static ScopeIndex open() {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            // A small write buffer: documents are small and the heap is shared with everything else.
            IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(4));
            return new ScopeIndex(directory, writer, new SearcherManager(writer, null));
        } catch (IOException impossible) {
            // An in-memory directory has no file to fail on.
            throw new UncheckedIOException(impossible);
        }
    }

    @PreDestroy
    void close() {
        dropAll();
    }

    /** The row ids of the scope's best {@code limit} matches, best first (then by name). */
    public List<Long> search(String scope, Query query, int limit) {
        built().join();
        ScopeIndex index = scopes.get(scope);
        if (index == null) {
            return List.of();
        }
        try {
            IndexSearcher searcher = index.searchers().acquire();
            try {
                List<Long> rows = new ArrayList<>();
                Sort order = new Sort(SortField.FIELD_SCORE, new SortField(FleetQuery.ORDER, SortField.Type.STRING));
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                for (ScoreDoc hit : searcher.search(query, limit, order, false).scoreDocs) {
                    // The row id from doc values: a stored field would unpack a whole compressed block per hit.
                    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                    NumericDocValues ids = DocValues.getNumeric(leaf.reader(), FleetQuery.ROW);
                    if (ids.advanceExact(hit.doc - leaf.docBase)) {
                        rows.add(ids.longValue());
                    }
                }
                return rows;
            } finally {
                index.searchers().release(searcher);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Replaces the site's documents with its rows as the database has them now. */
    public void refreshSite(String scope, int agentId) {
        if (!built().isDone()) {
            // The build, begun now or running, reads the database this write is already in; a site it
            // read before the write is read again at the first look at changed sites after it. Writing
            // here as well would put the site's documents in twice.
            return;
        }
        SiteRows site = QuarkusTransaction.requiringNew().call(() -> new SiteRows(
                FleetDevice.<FleetDevice>list("scope = ?1 and agentId = ?2", scope, agentId),
                FleetSite.of(scope, agentId).map(s -> s.changedAt).orElse(null)));
        ScopeIndex index = scope(scope);
        // One site's delete-and-add at a time: two interleaved would leave its documents in twice. A
        // write that read older rows and lands last records the older changed_at, so the next look at
        // changed sites reads the site again.
        synchronized (index) {
            try {
                index.writer().deleteDocuments(new Term(FleetQuery.SITE, Integer.toString(agentId)));
                for (FleetDevice row : site.rows()) {
                    index.writer().addDocument(document(row));
                }
                index.searchers().maybeRefreshBlocking();
            } catch (IOException unwritable) {
                throw new UncheckedIOException(unwritable);
            }
            if (site.changedAt() == null) {
                indexedAt.remove(siteKey(scope, agentId));
            } else {
                indexedAt.put(siteKey(scope, agentId), site.changedAt());
            }
        }
    }

    /**
     * Sites changed since the last look: by other instances, or by this one while the index was
     * being built. A site whose {@code changed_at} is still the one this instance indexed it at was
     * this instance's own write, already in.
     */
    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followOtherInstances() {
        if (!built().isDone() || syncedFrom == null) {
            return;
        }
        Instant now = clock.instant();
        Instant since = syncedFrom.minus(SYNC_MARGIN);
        List<FleetSite> changed = QuarkusTransaction.requiringNew().call(() ->
                FleetSite.<FleetSite>list("changedAt >= ?1", since));
        changed.stream().filter(site -> !site.changedAt.equals(indexedAt.get(siteKey(site.scope, site.agentId))))
                .forEach(site -> refreshSite(site.scope, site.agentId));
        syncedFrom = now;
    }

    private void build(CompletableFuture<Void> done) {
        try {
            Instant start = clock.instant();
            long last = -1;
            int count = 0;
            while (true) {
                long after = last;
                List<FleetDevice> batch = QuarkusTransaction.requiringNew().call(() ->
                        FleetDevice.<FleetDevice>find("id > ?1 order by id", after).page(0, BATCH).list());
                for (FleetDevice row : batch) {
                    scope(row.scope).writer().addDocument(document(row));
                    last = row.id;
                }
                count += batch.size();
                if (batch.size() < BATCH) {
                    break;
                }
            }
            for (ScopeIndex index : scopes.values()) {
                index.searchers().maybeRefreshBlocking();
            }
            syncedFrom = start;
            LOG.debugf("Fleet search index built: %d devices in %d scopes", count, scopes.size());
            done.complete(null);
        } catch (IOException | RuntimeException failed) {
            // Typically the database away for a moment: the searches waiting now fail (503, as every
            // page does then), what was read so far is dropped, and the next use builds again.
            LOG.errorf("The fleet search index could not be built (the next search tries again): %s", failed.toString());
            dropAll();
            build.compareAndSet(done, null);
            done.completeExceptionally(failed);
        }
    }

    private void dropAll() {
        for (String scope : List.copyOf(scopes.keySet())) {
            ScopeIndex index = scopes.remove(scope);
            try {
                index.searchers().close();
                index.writer().close();
            } catch (IOException | RuntimeException unclosable) {
                // An in-memory index half written: nothing on disk to leave behind.
                LOG.debugf("A dropped fleet search index did not close cleanly: %s", unclosable.toString());
            }
        }
    }

    private static Document document(FleetDevice row) {
        Document doc = new Document();
        doc.add(new StringField(FleetQuery.SITE, Integer.toString(row.agentId), Field.Store.NO));
        doc.add(new NumericDocValuesField(FleetQuery.ROW, row.id));
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
        return doc;
    }

    /** The indexes' files, all in memory. */
    private double bytes() {
        long total = 0;
        for (ScopeIndex index : scopes.values()) {
            try {
                for (String file : index.directory().listAll()) {
                    total += index.directory().fileLength(file);
                }
            } catch (IOException gone) {
                // A file merged away between listing and sizing: the next scrape counts again.
                return Double.NaN;
            }
        }
        return total;
    }

    private double devices() {
        return scopes.values().stream().mapToLong(index -> index.writer().getDocStats().numDocs).sum();
    }

    private static String siteKey(String scope, int agentId) {
        return scope + "|" + agentId;
    }
}
