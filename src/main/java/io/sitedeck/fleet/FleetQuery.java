package io.sitedeck.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What a search box's text means, in ranks (a hit scores its best rank): an exact address or MAC
 * (any notation), the whole name, the start of the name, every word starting a word of the name, an
 * address or MAC prefix, every word starting a word of the name or of vendor/model/type/zone/room.
 * Plain logic over Lucene's query types, and the field names {@link FleetSearchIndex} writes.
 */
final class FleetQuery {

    static final String SITE = "site";
    static final String ROW = "row";
    static final String ORDER = "order";
    static final String NAME = "name";
    static final String NAME_WORD = "nameWord";
    static final String TEXT_WORD = "textWord";
    static final String IP = "ip";
    static final String MAC = "mac";

    private static final Pattern ADDRESS_START = Pattern.compile("[0-9a-f.:]+");
    /** Words: letters and digits, with the dots, colons and hyphens inside addresses and model names. */
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}.:-]+");

    private FleetQuery() {
    }

    /** The devices matching the text (in the scope's own index), each scored by its best rank. */
    static Query of(String text) {
        String lc = text.strip().toLowerCase(Locale.ROOT);
        List<Query> ranks = new ArrayList<>();
        ranks.add(rank(new TermQuery(new Term(IP, lc)), 100));
        MacAddress.normalise(text).ifPresent(mac -> ranks.add(rank(new TermQuery(new Term(MAC, mac)), 100)));
        ranks.add(rank(new TermQuery(new Term(NAME, lc)), 60));
        ranks.add(rank(new PrefixQuery(new Term(NAME, lc)), 50));
        List<String> words = words(lc);
        if (!words.isEmpty()) {
            ranks.add(rank(everyWord(words, NAME_WORD), 40));
        }
        if (ADDRESS_START.matcher(lc).matches()) {
            ranks.add(rank(new PrefixQuery(new Term(IP, lc)), 30));
        }
        MacAddress.prefix(text).ifPresent(prefix -> ranks.add(rank(new PrefixQuery(new Term(MAC, prefix)), 30)));
        if (!words.isEmpty()) {
            ranks.add(rank(everyWord(words, NAME_WORD, TEXT_WORD), 20));
        }
        return new DisjunctionMaxQuery(ranks, 0);
    }

    /** Why the row matched, as the results say it: the best rank it meets. */
    static String why(FleetDevice row, String text) {
        String lc = text.strip().toLowerCase(Locale.ROOT);
        Optional<String> mac = MacAddress.normalise(text);
        if (row.ips.contains(" " + lc + " ") || (mac.isPresent() && mac.get().equals(row.mac))) {
            return mac.isPresent() && mac.get().equals(row.mac) ? "MAC address" : "IP address";
        }
        List<String> nameWords = words(row.nameLc);
        if (row.nameLc.startsWith(lc) || words(lc).stream().allMatch(w -> nameWords.stream().anyMatch(n -> n.startsWith(w)))) {
            return "name";
        }
        if (row.ips.contains(" " + lc)) {
            return "IP address";
        }
        if (row.mac != null && MacAddress.prefix(text).map(row.mac::startsWith).orElse(false)) {
            return "MAC address";
        }
        return "vendor, model, type, zone or room";
    }

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(text.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty()).distinct().toList();
    }

    /** Every word of the query starts a word in one of the fields. */
    private static Query everyWord(List<String> words, String... fields) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            for (String field : fields) {
                anyField.add(new PrefixQuery(new Term(field, word)), BooleanClause.Occur.SHOULD);
            }
            all.add(anyField.build(), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    private static Query rank(Query query, float score) {
        return new BoostQuery(new ConstantScoreQuery(query), score);
    }
}
