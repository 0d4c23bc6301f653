package dev.consentgate.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestCookiesTest {

    @Test
    void splitsOneHeaderIntoCookiesInOrder() {
        assertEquals(List.of(new RequestCookie("a", "1", "a=1"), new RequestCookie("b", "2", "b=2")),
                RequestCookies.parse(List.of("a=1; b=2")));
    }

    @Test
    void keepsOrderAcrossSeveralHeaders() {
        List<RequestCookie> cookies = RequestCookies.parse(List.of("a=1", "b=2; c=3"));
        assertEquals(List.of("a", "b", "c"), cookies.stream().map(RequestCookie::name).toList());
    }

    @Test
    void trimsWhitespaceAroundNameAndValueButKeepsItInsideRaw() {
        assertEquals(List.of(new RequestCookie("a", "1", "a = 1")), RequestCookies.parse(List.of(" \ta = 1\t ")));
    }

    @Test
    void commaBelongsToTheValue() {
        assertEquals(List.of(new RequestCookie("z", "y, a=b", "z=y, a=b")), RequestCookies.parse(List.of("z=y, a=b")));
    }

    @Test
    void pieceWithoutEqualsIsNamelessCookie() {
        assertEquals(List.of(new RequestCookie("", "foo", "foo"), new RequestCookie("b", "2", "b=2")),
                RequestCookies.parse(List.of("foo; b=2")));
    }

    @Test
    void emptyPiecesAreNoCookies() {
        assertEquals(List.of("a", "b"),
                RequestCookies.parse(List.of(";; a=1;;  ; b=2;")).stream().map(RequestCookie::name).toList());
    }

    @Test
    void emptyValueAndEmptyName() {
        assertEquals(List.of(new RequestCookie("a", "", "a="), new RequestCookie("", "x", "=x")),
                RequestCookies.parse(List.of("a=; =x")));
    }

    @Test
    void quotedValueKeepsItsQuotes() {
        assertEquals("\"q v\"", RequestCookies.parse(List.of("a=\"q v\"")).get(0).value());
    }

    @Test
    void onlyTheFirstEqualsSeparatesNameFromValue() {
        assertEquals(new RequestCookie("a", "b=c==", "a=b=c=="), RequestCookies.parse(List.of("a=b=c==")).get(0));
    }

    @Test
    void nonAsciiBytesPassThroughUnchanged() {
        String latin1 = "n\u00e6me=v\u00ff\u0001";
        assertEquals(List.of(new RequestCookie("n\u00e6me", "v\u00ff\u0001", latin1)),
                RequestCookies.parse(List.of(latin1)));
    }

    @Test
    void nullAndEmptyHeadersYieldNothing() {
        assertTrue(RequestCookies.parse(Arrays.asList(null, "", "   ", ";")).isEmpty());
    }

    @Test
    void byNameGroupsValuesInOrderOfAppearance() {
        Map<String, List<String>> byName = RequestCookies.byName(RequestCookies.parse(List.of("a=1; b=2", "a=3")));
        assertEquals(Map.of("a", List.of("1", "3"), "b", List.of("2")), byName);
        assertEquals(List.of("a", "b"), List.copyOf(byName.keySet()));
    }
}
