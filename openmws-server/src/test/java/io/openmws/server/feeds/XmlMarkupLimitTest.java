package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class XmlMarkupLimitTest {

    private static final int LIMIT = 20;
    private static final String LONG = "x".repeat(100);

    private static String pass(String xml) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader in = XmlMarkupLimit.watch(new StringReader(xml), LIMIT)) {
            char[] buffer = new char[7];
            for (int n = in.read(buffer, 0, buffer.length); n > 0; n = in.read(buffer, 0, buffer.length)) {
                out.append(buffer, 0, n);
            }
        }
        return out.toString();
    }

    @Test
    void textBetweenMarkupIsNotLimitedAndPassesUnchanged() throws IOException {
        for (String xml : new String[] {
            "<a>" + LONG + "</a>",
            "<a b='>'>" + LONG + "</a>",
            "<a b=\">\">" + LONG + "</a>",
            "<!-- it's -->" + LONG + "<b/>",
            "<!---->" + LONG,
            "<![CDATA[a>b]]>" + LONG,
            "<?pi a>b?>" + LONG,
            "<!DOCTYPE r>" + LONG,
            "<>" + LONG,
        }) {
            assertThat(pass(xml)).as(xml).isEqualTo(xml);
        }
    }

    @Test
    void eachKindOfMarkupLongerThanTheLimitIsStopped() {
        for (String xml : new String[] {
            "<a b='" + LONG + "'/>",
            "<a b='>" + LONG + "'/>",
            "<a b=\"'" + LONG + "\"/>",
            "<" + LONG + ">",
            "<!--" + LONG + "-->",
            "<!-- -- > " + LONG + "-->",
            "<![CDATA[" + LONG + "]]>",
            "<![CDATA[ ]> ]]" + LONG + "]]>",
            "<?pi " + LONG + "?>",
            "<?pi > " + LONG + "?>",
            "<!DOCTYPE " + LONG + ">",
        }) {
            assertThatThrownBy(() -> pass(xml)).as(xml).isInstanceOf(XmlMarkupLimit.MarkupTooLongException.class)
                    .hasMessageContaining("longer than " + LIMIT);
        }
    }

    @Test
    void theLimitCountsFromTheStartOfEachPieceOfMarkup() throws IOException {
        String exactly = "<a b='01234567890'/>";
        assertThat(exactly).hasSize(LIMIT);
        assertThat(pass(exactly.repeat(50))).isEqualTo(exactly.repeat(50));
        assertThatThrownBy(() -> pass("<a b='012345678901'/>")).isInstanceOf(XmlMarkupLimit.MarkupTooLongException.class);
        String comment = "<!--" + "c".repeat(LIMIT - 7) + "-->";
        assertThat(comment).hasSize(LIMIT);
        assertThat(pass(comment + "<b/>")).isEqualTo(comment + "<b/>");
    }
}
