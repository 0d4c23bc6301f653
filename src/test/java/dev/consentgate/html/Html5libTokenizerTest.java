package dev.consentgate.html;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The html5lib tokenizer conformance tests (../shared/corpus/html5lib-tokenizer), for the states the rewriter
 * relies on: data, tag open and names, attributes, comments and bogus comments, RCDATA/RAWTEXT end tags and script
 * data with its escapes, CDATA sections (read in SVG and MathML). Skipped: the PLAINTEXT initial state (never
 * entered by the rewriter),
 * DOCTYPE tokens (a doctype is read as a bogus comment, which ends at the same byte) and inputs with named
 * character references outside the decoder's table (no named reference spells a letter or digit of a URL).
 */
class Html5libTokenizerTest {

    private static final Logger LOG = LoggerFactory.getLogger(Html5libTokenizerTest.class);
    private static final Pattern NAMED_REF = Pattern.compile("&([A-Za-z][A-Za-z0-9]*)(;?)");

    @Test
    @SuppressWarnings("unchecked")
    void tokenizerMatchesHtml5libForTheStatesTheRewriterUses() throws IOException {
        Path dir = Corpus.dir("html5lib-tokenizer");
        Map<String, Integer> skipped = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int run = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        for (Path file : files) {
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(file));
            List<Map<String, Object>> tests = (List<Map<String, Object>>) root.getOrDefault("tests", List.of());
            for (Map<String, Object> test : tests) {
                boolean dbl = Boolean.TRUE.equals(test.get("doubleEscaped"));
                String input = unescape((String) test.get("input"), dbl);
                List<Object> expected = (List<Object>) unescapeAll(test.get("output"), dbl);
                List<String> states = (List<String>) test.getOrDefault("initialStates", List.of("Data state"));
                String reason = skipReason(input, expected);
                for (String state : states) {
                    String why = reason != null ? reason : stateSkip(state);
                    if (why != null) {
                        skipped.merge(why, 1, Integer::sum);
                        continue;
                    }
                    run++;
                    List<List<Object>> actual = tokenize(input, state, (String) test.get("lastStartTag"));
                    if (!normalizeExpected(expected).equals(actual)) {
                        failures.add(visible(file.getFileName() + " / " + test.get("description") + " [" + state
                                + "]\n  in: " + input + "\n  expected: " + expected + "\n  actual:   " + actual));
                    }
                }
            }
        }
        LOG.warn("html5lib tokenizer tests: {} run, {} passed; skipped {}", run, run - failures.size(), skipped);
        assertTrue(run > 1000, "ran " + run);
        assertEquals(List.of(), failures.stream().limit(30).toList(), failures.size() + " of " + run + " failed");
    }

    private static String stateSkip(String state) {
        return switch (state) {
            case "Data state", "RCDATA state", "RAWTEXT state", "Script data state", "CDATA section state" -> null;
            default -> "initial state " + state;
        };
    }

    @SuppressWarnings("unchecked")
    private static String skipReason(String input, List<Object> expected) {
        for (Object token : expected) {
            if ("DOCTYPE".equals(((List<Object>) token).get(0))) {
                return "DOCTYPE token";
            }
        }
        for (char c : input.toCharArray()) {
            if (Character.isSurrogate(c) && !input.codePoints().allMatch(cp -> cp < 0xD800 || cp > 0xDFFF)) {
                return "lone surrogate (not representable in bytes)";
            }
        }
        Matcher m = NAMED_REF.matcher(input);
        while (m.find()) {
            if (!(CharRefs.knows(m.group(1)) && m.group(2).equals(";"))) {
                return "named reference outside the table";
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> normalizeExpected(List<Object> expected) {
        List<List<Object>> out = new ArrayList<>();
        for (Object o : expected) {
            List<Object> t = new ArrayList<>((List<Object>) o);
            if (t.get(0).equals("StartTag")) {
                Map<String, Object> attrs = new LinkedHashMap<>((Map<String, Object>) t.get(2));
                t.set(2, new TreeMap<>(attrs));
                if (t.size() == 4 && Boolean.FALSE.equals(t.get(3))) {
                    t.remove(3);
                }
            }
            if (t.get(0).equals("Character") && !out.isEmpty() && out.get(out.size() - 1).get(0).equals("Character")) {
                List<Object> prev = out.get(out.size() - 1);
                prev.set(1, prev.get(1) + (String) t.get(1));
                continue;
            }
            out.add(t);
        }
        return out;
    }

    /** Runs the tokenizer and turns what it reports into html5lib tokens. */
    static List<List<Object>> tokenize(String input, String state, String lastStartTag) {
        String normalized = input.replace("\r\n", "\n").replace('\r', '\n');
        byte[] bytes = normalized.getBytes(StandardCharsets.UTF_8);
        List<List<Object>> tokens = new ArrayList<>();
        long[] textFrom = {0};
        int initial = switch (state) {
            case "RCDATA state", "RAWTEXT state" -> HtmlTokenizer.RAW;
            case "Script data state" -> HtmlTokenizer.SCRIPT;
            case "CDATA section state" -> HtmlTokenizer.CDATA_SECTION;
            default -> HtmlTokenizer.DATA;
        };
        boolean cdata = state.equals("CDATA section state");
        // the data state follows a CDATA section, with its references
        boolean[] decodeText = {state.equals("Data state") || state.equals("RCDATA state")};
        boolean nulToReplacement = !state.equals("Data state") && !cdata;
        HtmlTokenizer.Sink sink = new HtmlTokenizer.Sink() {
            private void text(long upTo) {
                if (upTo > textFrom[0]) {
                    String s = new String(bytes, (int) textFrom[0], (int) (upTo - textFrom[0]), StandardCharsets.UTF_8);
                    if (decodeText[0]) {
                        s = CharRefs.decode(s, false);
                    }
                    if (nulToReplacement) {
                        s = s.replace('\0', '\uFFFD');
                    }
                    addText(tokens, s);
                }
            }

            @Override
            public boolean captureTag(TagToken tag) {
                return true;
            }

            @Override
            public void tagOverflow(TagToken tag) {
                throw new AssertionError("no test tag is that long");
            }

            @Override
            public boolean startTag(TagToken tag) {
                text(tag.start);
                textFrom[0] = tag.end;
                Map<String, Object> attrs = new TreeMap<>();
                Map<String, Object> firstWins = new LinkedHashMap<>();
                for (int k = 0; k < tag.attrCount; k++) {
                    String name = lowerAscii(new String(tag.bytes(), tag.offset() + tag.nameStart[k],
                            tag.nameEnd[k] - tag.nameStart[k], StandardCharsets.UTF_8)).replace('\0', '\uFFFD');
                    String value = tag.valueStart[k] < 0 ? "" : CharRefs.decode(new String(tag.bytes(),
                            tag.offset() + tag.valueStart[k], tag.valueEnd[k] - tag.valueStart[k],
                            StandardCharsets.UTF_8), true).replace('\0', '\uFFFD');
                    firstWins.putIfAbsent(name, value);
                }
                attrs.putAll(firstWins);
                List<Object> t = new ArrayList<>(List.of("StartTag", tagName(tag), attrs));
                if (tag.selfClosing) {
                    t.add(true);
                }
                tokens.add(t);
                return false;
            }

            @Override
            public void endTag(TagToken tag) {
                text(tag.start);
                textFrom[0] = tag.end;
                tokens.add(new ArrayList<>(List.of("EndTag", tagName(tag))));
            }

            @Override
            public void rawText(byte[] a, int from, int to) {
            }

            @Override
            public void rawTextEnd(long endTagStart) {
                // only a CDATA section's text is asked for here: its "]]>" is no text
                if (cdata) {
                    text(endTagStart);
                    textFrom[0] = Math.min(bytes.length, endTagStart + 3);
                    decodeText[0] = true;
                }
            }

            @Override
            public void comment(long start, long end, long dataStart, long dataEnd, boolean bogus) {
                text(start);
                textFrom[0] = end;
                String data = new String(bytes, (int) dataStart, (int) Math.max(0, dataEnd - dataStart),
                        StandardCharsets.UTF_8);
                tokens.add(new ArrayList<>(List.of("Comment", data.replace('\0', '\uFFFD'))));
            }

            @Override
            public void ignored(long start, long end) {
                text(start);
                textFrom[0] = end;
            }
        };
        HtmlTokenizer tokenizer = new HtmlTokenizer(sink, 1 << 20);
        tokenizer.standalone(initial, lastStartTag);
        tokenizer.scan(bytes, 0, bytes.length, 0);
        tokenizer.end(bytes.length);
        if (textFrom[0] < bytes.length) {
            String s = new String(bytes, (int) textFrom[0], bytes.length - (int) textFrom[0], StandardCharsets.UTF_8);
            s = decodeText[0] ? CharRefs.decode(s, false) : s;
            addText(tokens, nulToReplacement ? s.replace('\0', '\uFFFD') : s);
        }
        return tokens;
    }

    private static String tagName(TagToken tag) {
        return new String(tag.name, 0, Math.min(tag.nameLen, TagToken.MAX_NAME), StandardCharsets.UTF_8)
                .replace('\0', '\uFFFD');
    }

    private static void addText(List<List<Object>> tokens, String s) {
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).get(0).equals("Character")) {
            List<Object> prev = tokens.get(tokens.size() - 1);
            prev.set(1, prev.get(1) + s);
        } else {
            tokens.add(new ArrayList<>(List.of("Character", s)));
        }
    }

    private static String lowerAscii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }

    private static Object unescapeAll(Object o, boolean dbl) {
        if (!dbl) {
            return o;
        }
        if (o instanceof String s) {
            return unescape(s, true);
        }
        if (o instanceof List<?> l) {
            return l.stream().map(x -> unescapeAll(x, true)).toList();
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> r = new LinkedHashMap<>();
            m.forEach((k, v) -> r.put(unescapeAll(k, true), unescapeAll(v, true)));
            return r;
        }
        return o;
    }

    /** Tests marked doubleEscaped spell some characters as \\uXXXX. */
    private static String unescape(String s, boolean dbl) {
        if (!dbl || s == null) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\' && i + 5 < s.length() + 0 + 1 && s.charAt(i + 1) == 'u') {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    private static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 && c != '\n' || Character.isSurrogate(c) || c == 0xFFFD ? String.format("\\u%04X", (int) c)
                    : String.valueOf(c));
        }
        return sb.toString();
    }
}
