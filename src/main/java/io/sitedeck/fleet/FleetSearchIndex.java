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
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
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
 * built from it shortly after start, follows this instance's writes at once ({@link #refreshSite}) and other
 * instances' within seconds (sites whose {@code changed_at} moved). Each document holds a row's
 * scope, site, id, whole name, the words of its name and of its vendor/model/type/zone/room, its
 * addresses and its MAC — nothing a person did not see on a page of their own scope.
 */
@ApplicationScoped
public class FleetSearchIndex {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(FleetSearchIndex.class);
    private static final int BATCH = 5_000;
    /** Other instances' writes are picked up with this margin (clocks of instances differ a little). */
    private static final Duration SYNC_MARGIN = Duration.ofSeconds(5);

    private final MeterRegistry metrics;
    private final CompletableFuture<Void> built = new CompletableFuture<>();
    private volatile Lucene lucene;
    private volatile Instant syncedFrom;

    /** The in-memory index and its searchers, made on first use. */
    private record Lucene(IndexWriter writer, SearcherManager searchers) {}

    FleetSearchIndex(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * The index, made and its build from the database begun on first use: by a search, a write, or
     * the first look at other instances' changes a few seconds after start. Not at start itself —
     * Lucene's classes and the read of a large fleet would otherwise lengthen every start, and
     * nothing needs the index before the console is up; searches wait for the build.
     */
    private Lucene lucene() {
        Lucene made = lucene;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (lucene == null) {
                lucene = open();
                CompletableFuture.runAsync(this::build);
            }
            return lucene;
        }
    }

    private Lucene open() {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            // A small write buffer: documents are small and the heap is shared with everything else.
            IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(4));
            Lucene opened = new Lucene(writer, new SearcherManager(writer, null));
            Gauge.builder("sitedeck.fleet.search.index.bytes", directory, FleetSearchIndex::bytes)
                    .description("Heap held by this instance's fleet search index").register(metrics);
            Gauge.builder("sitedeck.fleet.search.index.devices", writer, w -> w.getDocStats().numDocs)
                    .description("Devices in this instance's fleet search index").register(metrics);
            return opened;
        } catch (IOException impossible) {
            // An in-memory directory has no file to fail on.
            throw new UncheckedIOException(impossible);
        }
    }

    @PreDestroy
    void close() throws IOException {
        Lucene opened = lucene;
        if (opened != null) {
            opened.searchers().close();
            opened.writer().close();
        }
    }

    /** The row ids of the scope's best {@code limit} matches, best first (then by name). */
    public List<Long> search(Query query, int limit) {
        SearcherManager searchers = lucene().searchers();
        built.join();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Long> rows = new ArrayList<>();
                Sort order = new Sort(SortField.FIELD_SCORE, new SortField(FleetQuery.ORDER, SortField.Type.STRING));
                for (ScoreDoc hit : searcher.search(query, limit, order, false).scoreDocs) {
                    rows.add(searcher.storedFields().document(hit.doc).getField(FleetQuery.ROW).numericValue().longValue());
                }
                return rows;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Replaces the site's documents with its rows as the database has them now. */
    public void refreshSite(String scope, int agentId) {
        Lucene index = lucene();
        if (!built.isDone()) {
            // The build, begun now or running, reads the database this write is already in; a site it
            // read before the write is read again at the first look at changed sites after it. Writing
            // here as well would put the site's documents in twice.
            return;
        }
        List<FleetDevice> rows = QuarkusTransaction.requiringNew().call(() ->
                FleetDevice.<FleetDevice>list("scope = ?1 and agentId = ?2", scope, agentId));
        try {
            index.writer().deleteDocuments(new Term(FleetQuery.SITE, siteKey(scope, agentId)));
            for (FleetDevice row : rows) {
                index.writer().addDocument(document(row));
            }
            index.searchers().maybeRefreshBlocking();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /**
     * Sites changed since the last look: by other instances, or by this one while the index was
     * being built (its other changes are in already).
     */
    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followOtherInstances() {
        lucene();
        if (!built.isDone() || syncedFrom == null) {
            return;
        }
        Instant now = clock.instant();
        Instant since = syncedFrom.minus(SYNC_MARGIN);
        List<FleetSite> changed = QuarkusTransaction.requiringNew().call(() ->
                FleetSite.<FleetSite>list("changedAt >= ?1", since));
        changed.forEach(site -> refreshSite(site.scope, site.agentId));
        syncedFrom = now;
    }

    private void build() {
        Lucene index = lucene;
        try {
            Instant start = clock.instant();
            long last = -1;
            int count = 0;
            while (true) {
                long after = last;
                List<FleetDevice> batch = QuarkusTransaction.requiringNew().call(() ->
                        FleetDevice.<FleetDevice>find("id > ?1 order by id", after).page(0, BATCH).list());
                for (FleetDevice row : batch) {
                    index.writer().addDocument(document(row));
                    last = row.id;
                }
                count += batch.size();
                if (batch.size() < BATCH) {
                    break;
                }
            }
            index.searchers().maybeRefreshBlocking();
            syncedFrom = start;
            LOG.debugf("Fleet search index built: %d devices", count);
            built.complete(null);
        } catch (IOException | RuntimeException failed) {
            LOG.errorf("The fleet search index could not be built: %s", failed.toString());
            built.completeExceptionally(failed);
        }
    }

    private static Document document(FleetDevice row) {
        Document doc = new Document();
        doc.add(new StringField(FleetQuery.SITE, siteKey(row.scope, row.agentId), Field.Store.NO));
        doc.add(new StringField(FleetQuery.SCOPE, row.scope, Field.Store.NO));
        doc.add(new StoredField(FleetQuery.ROW, row.id));
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

    /** The index's files, all in memory. */
    private static double bytes(ByteBuffersDirectory directory) {
        try {
            long total = 0;
            for (String file : directory.listAll()) {
                total += directory.fileLength(file);
            }
            return total;
        } catch (IOException gone) {
            // A file merged away between listing and sizing: the next scrape counts again.
            return Double.NaN;
        }
    }

    private static String siteKey(String scope, int agentId) {
        return scope + "|" + agentId;
    }
}
