package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;

import java.util.ArrayList;
import java.util.List;

/**
 * The Refresh response header: a browser loads its URL in the page's place after the delay, as it does for the
 * {@code <meta http-equiv=refresh>} it stands for (HTML Standard, "shared declarative refresh steps"), so it is judged
 * like that element.
 */
public final class RefreshHeaders {

    private RefreshHeaders() {
    }

    /**
     * Whether the consent allows what these Refresh lines load: each line on its own, and (when there are several)
     * the lines joined with commas, as browsers join a repeated field; false when any of them loads a URL the consent
     * does not allow, which {@code listener} is told of (line 0: a header has no line in the page).
     */
    public static boolean allowed(List<String> lines, TagPolicy policy, ConsentDecision consent, PageSite site,
                                  RewriteListener listener) {
        ElementJudge judge = ElementJudge.forHeaderValues(policy, consent, site);
        List<String> readings = new ArrayList<>(lines);
        if (lines.size() > 1) {
            readings.add(String.join(", ", lines));
        }
        for (String content : readings) {
            ElementJudge.Verdict blocked = judge.judgeRefresh(content);
            if (blocked != null) {
                listener.onAction(new RewriteEvent(0, "Refresh header", blocked.host(), blocked.rule().category(),
                        blocked.rule().id(), RewriteEvent.Action.REMOVED));
                return false;
            }
        }
        return true;
    }
}
