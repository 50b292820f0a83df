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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jboss.logging.Logger;

/**
 * This instance's Lucene index over the fleet index's device rows: what makes a search of 100,000
 * devices a few term lookups instead of a scan of the table. The database stays the record; this is
 * built from it on first use, follows this instance's writes at once ({@link #refreshSite}) and other
 * instances' within seconds (sites whose {@code changed_at} moved). One index per scope: a search
 * reads its own scope's documents only, by construction rather than by a filter (a filter matching
 * every document of a one-scope install was most of a search's cost). Each document holds a row's
 * site, id, whole name, the words of its name and of its vendor/model/type/zone/room, its addresses
 * and its MAC, and a copy of what results show ({@link FleetDocuments}) — nothing a person did not
 * see on a page of their own scope.
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

    /** A site's rows, its name and its {@code changed_at} (null when the site is gone), read together. */
    private record SiteRows(List<FleetDevice> rows, String name, Instant changedAt) {}

    /** A device found, as the index keeps it, and its site's name. */
    public record Found(FleetDevice device, String site) {}

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
            // Documents in name order: a rank's first page is its first documents (RankedSearch).
            IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                    .setRAMBufferSizeMB(4).setIndexSort(RankedSearch.BY_NAME));
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

    /**
     * The scope's first {@code limit} matches, by rank (the first query a device meets) and then by
     * name, as the index keeps them ({@link FleetDocuments#found}).
     */
    public List<Found> search(String scope, List<Query> ranks, int limit) {
        return read(scope, List.of(), searcher -> RankedSearch.first(searcher, scope, ranks, limit));
    }

    /** How many of the scope's documents match: each device is in once, whatever wrote it. */
    int count(String scope, Query query) {
        return read(scope, 0, searcher -> searcher.count(query));
    }

    private interface Reading<T> {
        T from(IndexSearcher searcher) throws IOException;
    }

    /** What the scope's index answers, once built; {@code none} for a scope with no document yet. */
    private <T> T read(String scope, T none, Reading<T> reading) {
        built().join();
        ScopeIndex index = scopes.get(scope);
        if (index == null) {
            return none;
        }
        try {
            IndexSearcher searcher = index.searchers().acquire();
            try {
                return reading.from(searcher);
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
        SiteRows site = QuarkusTransaction.requiringNew().call(() -> {
            Optional<FleetSite> known = FleetSite.of(scope, agentId);
            return new SiteRows(FleetDevice.<FleetDevice>list("scope = ?1 and agentId = ?2", scope, agentId),
                    known.map(s -> s.name).orElse(""), known.map(s -> s.changedAt).orElse(null));
        });
        ScopeIndex index = scope(scope);
        // One site's delete-and-add at a time: two interleaved would leave its documents in twice. A
        // write that read older rows and lands last records the older changed_at, so the next look at
        // changed sites reads the site again.
        synchronized (index) {
            try {
                index.writer().deleteDocuments(new Term(FleetQuery.SITE, Integer.toString(agentId)));
                for (FleetDevice row : site.rows()) {
                    index.writer().addDocument(FleetDocuments.of(row, site.name()));
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
     * Replaces one device's document after a change to it alone (a webhook's status): its site's other
     * documents stay as they are. {@code site} is the device's site as the same transaction left it.
     */
    public void refreshDevice(FleetDevice row, FleetSite site) {
        if (!built().isDone()) {
            return; // as in refreshSite: the build or the next look at changed sites has it
        }
        ScopeIndex index = scope(row.scope);
        synchronized (index) {
            try {
                index.writer().updateDocument(new Term(FleetDocuments.ROW_KEY, Long.toString(row.id)),
                        FleetDocuments.of(row, site.name));
                index.searchers().maybeRefreshBlocking();
            } catch (IOException unwritable) {
                throw new UncheckedIOException(unwritable);
            }
            // A site write that read older rows and lands after this one records its older changed_at,
            // so the next look at changed sites reads the site again.
            indexedAt.put(siteKey(row.scope, row.agentId), site.changedAt);
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
            // Site names for the documents; a site added meanwhile is read again at the first look at changed sites.
            Map<String, String> names = QuarkusTransaction.requiringNew().call(() -> FleetSite.<FleetSite>listAll().stream()
                    .collect(Collectors.toMap(s -> siteKey(s.scope, s.agentId), s -> s.name, (a, b) -> a)));
            while (true) {
                long after = last;
                List<FleetDevice> batch = QuarkusTransaction.requiringNew().call(() ->
                        FleetDevice.<FleetDevice>find("id > ?1 order by id", after).page(0, BATCH).list());
                for (FleetDevice row : batch) {
                    scope(row.scope).writer().addDocument(FleetDocuments.of(row, names.get(siteKey(row.scope, row.agentId))));
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
