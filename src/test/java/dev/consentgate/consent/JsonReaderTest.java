package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValue() {
        Object v = JsonReader.parse(" {\"s\":\"a\\\"\\u00e9\\n\",\"n\":-1.5e3,\"t\":true,\"f\":false,\"z\":null,"
                + "\"a\":[1,[],{}]} ");
        Map<?, ?> map = (Map<?, ?>) v;
        assertEquals("a\"é\n", map.get("s"));
        assertEquals(new JsonReader.Num("-1.5e3"), map.get("n"));
        assertEquals(Boolean.TRUE, map.get("t"));
        assertEquals(Boolean.FALSE, map.get("f"));
        assertEquals(JsonReader.NULL, map.get("z"));
        assertEquals(List.of(new JsonReader.Num("1"), List.of(), Map.of()), map.get("a"));
    }

    @Test
    void isStrict() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "{a:1}", "01", "1.", "-", "tru",
                "\"\\x\"", "\"a\nb\"", "{\"a\":1,\"a\":1}", "[1] [2]", "\"\\u12\"", "{\"a\" 1}", "NaN")) {
            assertThrows(MalformedValue.class, () -> JsonReader.parse(bad), bad);
        }
    }

    @Test
    void boundsNesting() {
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        JsonReader.parse(ok);
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThrows(MalformedValue.class, () -> JsonReader.parse(deep));
    }
}
