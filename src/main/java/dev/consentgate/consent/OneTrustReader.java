package dev.consentgate.consent;

import java.util.Map;
import java.util.Optional;

/**
 * OneTrust's {@code OptanonConsent}: a URL-encoded query string whose {@code groups} field lists
 * {@code GROUP:0|1} pairs, e.g. {@code C0001:1,C0002:1,C0003:0,C0004:0} (old banners use numeric ids, "2:1").
 * Groups map to categories through the configured group map; unmapped groups (stacks, SDK groups) are ignored.
 * With {@code interactionCount=0} the visitor has not used the banner yet and the groups are the banner's defaults
 * (every group on where the site configured implied consent), so the cookie is read as no answer. Scripts that
 * write no {@code interactionCount} (6.x and some later releases) also write the defaults on the first page view;
 * their groups are an answer only beside {@code OptanonAlertBoxClosed}, which they set when the banner is closed.
 * With {@code AwaitingReconsent=true} the site has asked for consent again: the groups are an outdated answer.
 */
final class OneTrustReader extends SingleCookieReader {

    static final String COOKIE = "OptanonConsent";
    /** Set by OneTrust when the visitor closes its banner (accepting, refusing or saving choices). */
    static final String ALERT_BOX_CLOSED = "OptanonAlertBoxClosed";
    private static final int MAX_GROUPS = 256;

    private final Map<String, String> groupMap;

    OneTrustReader(Map<String, String> groupMap) {
        super("onetrust", COOKIE, MAX_COOKIE_LENGTH);
        this.groupMap = Map.copyOf(groupMap);
    }

    @Override
    SourceResult parse(String value, ConsentInput input) {
        Map<String, String> fields = QueryString.parse(value);
        SourceResult groups = groups(fields);
        if (groups instanceof SourceResult.Present && !fields.containsKey("interactionCount")
                && input.cookie(ALERT_BOX_CLOSED).isEmpty()) {
            // a script that counts no interactions writes the banner's defaults on the first page view; that the
            // visitor answered shows only in the cookie it sets when its banner is closed
            return SourceResult.ABSENT;
        }
        return groups;
    }

    @Override
    SourceResult parse(String value) {
        return groups(QueryString.parse(value));
    }

    private SourceResult groups(Map<String, String> fields) {
        if ("0".equals(fields.get("interactionCount"))) {
            return SourceResult.ABSENT;
        }
        String groups = fields.get("groups");
        if (groups == null) {
            return new SourceResult.Malformed("no groups field");
        }
        CategoryVotes votes = new CategoryVotes(groupMap);
        if (!groups.isEmpty()) {
            String[] pairs = groups.split(",", MAX_GROUPS + 1);
            if (pairs.length > MAX_GROUPS) {
                return new SourceResult.Malformed("too many groups");
            }
            for (String pair : pairs) {
                int colon = pair.indexOf(':');
                if (colon <= 0 || colon != pair.length() - 2) {
                    return new SourceResult.Malformed("group is not ID:0 or ID:1");
                }
                char flag = pair.charAt(colon + 1);
                if (flag != '0' && flag != '1') {
                    return new SourceResult.Malformed("group is not ID:0 or ID:1");
                }
                votes.vote(pair.substring(0, colon), flag == '1');
            }
        }
        if ("true".equals(fields.get("AwaitingReconsent"))) {
            // the site asked for consent again in OneTrust: the groups answer its older policy
            return SourceResult.Present.outdated(votes.granted());
        }
        return new SourceResult.Present(votes.granted(), Optional.empty());
    }
}
