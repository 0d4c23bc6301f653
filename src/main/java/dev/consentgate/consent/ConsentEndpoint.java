package dev.consentgate.consent;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The consent endpoint's behaviour, free of HTTP types: the gateway turns a request into these calls and the
 * returned {@link Response} into an HTTP response. GET answers the decision as JSON. POST checks that the request
 * is same-site, reads the body, records proof of consent (when a log is configured), sets the consent cookie and
 * answers 303 to a safe {@code return} path or 200 with the new decision.
 */
public final class ConsentEndpoint {

    /**
     * What to answer.
     *
     * @param status      HTTP status (200, 303, 400, 403, 503)
     * @param body        JSON body ({@code application/json; charset=utf-8}); empty for 303
     * @param setCookie   the consent cookie's Set-Cookie value, when one is set
     * @param location    the Location of a 303
     * @param withdrawn   categories granted before this POST and not any more: the caller adds deletions for their
     *                    cookies (as the cookie policy does for any refused category)
     * @param granted     the categories granted after this POST (essential included; empty when nothing was set):
     *                    the cookies of those stay, even where the answer before refused them
     */
    public record Response(int status, String body, Optional<String> setCookie, Optional<String> location,
                           Set<String> withdrawn, Set<String> granted) {
        public Response {
            withdrawn = Set.copyOf(withdrawn);
            granted = Set.copyOf(granted);
        }

        static Response error(int status, String message) {
            return new Response(status, "{\"error\":" + Json.quote(message) + "}", Optional.empty(),
                    Optional.empty(), Set.of(), Set.of());
        }
    }

    /**
     * One consent POST as the gateway saw it.
     *
     * @param input        cookies and headers (the current decision is read from them)
     * @param contentType  Content-Type header, empty when absent
     * @param body         the request body
     * @param host         Host header (or :authority)
     * @param tls          the request came over TLS (the cookie gets Secure)
     * @param userAgent    User-Agent, empty string when absent (only its hash is recorded)
     * @param clientIp     client address (recorded only when configured)
     */
    public record Post(ConsentInput input, Optional<String> contentType, byte[] body, Optional<String> host,
                       boolean tls, String userAgent, Optional<String> clientIp) {
    }

    private final ConsentResolver resolver;
    private final ConsentForm form;
    private final ConsentCookieWriter cookieWriter;
    private final Optional<ConsentRecordLog> recordLog;
    private final Set<String> essential;
    private final Set<String> gpcOptOut;
    private final String revision;

    ConsentEndpoint(ConsentResolver resolver, ConsentForm form, ConsentCookieWriter cookieWriter,
                    Optional<ConsentRecordLog> recordLog, Set<String> essential, Set<String> gpcOptOut,
                    String revision) {
        this.resolver = resolver;
        this.form = form;
        this.cookieWriter = cookieWriter;
        this.recordLog = recordLog;
        this.essential = Set.copyOf(essential);
        this.gpcOptOut = Set.copyOf(gpcOptOut);
        this.revision = revision;
    }

    public Response get(ConsentInput input) {
        return new Response(200, DecisionJson.render(resolver.resolve(input), essential), Optional.empty(),
                Optional.empty(), Set.of(), Set.of());
    }

    public Response post(Post post) {
        ConsentInput input = post.input();
        SameSiteCheck.Verdict verdict = SameSiteCheck.judge(input.header("Origin"), input.header("Sec-Fetch-Site"),
                post.host());
        if (!verdict.allowed()) {
            return Response.error(403, "cross-site consent requests are refused (" + verdict + ")");
        }
        ConsentForm.Result parsed = form.parse(post.contentType(), post.body());
        if (parsed instanceof ConsentForm.Invalid invalid) {
            return Response.error(400, invalid.message());
        }
        ConsentForm.Valid choice = (ConsentForm.Valid) parsed;
        ConsentDecision before = resolver.resolve(input);
        Set<String> granted = new HashSet<>(choice.categories());
        if (before.gpc()) {
            granted.removeAll(gpcOptOut);
        }
        granted.addAll(essential);
        ConsentDecision after = new ConsentDecision(granted, ConsentSources.NATIVE_SOURCE_ID, Optional.of(revision),
                before.gpc(), before.region());
        List<String> recorded = after.grantedInOrder(essential);
        if (recordLog.isPresent()) {
            try {
                recordLog.get().append(recorded, revision, ConsentSources.NATIVE_SOURCE_ID, post.userAgent(),
                        post.clientIp());
            } catch (ConsentRecordException e) {
                return Response.error(503, "consent could not be recorded; please try again");
            }
        }
        Set<String> withdrawn = new HashSet<>(before.granted());
        withdrawn.removeAll(granted);
        // The cookie stores the visitor's choice; GPC is applied again on every request.
        Optional<String> setCookie = Optional.of(cookieWriter.setCookie(choice.categories(), post.tls()));
        Optional<String> location = choice.returnTo().flatMap(ReturnPath::check);
        if (location.isPresent()) {
            return new Response(303, "", setCookie, location, withdrawn, granted);
        }
        return new Response(200, DecisionJson.render(after, essential), setCookie, Optional.empty(), withdrawn,
                granted);
    }
}
