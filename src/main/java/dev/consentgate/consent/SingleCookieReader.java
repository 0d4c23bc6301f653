package dev.consentgate.consent;

import java.util.List;

/**
 * A source recorded in one cookie. Handles what every such source shares: absent, duplicated copies that
 * disagree, oversized values, and turning any failure of the parser into {@link SourceResult.Malformed}.
 */
abstract class SingleCookieReader implements ConsentReader {

    /** Browsers cap a cookie at 4096 bytes of name and value; anything longer did not come from a CMP. */
    static final int MAX_COOKIE_LENGTH = 4096;

    private final String id;
    private final String cookieName;
    private final int maxLength;

    SingleCookieReader(String id, String cookieName, int maxLength) {
        this.id = id;
        this.cookieName = cookieName;
        this.maxLength = maxLength;
    }

    @Override
    public final String id() {
        return id;
    }

    String cookieName() {
        return cookieName;
    }

    @Override
    public final SourceResult read(ConsentInput input) {
        try {
            List<String> values = input.cookie(cookieName);
            if (values.isEmpty()) {
                return SourceResult.ABSENT;
            }
            String first = values.get(0);
            for (String value : values) {
                if (value == null || value.length() > maxLength) {
                    return new SourceResult.Malformed("oversized value");
                }
                if (!value.equals(first)) {
                    return new SourceResult.Malformed("duplicate cookies that disagree");
                }
            }
            return parse(first, input);
        } catch (MalformedValue e) {
            return new SourceResult.Malformed(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug must not take a request down; the value counts as unreadable.
            return new SourceResult.Malformed("unreadable value (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Parses one value; throws {@link MalformedValue} (or anything else) when it cannot be read. */
    abstract SourceResult parse(String value);

    /** Parses one value, for a reader that also needs the rest of the request; by default the value alone. */
    SourceResult parse(String value, ConsentInput input) {
        return parse(value);
    }
}
