package dev.consentgate.html;

/**
 * Whether the code just before a URL in a script loads it: a src set to it ({@code img.src = "...},
 * {@code src=\"...} written into markup, {@code setAttribute("src", "...")}, {@code {src: "..."}}), or a module or
 * worker script imported from it. Read backwards from the URL's first byte, within its statement, as far as
 * {@link #LOOKBACK} bytes.
 */
final class SrcAssignments {

    /** How far back the '=' of a src assignment may be from the URL it sets. */
    private static final int MAX_LOOKBACK = 64;
    /** Spaces read between the quoted "src" and the comma of {@code setAttribute("src" , ...)}. */
    private static final int MAX_SPACES_BEFORE_COMMA = 8;
    /** How far back before a URL's first byte this reads. */
    static final int LOOKBACK = MAX_LOOKBACK + MAX_SPACES_BEFORE_COMMA + 8;

    /**
     * Bytes that end a statement or a markup tag, and the slash (no src assignment has one between its "=" and the
     * URL, and a run of slashes would otherwise make every "//" look back the whole way): an assignment before them
     * is not the URL's.
     */
    private static final boolean[] STATEMENT_END = new boolean[256];

    static {
        for (char c : ";{},<>/\n".toCharArray()) {
            STATEMENT_END[c] = true;
        }
    }

    private SrcAssignments() {
    }

    /**
     * Whether the URL whose first byte (scheme, slashes or host) follows {@code a[k]} is what a src is set to: the
     * nearest '=' before it, within the same statement, follows "src" ({@code img.src = "...}, {@code src=\"...}
     * written into markup, {@code data-src}), with only the rest of the string's start (scheme, quotes, escapes)
     * or a concatenation ({@code ' + proto + '}) between.
     */
    static boolean loads(ScriptBytesBehind behind, byte[] a, int from, int k) {
        for (int n = 0; n < MAX_LOOKBACK; n++, k--) {
            int c = behind.at(a, from, k);
            if (isJsSpace(c)) {
                // spacing right after '=' or ',', a line break included ("frame.src =\n  'https://...'")
                int j = k;
                for (int s = 0; s < MAX_SPACES_BEFORE_COMMA && isJsSpace(behind.at(a, from, j)); s++) {
                    j--;
                }
                int before = behind.at(a, from, j);
                if (before == '=' || before == ',') {
                    k = j + 1;
                    continue;
                }
            }
            if (c == ',') {
                return srcArgumentBefore(behind, a, from, k - 1);
            }
            if (c < 0 || STATEMENT_END[c]) {
                return false;
            }
            // a colon followed by the value's quote or spacing, not a scheme's ("https:")
            int next = behind.at(a, from, k + 1);
            boolean propertyColon = c == ':' && (next == '"' || next == '\'' || next == '`' || isJsSpace(next));
            if (c == '=' || propertyColon) {
                // any spacing a formatter leaves before '=' ("frame.src    =", a tab); src set as a property
                // (f.src =, f["src"] =) or given in an object ({src: "..."}, Object.assign, jQuery's attributes)
                for (int s = 0; s < MAX_SPACES_BEFORE_COMMA && isJsSpace(behind.at(a, from, k - 1)); s++) {
                    k--;
                }
                int end = k - 1;
                if (c == '=' && behind.at(a, from, end) == ']') {
                    end--;
                }
                int quote = behind.at(a, from, end);
                if (quote == '"' || quote == '\'') {
                    if (c == ':') {
                        // a quoted key ("src": ...) is data, such as a playlist's JSON, more often than a load
                        return false;
                    }
                    end--;
                }
                return (behind.at(a, from, end) | 0x20) == 'c' && (behind.at(a, from, end - 1) | 0x20) == 'r'
                        && (behind.at(a, from, end - 2) | 0x20) == 's';
            }
            if (c == '(') {
                // import("https://...") and a worker's importScripts("https://...") load what they name
                return endsWithName(behind, a, from, k - 1, "import") || endsWithName(behind, a, from, k - 1, "importScripts");
            }

        }
        return false;
    }

    /** Whether the name {@code name} ends at {@code a[k]}, not as the tail of a longer one. */
    private static boolean endsWithName(ScriptBytesBehind behind, byte[] a, int from, int k, String name) {
        for (int i = 0; i < name.length(); i++) {
            if (behind.at(a, from, k - i) != name.charAt(name.length() - 1 - i)) {
                return false;
            }
        }
        int before = behind.at(a, from, k - name.length());
        return !(before >= 'a' && before <= 'z' || before >= 'A' && before <= 'Z' || before >= '0' && before <= '9'
                || before == '_' || before == '$');
    }

    /**
     * Whether the argument that ends at {@code a[k]} (spaces aside) is the quoted name of a src attribute: the
     * {@code setAttribute("src", "...")} that points a created iframe or script at the URL after the comma.
     */
    private static boolean srcArgumentBefore(ScriptBytesBehind behind, byte[] a, int from, int k) {
        for (int n = 0; n < MAX_SPACES_BEFORE_COMMA && isJsSpace(behind.at(a, from, k)); n++) {
            k--;
        }
        int quote = behind.at(a, from, k);
        if (quote != '"' && quote != '\'') {
            return false;
        }
        return (behind.at(a, from, k - 1) | 0x20) == 'c' && (behind.at(a, from, k - 2) | 0x20) == 'r'
                && (behind.at(a, from, k - 3) | 0x20) == 's';
    }

    private static boolean isJsSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
