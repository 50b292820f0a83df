package io.sitedeck.fleet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * A page of a search's matches from one scope's index: by rank (the first of {@link FleetQuery#ranks}
 * a device meets), then by name, each device once, read from the documents' copies of their rows.
 */
final class RankedSearch {

    /** The order of a rank's devices, and of the index's documents ({@link FleetSearchIndex}). */
    static final Sort BY_NAME = new Sort(new SortField(FleetQuery.ORDER, SortField.Type.STRING));

    private RankedSearch() {
    }

    static List<FleetSearchIndex.Found> first(IndexSearcher searcher, String scope, List<Query> ranks, int limit)
            throws IOException {
        Map<Long, FleetSearchIndex.Found> found = new LinkedHashMap<>();
        Rows rows = new Rows(searcher.getIndexReader().leaves());
        for (Query rank : ranks) {
            if (found.size() >= limit) {
                break;
            }
            // The rank's first `limit` by name are enough: fewer than `limit` devices met a better rank,
            // or the page would be full already. With the index sorted by name, each segment stops after
            // them instead of visiting the thousands of matches of a common word.
            TopFieldDocs top = searcher.search(rank, new TopFieldCollectorManager(BY_NAME, limit, null, limit));
            for (ScoreDoc hit : top.scoreDocs) {
                FleetSearchIndex.Found device = FleetDocuments.found(scope, rows.shown(hit.doc));
                if (found.size() < limit) {
                    found.putIfAbsent(device.device().id, device);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The hits' copies of their rows, from their binary doc values: one reader per segment while its
     * hits come in document order (a rank's do: its order is the index's), a new one when they go back.
     */
    private static final class Rows {
        private final List<LeafReaderContext> leaves;
        private final BinaryDocValues[] readers;

        Rows(List<LeafReaderContext> leaves) {
            this.leaves = leaves;
            this.readers = new BinaryDocValues[leaves.size()];
        }

        BytesRef shown(int doc) throws IOException {
            int ord = ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext leaf = leaves.get(ord);
            int target = doc - leaf.docBase;
            BinaryDocValues reader = readers[ord];
            if (reader == null || reader.docID() >= target) {
                reader = DocValues.getBinary(leaf.reader(), FleetDocuments.SHOWN);
                readers[ord] = reader;
            }
            if (!reader.advanceExact(target)) {
                throw new IllegalStateException("A fleet search document without its row");
            }
            return reader.binaryValue();
        }
    }
}
