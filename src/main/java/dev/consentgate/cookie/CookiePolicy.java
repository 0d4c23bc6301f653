package dev.consentgate.cookie;

import dev.consentgate.config.CookieRule;
import dev.consentgate.consent.ConsentDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Enforces consent on cookies in both directions: filters Cookie headers, judges Set-Cookie fields one by one,
 * and writes deletions for cookies a visitor withdrew. Pure: strings in, strings out, time from the injected clock.
 *
 * <p>Decisions on the edge cases (details in {@link RequestCookies}, {@link SetCookieField}, {@link LifetimeCap},
 * {@link CookieDeletion} and {@link CookieClassifier}):
 * <ul>
 *   <li>Request: each Cookie header value is filtered on its own. Kept pieces are copied byte for byte, in order,
 *       joined by "; "; a header from which nothing was removed is returned as the same String; a header left
 *       without any cookie (also one that had none, such as "" or ";") is omitted. A piece without '=' is the
 *       nameless cookie "", undeclared.</li>
 *   <li>Set-Cookie name: the text before the first '=' of the part before the first ';', SP/HTAB-trimmed. No '='
 *       there ("foo", "foo;bar=baz"): the empty name, as browsers give it; judged as undeclared.</li>
 *   <li>{@code __Secure-} / {@code __Host-} / {@code __Http-} / {@code __Host-Http-} in any case are stripped
 *       for classification only; the field and any deletion keep the name as sent.</li>
 *   <li>Attribute names are case-insensitive ("max-age", "EXPIRES"); whitespace around names and values is
 *       allowed and kept when a value is rewritten.</li>
 *   <li>Domain and Path attributes (the last non-empty Domain, read as the domain Chromium stores, see
 *       {@link CookieDomain}; the last Path starting with '/') narrow the rule lookup; without them, or with a Domain
 *       the gateway cannot read so, the lookup is fail-closed as {@link CookieClassifier} describes.</li>
 *   <li>Lifetime, when the cookie is granted and its rule declares a retention: every Max-Age and every Expires
 *       is capped, not only the last one browsers use. Max-Age: an integer at most the cap stays (0 and negatives
 *       are deletions and stay); larger, overflowing, empty or non-numeric values become the cap in seconds.
 *       Expires: a readable date no later than start + cap stays (past dates are deletions and stay); later or
 *       unreadable ones become start + cap as IMF-fixdate, where start is now or the response's Date when that
 *       is earlier (browsers read an Expires against the Date). No lifetime attribute: a session cookie,
 *       unchanged.</li>
 *   <li>Comma-joined fields ("a=1; Path=/, b=2; Path=/") are never split; they pass only when the first name and
 *       every name a comma-splitting reader could see are allowed, and the shortest declared retention among
 *       them caps every Max-Age and Expires in the field. A comma inside a value followed by "x=" counts as a
 *       join too (fail closed).</li>
 *   <li>Empty and quoted values, and any byte outside the rewritten values (fields arrive as ISO-8859-1 Strings,
 *       one char per byte, non-ASCII and control bytes included), pass unchanged.</li>
 *   <li>Withdrawal: deletions of each distinct removed name in every scope the browser may hold it in, its
 *       partition included, except the scopes a field the response keeps sets again ({@link #deletions}).
 *       Set-Cookie2 is the caller's to drop.</li>
 * </ul>
 * Nothing here throws on hostile header values.
 */
public final class CookiePolicy {

    private final CookieClassifier classifier;
    private final Clock clock;

    public CookiePolicy(CookieClassifier classifier, Clock clock) {
        this.classifier = classifier;
        this.clock = clock;
    }

    /**
     * The request's cookies after filtering.
     *
     * @param headers Cookie header values to send upstream, in order (possibly fewer than came in)
     * @param kept    cookies that stay, in order
     * @param removed cookies that were removed, in order (for {@link #deletions})
     */
    public record RequestFilter(List<String> headers, List<RequestCookie> kept, List<RequestCookie> removed) {
    }

    /**
     * Request side. Filters each Cookie header value separately: kept cookies byte-for-byte and in order, a header
     * with nothing removed is returned as the identical String, a header left empty is omitted.
     */
    public RequestFilter filterRequest(List<String> cookieHeaderValues, ConsentDecision consent) {
        List<String> headers = new ArrayList<>(cookieHeaderValues.size());
        List<RequestCookie> kept = new ArrayList<>();
        List<RequestCookie> removed = new ArrayList<>();
        List<RequestCookie> pieces = new ArrayList<>();
        for (String header : cookieHeaderValues) {
            pieces.clear();
            RequestCookies.parseHeader(header, pieces);
            List<String> keptRaw = new ArrayList<>(pieces.size());
            boolean cut = false;
            for (RequestCookie cookie : pieces) {
                if (classifier.allows(cookie.name(), consent)) {
                    RequestCookie sent = withoutHiddenPairsRefused(cookie, consent);
                    cut |= sent != cookie;
                    kept.add(sent);
                    keptRaw.add(sent.raw());
                } else {
                    removed.add(cookie);
                }
            }
            if (keptRaw.size() == pieces.size() && !pieces.isEmpty() && !cut) {
                headers.add(header);
            } else if (!keptRaw.isEmpty()) {
                headers.add(String.join("; ", keptRaw));
            }
        }
        return new RequestFilter(Collections.unmodifiableList(headers), Collections.unmodifiableList(kept),
                Collections.unmodifiableList(removed));
    }

    /**
     * The cookie cut before the first cookie hidden in its value ({@code JSESSIONID=abc, _ga=1}) that the consent
     * does not allow, for the upstreams whose readers split on ',' or spaces; the cookie itself when there is none.
     */
    private RequestCookie withoutHiddenPairsRefused(RequestCookie cookie, ConsentDecision consent) {
        for (Map.Entry<String, Integer> hidden : RequestCookies.hiddenPairs(cookie)) {
            if (!classifier.allows(hidden.getKey(), consent)) {
                String raw = cookie.raw().substring(0, hidden.getValue());
                int eq = raw.indexOf('=');
                return new RequestCookie(cookie.name(), CookieSyntax.trimmed(raw, eq + 1, raw.length()), raw);
            }
        }
        return cookie;
    }

    /**
     * Response side, one Set-Cookie field value. Empty = drop the field. Granted with declared retention: Max-Age
     * and Expires capped (Expires to now+retention as IMF-fixdate; an Expires that cannot be parsed is replaced
     * by the capped date; session cookies stay session cookies); every other byte unchanged.
     */
    public Optional<String> enforceSetCookie(String fieldValue, ConsentDecision consent) {
        Instant now = clock.instant();
        return enforceSetCookie(fieldValue, consent, now, now);
    }

    /**
     * As above, with Expires capped from {@code capFrom} rather than now: a browser that reads the response's Date
     * header moves every Expires by its distance from its own clock ({@link #capStart}); and a Max-Age written beside
     * an Expires counting from {@code expiresReadFrom} (see {@link LifetimeCap}).
     */
    private Optional<String> enforceSetCookie(String fieldValue, ConsentDecision consent, Instant capFrom,
                                              Instant expiresReadFrom) {
        if (fieldValue == null) {
            return Optional.empty();
        }
        SetCookieField field = SetCookieField.parse(fieldValue);
        CookieClassifier.Classification first = classifier.classify(field.name(), field.domain(), field.path());
        if (!classifier.allows(field.name(), first, consent)) {
            return Optional.empty();
        }
        Optional<Duration> retention = first.retention();
        Optional<String> inner = field.nameInsideValue();
        if (inner.isPresent()) {
            CookieClassifier.Classification asSent = classifier.classify(inner.get(), field.domain(), field.path());
            if (!classifier.allows(inner.get(), asSent, consent)) {
                return Optional.empty();
            }
            retention = shorter(retention, asSent.retention());
        }
        for (String joined : field.joinedNames()) {
            CookieClassifier.Classification other = classifier.classify(joined, Optional.empty(), Optional.empty());
            if (!classifier.allows(joined, other, consent)) {
                return Optional.empty();
            }
            retention = shorter(retention, other.retention());
        }
        if (retention.isEmpty()) {
            return Optional.of(fieldValue);
        }
        return Optional.of(LifetimeCap.apply(field, retention.get(), capFrom, expiresReadFrom));
    }

    /**
     * Where capped Expires dates count from: now, or the response's Date when that is earlier. Chromium takes an
     * Expires as that far past the response's Date, not past its own clock (CanonicalCookie::ParseExpiration:
     * expiry + (now - server time)); a Date days old, from an upstream cache or a clock that is behind, would
     * otherwise add those days to the cap. A Date the gateway cannot read counts as none.
     */
    private Instant capStart(List<String> dateHeaders) {
        Instant now = clock.instant();
        Instant start = now;
        for (String date : dateHeaders) {
            Optional<Instant> sent = date == null ? Optional.empty() : CookieDate.parse(date.trim());
            if (sent.isPresent() && sent.get().isBefore(start)) {
                start = sent.get();
            }
        }
        return start;
    }

    /**
     * What a browser reads an Expires against: the response's first Date (Chromium reads only the first), else now.
     * Only for the Max-Age written beside a capped Expires, which no browser reads against any Date: a Date the
     * gateway cannot read (one Chromium reads more leniently) then only makes that Max-Age count from now.
     */
    private Instant expiresReadFrom(List<String> dateHeaders) {
        String first = dateHeaders.isEmpty() ? null : dateHeaders.get(0);
        return (first == null ? Optional.<Instant>empty() : CookieDate.parse(first.trim())).orElse(clock.instant());
    }

    /**
     * Withdrawal: deleting Set-Cookie values for each removed request cookie (one name once): Max-Age=0 plus Expires
     * in 1970, in every scope the browser may hold it in, since it replaces only a cookie of the same name, domain and
     * path (RFC 6265bis 5.7): on Path=/, the paths the cookie's rules declare, the request path's directories (with
     * and without a trailing '/') and the request path itself; host-only, on the domains the rules declare, and on the
     * request host and its parent domains (a tracker script usually sets its cookie on the registrable domain, _ga on
     * .example.com; a public suffix is refused by the browser, harmlessly), each with a trailing '.' when the request
     * host has one (www.example.com.), as Chromium takes only such a Domain from there. Each scope twice:
     * unpartitioned, then partitioned (Secure; Partitioned), since Chromium keeps a cookie set with Partitioned apart
     * from the other and deletes it only by a partitioned field. __Host-: Secure; Path=/ and no Domain; __Secure-:
     * Secure; __Http-: Secure; HttpOnly; __Host-Http-: all of these. A scope a field the response keeps sets again
     * is left to that field, when the gateway reads that field's Domain as Chromium does
     * ({@link SetCookieField#storedDomain}: from an IP address or a single-label host, a Domain naming that host is
     * the host-only scope, and a deletion with such a Domain is not written beside the host-only one). At most {@link #MAX_DELETIONS} fields of {@link #MAX_DELETION_BYTES}
     * bytes in all, in that order.
     *
     * @param keptFields  the Set-Cookie field values the response still carries after {@link #enforceSetCookie}
     * @param requestHost the request's host, when known
     * @param requestPath the request's path, when known
     */
    public List<String> deletions(List<RequestCookie> removed, List<String> keptFields, Optional<String> requestHost,
                                  Optional<String> requestPath) {
        return deletions(removed, keptFields, requestHost, requestPath, requestPath);
    }

    /**
     * As above, with the paths besides "/" a cookie may be stored on taken from {@code pagePath} (the request
     * path's own are not added when it differs; it still gives a kept field without Path its default path).
     */
    private List<String> deletions(List<RequestCookie> removed, List<String> keptFields, Optional<String> requestHost,
                                   Optional<String> requestPath, Optional<String> pagePath) {
        if (removed.isEmpty()) {
            return List.of();
        }
        List<String> parents = requestHost.map(CookieDeletion::parentDomains).orElse(List.of());
        // from a host written with its trailing dot, Chromium takes (and holds cookies on) only domains with that dot
        String trailingDot = requestHost.filter(CookieDeletion::fullyQualified).isPresent() ? "." : "";
        List<String> directories = CookieDeletion.directoryPaths(requestPath);
        Set<String> keptScopes = new HashSet<>();
        for (String field : keptFields) {
            SetCookieField parsed = SetCookieField.parse(field);
            String path = parsed.path().orElse(directories.isEmpty() ? "/" : directories.get(directories.size() - 1));
            // a field whose Domain the gateway cannot read as Chromium does names no scope: no deletion gives way
            parsed.storedDomain(requestHost).ifPresent(domain ->
                    keptScopes.add(scopeKey(parsed.name(), path, domain, parsed.partitioned())));
        }
        Set<String> seen = new LinkedHashSet<>();
        Set<String> deletions = new LinkedHashSet<>();
        int bytes = 0;
        for (RequestCookie cookie : removed) {
            if (!seen.add(cookie.name())) {
                continue;
            }
            List<CookieRule> rules = classifier.rulesNaming(cookie.name());
            Set<String> paths = new LinkedHashSet<>();
            paths.add("/");
            rules.forEach(rule -> rule.path().filter(p -> p.startsWith("/")).ifPresent(paths::add));
            paths.addAll(CookieDeletion.storedPaths(pagePath));
            Set<String> domains = new LinkedHashSet<>();
            domains.add("");
            rules.forEach(rule -> rule.domain().filter(d -> !d.isEmpty())
                    .map(d -> CookieClassifier.normalizeDomain(d) + trailingDot).ifPresent(domains::add));
            if (!cookie.name().isEmpty()) {
                domains.addAll(parents);
            }
            // the browser may hold the cookie in the site's partition too (CHIPS), where only a partitioned field
            // reaches it; those come second, after every unpartitioned scope of the cookie
            for (boolean partitioned : new boolean[] {false, true}) {
                for (String path : paths) {
                    for (String domain : domains) {
                        // from an IP address or a single-label host, "Domain=" + the host is the host-only scope
                        // again: no second field for it, and a kept host-only field is left alone by it too
                        String stored = domain.isEmpty() ? ""
                                : CookieDomain.storedFor(domain, requestHost).orElse(domain);
                        if (!domain.isEmpty() && stored.isEmpty()
                                || keptScopes.contains(scopeKey(cookie.name(), path, stored, partitioned))) {
                            continue;
                        }
                        String deletion = CookieDeletion.inScope(cookie, path,
                                domain.isEmpty() ? Optional.empty() : Optional.of(domain), partitioned);
                        // a request of many cookies must not make a response head browsers refuse, nor work without
                        // bound: past the budget, the cookies are still kept from the upstream on every request
                        if (deletions.size() >= MAX_DELETIONS || bytes + deletion.length() > MAX_DELETION_BYTES) {
                            return List.copyOf(deletions);
                        }
                        if (deletions.add(deletion)) {
                            bytes += deletion.length();
                        }
                    }
                }
            }
        }
        return List.copyOf(deletions);
    }

    /** {@link #deletions(List, List, Optional, Optional)} for a request of unknown path. */
    public List<String> deletions(List<RequestCookie> removed, Set<String> namesSetByResponse,
                                  Optional<String> requestHost) {
        List<RequestCookie> notSetAgain = removed.stream()
                .filter(cookie -> !namesSetByResponse.contains(cookie.name())).toList();
        return deletions(notSetAgain, List.of(), requestHost, Optional.empty());
    }

    /**
     * The cookies the ruleset names exactly that {@code before} lets through and {@code after} does not (as request
     * cookies, of unknown scope), but those named in {@code carried}: for a withdrawal answered away from the pages,
     * the withdrawn cookies the browser may hold on the path of the page withdrawn from and so did not send along.
     */
    public List<RequestCookie> declaredWithdrawn(ConsentDecision before, ConsentDecision after, Set<String> carried) {
        List<RequestCookie> out = new ArrayList<>();
        for (String name : classifier.exactNames()) {
            if (!carried.contains(name) && classifier.allows(name, before) && !classifier.allows(name, after)) {
                out.add(new RequestCookie(name, "", name + "="));
            }
        }
        return out;
    }

    /**
     * Withdrawal answered away from the pages (the consent endpoint), for the page the visitor withdrew from
     * ({@code pagePath}, when known): {@link #deletions(List, Set, Optional)} of the {@code removed} cookies the
     * request carried, also on every path besides "/" a cookie of that page may be stored on
     * ({@link CookieDeletion#storedPaths}); then, within what is left of the bound and at most
     * {@link #MAX_UNSEEN_DELETIONS} of them, one host-only deletion of each {@code unseen} cookie
     * ({@link #declaredWithdrawn}) on the page's default path (/shop for /shop/cart): where a cookie the page set
     * without Path or Domain lives, and which the browser does not send to the endpoint. None for a page at the top,
     * whose default path "/" the endpoint is sent the cookies of.
     */
    public List<String> deletionsFromPage(List<RequestCookie> removed, List<RequestCookie> unseen,
                                          Set<String> namesSetByResponse, Optional<String> requestHost,
                                          Optional<String> pagePath) {
        List<RequestCookie> notSetAgain = removed.stream()
                .filter(cookie -> !namesSetByResponse.contains(cookie.name())).toList();
        List<String> out = new ArrayList<>(deletions(notSetAgain, List.of(), requestHost, Optional.empty(),
                pagePath));
        List<String> directories = CookieDeletion.directoryPaths(pagePath);
        if (directories.isEmpty()) {
            return out;
        }
        String defaultPath = directories.get(directories.size() - 1);
        int bytes = out.stream().mapToInt(String::length).sum();
        int added = 0;
        for (RequestCookie cookie : unseen) {
            if (namesSetByResponse.contains(cookie.name())) {
                continue;
            }
            String deletion = CookieDeletion.inScope(cookie, defaultPath, Optional.empty());
            if (added >= MAX_UNSEEN_DELETIONS || out.size() >= MAX_DELETIONS
                    || bytes + deletion.length() > MAX_DELETION_BYTES) {
                break;
            }
            out.add(deletion);
            bytes += deletion.length();
            added++;
        }
        return List.copyOf(out);
    }

    /** Deletions of cookies a withdrawal answered away from the pages did not carry: about 10 KiB at most. */
    static final int MAX_UNSEEN_DELETIONS = 128;

    /** The same, for a request of unknown host and path. */
    public List<String> deletions(List<RequestCookie> removed, Set<String> namesSetByResponse) {
        return deletions(removed, namesSetByResponse, Optional.empty());
    }

    /** The most deletion fields one response gets, and their bytes in all: well inside a browser's head limit. */
    static final int MAX_DELETIONS = 512;
    static final int MAX_DELETION_BYTES = 64 * 1024;

    /**
     * The whole response side in one call: every Set-Cookie field enforced (dropped ones left out, order kept),
     * followed by the deletions for the removed request cookies the remaining fields do not set.
     */
    public List<String> enforceResponse(List<String> setCookieFieldValues, List<RequestCookie> removed,
                                        ConsentDecision consent) {
        return enforceResponse(setCookieFieldValues, removed, consent, Optional.empty());
    }

    /** As above, with deletions that also reach the request host's parent domains (see {@link #deletions}). */
    public List<String> enforceResponse(List<String> setCookieFieldValues, List<RequestCookie> removed,
                                        ConsentDecision consent, Optional<String> requestHost) {
        return enforceResponse(setCookieFieldValues, removed, consent, requestHost, Optional.empty());
    }

    /** As above, with deletions that also reach the directories of the request's path. */
    public List<String> enforceResponse(List<String> setCookieFieldValues, List<RequestCookie> removed,
                                        ConsentDecision consent, Optional<String> requestHost,
                                        Optional<String> requestPath) {
        return enforceResponse(setCookieFieldValues, removed, consent, requestHost, requestPath, List.of());
    }

    /**
     * As above, for a response whose Date header values are {@code dateHeaders}: capped Expires dates count from
     * the earliest of them when it is before now, as browsers read an Expires against the Date.
     */
    public List<String> enforceResponse(List<String> setCookieFieldValues, List<RequestCookie> removed,
                                        ConsentDecision consent, Optional<String> requestHost,
                                        Optional<String> requestPath, List<String> dateHeaders) {
        List<String> out = new ArrayList<>(setCookieFieldValues.size() + removed.size());
        List<String> kept = new ArrayList<>();
        Instant capFrom = capStart(dateHeaders);
        Instant expiresReadFrom = expiresReadFrom(dateHeaders);
        for (String fieldValue : setCookieFieldValues) {
            enforceSetCookie(fieldValue, consent, capFrom, expiresReadFrom).ifPresent(field -> {
                out.add(field);
                kept.add(field);
            });
        }
        out.addAll(deletions(removed, kept, requestHost, requestPath));
        return Collections.unmodifiableList(out);
    }

    /**
     * Name of a Set-Cookie field as classification sees it (trimmed, before the first '='), for the caller to
     * compute namesSetByResponse.
     */
    public static String setCookieName(String fieldValue) {
        return fieldValue == null ? "" : SetCookieField.nameOf(fieldValue);
    }

    /** The key of one place a browser keeps a cookie: name, path, domain ("" host-only), partition or not. */
    private static String scopeKey(String name, String path, String domain, boolean partitioned) {
        return name + "\n" + path + "\n" + domain + (partitioned ? "\npartitioned" : "");
    }

    private static Optional<Duration> shorter(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) <= 0 ? a : b;
    }
}
