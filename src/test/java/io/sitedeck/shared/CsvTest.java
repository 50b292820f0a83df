package io.sitedeck.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 4180 quoting and spreadsheet-formula neutralising of {@link Csv}. */
class CsvTest {

    @Test
    void quotesWhatRfc4180Requires() {
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n",
                new Csv().row("plain", "a,b", "say \"hi\"", "two\nlines", null).toString());
    }

    @Test
    void neutralisesFormulas() {
        assertEquals("'=1+1,'+49 30,'-2,'@SUM(A1),'\tx,ok=1\r\n",
                new Csv().row("=1+1", "+49 30", "-2", "@SUM(A1)", "\tx", "ok=1").toString());
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n",
                new Csv().row("=HYPERLINK(\"http://x\",\"y\")").toString());
    }
}
