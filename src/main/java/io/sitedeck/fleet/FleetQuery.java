package io.sitedeck.fleet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What a search box's text means, in ranks (a hit belongs to its best rank): an exact address or MAC
 * (any notation), the whole name, the start of the name, every word starting a word of the name, an
 * address or MAC prefix, every word starting a word of the name or of vendor/model/type/zone/room.
 * Plain logic over Lucene's query types, and the field names {@link FleetSearchIndex} writes.
 */
final class FleetQuery {

    static final String SITE = "site";
    static final String ORDER = "order";
    static final String NAME = "name";
    static final String NAME_WORD = "nameWord";
    static final String TEXT_WORD = "textWord";
    static final String IP = "ip";
    static final String MAC = "mac";

    private static final Pattern ADDRESS_START = Pattern.compile("[0-9a-f.:]+");

    private FleetQuery() {
    }

    /**
     * The queries of the ranks the text can meet, best rank first. A device belongs to the best rank it
     * meets; within a rank, devices come by name ({@link FleetSearchIndex} keeps its index in that
     * order, so a rank's first page is found without visiting all its matches).
     */
    static List<Query> ranks(String text) {
        String lc = text.strip().toLowerCase(Locale.ROOT);
        List<Query> ranks = new ArrayList<>();
        Query exactIp = new TermQuery(new Term(IP, lc));
        ranks.add(MacAddress.normalise(text).<Query>map(mac -> new BooleanQuery.Builder()
                .add(exactIp, BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(MAC, mac)), BooleanClause.Occur.SHOULD).build()).orElse(exactIp));
        ranks.add(new TermQuery(new Term(NAME, lc)));
        ranks.add(new PrefixQuery(new Term(NAME, lc)));
        List<String> words = words(lc);
        if (!words.isEmpty()) {
            ranks.add(everyWord(words, NAME_WORD));
        }
        List<Query> prefixes = new ArrayList<>();
        if (ADDRESS_START.matcher(lc).matches()) {
            prefixes.add(new PrefixQuery(new Term(IP, lc)));
        }
        MacAddress.prefix(text).ifPresent(prefix -> prefixes.add(new PrefixQuery(new Term(MAC, prefix))));
        if (!prefixes.isEmpty()) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            prefixes.forEach(prefix -> either.add(prefix, BooleanClause.Occur.SHOULD));
            ranks.add(either.build());
        }
        if (!words.isEmpty()) {
            ranks.add(everyWord(words, NAME_WORD, TEXT_WORD));
        }
        return ranks;
    }

    /**
     * Why a row matched, as the results say it (the best rank it meets), for one search's text: what
     * the text means is worked out once, not for each of a page's rows.
     */
    static Function<FleetDevice, String> why(String text) {
        String lc = text.strip().toLowerCase(Locale.ROOT);
        Optional<String> mac = MacAddress.normalise(text);
        Optional<String> macPrefix = MacAddress.prefix(text);
        List<String> words = words(lc);
        String exactAddress = " " + lc + " ";
        String addressStart = " " + lc;
        return row -> {
            boolean sameMac = mac.isPresent() && mac.get().equals(row.mac);
            if (sameMac || row.ips.contains(exactAddress)) {
                return sameMac ? "MAC address" : "IP address";
            }
            if (row.nameLc.startsWith(lc) || words.stream().allMatch(word -> startsAWord(row.nameLc, word))) {
                return "name";
            }
            if (row.ips.contains(addressStart)) {
                return "IP address";
            }
            if (row.mac != null && macPrefix.map(row.mac::startsWith).orElse(false)) {
                return "MAC address";
            }
            return "vendor, model, type, zone or room";
        };
    }

    /** Whether one of the text's {@link #words} starts with {@code word} (itself a word), without splitting the text. */
    static boolean startsAWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (at == 0 || !inWord(text.codePointBefore(at))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A character of a word ({@link #words}, {@link #startsAWord}): letters and digits, with the dots,
     * colons and hyphens inside addresses and model names.
     */
    private static boolean inWord(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER || codePoint == '.' || codePoint == ':' || codePoint == '-';
    }

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String lc = text.toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        int start = -1;
        for (int at = 0; at < lc.length(); at += Character.charCount(lc.codePointAt(at))) {
            boolean in = inWord(lc.codePointAt(at));
            if (in && start < 0) {
                start = at;
            } else if (!in && start >= 0) {
                words.add(lc.substring(start, at));
                start = -1;
            }
        }
        if (start >= 0) {
            words.add(lc.substring(start));
        }
        return List.copyOf(words);
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
}
