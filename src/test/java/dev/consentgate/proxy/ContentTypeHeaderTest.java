package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.consentgate.proxy.ContentTypeHeader.MediaType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Content-Type lines read as a browser reads them (Fetch's "extract a MIME type"). */
class ContentTypeHeaderTest {

    private static Optional<MediaType> extract(String... lines) {
        return ContentTypeHeader.extract(List.of(lines));
    }

    @Test
    void theTypeIsLowerCasedAndTheCharsetKeptAsWritten() {
        assertEquals(Optional.of(new MediaType("text/html", "UTF-8")), extract(" Text/HTML ;Charset=\"UTF-8\""));
        assertEquals(Optional.of(new MediaType("application/xhtml+xml", null)), extract("application/xhtml+xml"));
    }

    @Test
    void valuesThatAreNoTypeLeaveNone() {
        for (String value : List.of("", "text", "/html", "text/", "te xt/html", "*/*", "t\u00e9xt/html",
                "text/ html", "text /html", "(text/html)", "text/(html)")) {
            assertEquals(Optional.empty(), extract(value), value);
        }
        assertEquals(Optional.empty(), extract());
    }

    @Test
    void theTypeEndsAtTheFirstSpaceTabSemicolonOrParenthesis() {
        // Before (found by a review): each of these was no type, so a text/plain before it won; Chromium renders
        // them as HTML.
        for (String value : List.of("text/html garbage", "text/html\tx", "text/html(utf-8)", "text/html (x)",
                "TEXT/HTML junk; charset=x")) {
            assertEquals("text/html", extract("text/plain", value).orElseThrow().essence(), value);
        }
        assertEquals("text/ht", extract("text/ht ml").orElseThrow().essence());
        // Before (found by a review): the charset after the junk was not read, and the page was sniffed instead.
        assertEquals(new MediaType("text/html", "utf-16le"), extract("text/html (x); charset=utf-16le").orElseThrow());
        assertEquals(new MediaType("text/html", "utf-16le"), extract("text/html(a;b); charset=utf-16le").orElseThrow());
    }

    @Test
    void theLastTypeOfAllLinesAndCommasWins() {
        assertEquals("text/html", extract("text/plain", "text/html").orElseThrow().essence());
        assertEquals("text/html", extract("text/plain, text/html").orElseThrow().essence());
        assertEquals("text/plain", extract("text/html, text/plain").orElseThrow().essence());
        // a value that is no type is skipped
        assertEquals("text/html", extract("text/html, */*", "nonsense").orElseThrow().essence());
        // a comma inside a quoted parameter splits nothing
        assertEquals(new MediaType("text/html", "utf-8"), extract("text/html; a=\"x, text/plain\"; charset=utf-8")
                .orElseThrow());
    }

    @Test
    void aCharsetCarriesOverOnlyToALaterValueOfTheSameType() {
        assertEquals("utf-16le", extract("text/html; charset=utf-16le", "text/html").orElseThrow().charset());
        assertNull(extract("text/plain; charset=utf-16le", "text/html").orElseThrow().charset());
        assertEquals("utf-8", extract("text/html; charset=utf-16le", "text/html; charset=utf-8").orElseThrow()
                .charset());
        // the carried charset is the first one of the type, not the last value's
        assertEquals("utf-16le", extract("text/html; charset=utf-16le", "text/html; charset=utf-8", "text/html")
                .orElseThrow().charset());
    }

    @Test
    void theFirstValidCharsetParameterCounts() {
        assertEquals("utf-16le", ContentTypeHeader.parse("text/html; charset=; charset=utf-16le").charset());
        assertEquals("utf-16le", ContentTypeHeader.parse("text/html; foo=\"a;charset=utf-8\"; charset=utf-16le")
                .charset());
        assertEquals("latin1", ContentTypeHeader.parse("text/html; charset=latin1; charset=utf-16le").charset());
        // spaces around '=' make another name, as in a browser
        assertNull(ContentTypeHeader.parse("text/html; charset = utf-16le").charset());
        // a quoted value ends at its quote; escapes are undone
        assertEquals("utf-8", ContentTypeHeader.parse("text/html; charset=\"utf-8\" junk").charset());
        assertEquals("a\"b", ContentTypeHeader.parse("text/html; charset=\"a\\\"b\"").charset());
        // an empty quoted value is a charset, which names no encoding
        assertEquals("", ContentTypeHeader.parse("text/html; charset=\"\"; charset=utf-16le").charset());
    }
}
