package dev.consentgate.proxy;

import dev.consentgate.html.LinkHeaders;
import dev.consentgate.html.PageSite;
import dev.consentgate.html.PrefetchRedirects;
import dev.consentgate.html.RefreshHeaders;
import dev.consentgate.html.ReportingHeaders;
import dev.consentgate.html.SpeculationRulesHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** What the gateway does to one response before it goes to the browser, fixed at request time. */
final class ResponseEnforcement {

    private final CookieEnforcer cookies;
    private final CookieEnforcer.ExchangeConsent consent;
    private final HtmlEnforcement html;
    /** The keys of the pages made for each consent. */
    private final PageVariants variants;
    /** The request revalidates a page of that variant, so a 304 answers for one. */
    private final boolean revalidatesVariant;
    /** The client's own Accept-Encoding (the upstream is sent a narrower one), null when it sent none. */
    private final String clientAccepts;
    /** The request headers the page depends on, for Vary. */
    private final String varyBy;
    /** The site the request was made to, whose own URLs rules naming that site spare. */
    private final PageSite site;
    /** Where what is kept from the browser is reported (the browser proxy's audit log). */
    private final RequestAudit audit;
    /** The browser made the request ahead of the visitor's use (a prefetch or prerender). */
    private final boolean speculative;
    /** Vary has been given the request headers the response depends on. */
    private boolean varied;

    ResponseEnforcement(CookieEnforcer cookies, CookieEnforcer.ExchangeConsent consent, HtmlEnforcement html,
                        PageVariants variants, boolean revalidatesVariant, String clientAccepts, String varyBy,
                        PageSite site, RequestAudit audit, boolean speculative) {
        this.site = site;
        this.speculative = speculative;
        this.audit = audit;
        this.cookies = cookies;
        this.consent = consent;
        this.html = html;
        this.variants = variants;
        this.revalidatesVariant = revalidatesVariant;
        this.clientAccepts = clientAccepts;
        this.varyBy = varyBy;
    }

    /**
     * Enforces the cookie policy on a response head (any status, 1xx included), takes out of its Link headers
     * the resource hints the consent does not allow, which a browser acts on even in an Early Hints response, and
     * takes out a Refresh header that loads a URL the consent does not allow, the rule sets of a Speculation-Rules
     * header on hosts it does not allow, the Location of a prefetch's redirect to such a host, and the report
     * endpoints on such hosts.
     */
    void applyToHead(HttpResponse response) {
        HttpHeaders headers = response.headers();
        List<String> setCookies = headers.getAll(HttpHeaderNames.SET_COOKIE);
        cookies.onResponse(headers, consent);
        audit.setCookiesEnforced(setCookies, headers.getAll(HttpHeaderNames.SET_COOKIE));
        if (response.status().code() >= 200 && (!setCookies.isEmpty() || headers.contains(HttpHeaderNames.SET_COOKIE))) {
            // the Set-Cookie fields kept, and the deletions added, depend on the consent: a shared cache must not
            // replay one visitor's to another
            addVary(headers);
        }
        if (headers.contains("Link") && response.status().code() >= 200) {
            // the hints a response keeps depend on the consent: caches must not give one visitor's to another
            addVary(headers);
        }
        if (headers.contains("Refresh") && response.status().code() >= 200) {
            // whether the refresh is kept depends on the consent: caches must not give one visitor's to another
            addVary(headers);
        }
        if (headers.contains("Refresh") && !html.policy().grantsEverything(consent.decision())
                && !RefreshHeaders.allowed(headers.getAll("Refresh"), html.policy(), consent.decision(), site,
                audit.listener())) {
            // a browser loads the refresh's URL in the page's place, as for the meta element it stands for
            headers.remove("Refresh");
        }
        if (headers.contains("Speculation-Rules") && response.status().code() >= 200) {
            // the rule sets kept depend on the consent: caches must not give one visitor's to another
            addVary(headers);
        }
        if (headers.contains("Speculation-Rules") && !html.policy().grantsEverything(consent.decision())) {
            // Chromium fetches each rule set named, a tracker's too, as soon as it reads the head
            replaceValues(headers, "Speculation-Rules", SpeculationRulesHeaders.keepAllowed(
                    headers.getAll("Speculation-Rules"), html.policy(), consent.decision(), site, audit.listener()));
        }
        if (speculative && response.status().code() / 100 == 3 && headers.contains(HttpHeaderNames.LOCATION)
                && !html.policy().grantsEverything(consent.decision())
                && !PrefetchRedirects.allowed(headers.get(HttpHeaderNames.LOCATION), html.policy(),
                consent.decision(), site, audit.listener())) {
            // Chromium would follow it to the tracker before the visitor chose to go there: without a Location the
            // prefetch fails, and the visitor's own navigation asks again (no-store: no cache keeps this answer)
            headers.remove(HttpHeaderNames.LOCATION);
            headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            addVary(headers);
        }
        if (headers.contains("Link") && !html.policy().grantsEverything(consent.decision())) {
            replaceValues(headers, "Link", LinkHeaders.keepAllowed(headers.getAll("Link"), html.policy(),
                    consent.decision(), site, audit.listener()));
        }
        judgeReportingHeader(headers, "Content-Security-Policy", ReportingHeaders.Kind.CONTENT_SECURITY_POLICY,
                response.status().code());
        judgeReportingHeader(headers, "Content-Security-Policy-Report-Only",
                ReportingHeaders.Kind.CONTENT_SECURITY_POLICY, response.status().code());
        judgeReportingHeader(headers, "Reporting-Endpoints", ReportingHeaders.Kind.REPORTING_ENDPOINTS,
                response.status().code());
        judgeReportingHeader(headers, "Report-To", ReportingHeaders.Kind.REPORT_TO, response.status().code());
    }

    /**
     * Takes out of a header that names where the browser sends reports the URLs the consent does not allow: each
     * report is a request to that host, with the page's URL in it.
     */
    private void judgeReportingHeader(HttpHeaders headers, String name, ReportingHeaders.Kind kind, int status) {
        if (!headers.contains(name)) {
            return;
        }
        if (status >= 200) {
            // the endpoints kept depend on the consent: caches must not give one visitor's to another
            addVary(headers);
        }
        if (!html.policy().grantsEverything(consent.decision())) {
            replaceValues(headers, name, ReportingHeaders.keepAllowed(kind, headers.getAll(name), html.policy(),
                    consent.decision(), site, audit.listener()));
        }
    }

    private static void replaceValues(HttpHeaders headers, String name, List<String> values) {
        headers.remove(name);
        for (String value : values) {
            headers.add(name, value);
        }
    }

    /** Appends the request headers the response depends on to Vary, once. */
    private void addVary(HttpHeaders headers) {
        if (!varied) {
            headers.add("Vary", varyBy);
            varied = true;
        }
    }

    /**
     * For a final response: when it is HTML (or a HEAD or 304 standing for HTML), gives it the headers of this
     * consent's page (Vary, validators) and prepares the body rewrite (empty when the body passes as it is).
     */
    Optional<HtmlBodyRewrite> bodyRewrite(HttpRequest request, HttpResponse response)
            throws HtmlBodyRewrite.UnfilterableBody {
        boolean revalidated = response.status().code() == 304 && revalidatesVariant;
        boolean changed = html.changesPages(consent.decision());
        if (changed && HtmlBodyRewrite.isMultipartRanges(response)) {
            // several ranges were not asked for (see PageVariants): parts of what may be a page cannot be judged
            throw new HtmlBodyRewrite.UnfilterableBody("the upstream sent parts of a representation"
                    + " (multipart/byteranges) the gateway did not ask for, which may be a page it cannot judge in parts");
        }
        boolean parts = HtmlBodyRewrite.isMultipartRanges(response);
        // an XML document loaded as a page runs the XHTML and SVG scripts in it, like the page it is
        // a speculation rule set is what a page's rule set script is, and varies with the consent as a page does
        boolean page = HtmlBodyRewrite.isHtml(response) || HtmlBodyRewrite.isXsl(response)
                || HtmlBodyRewrite.isXml(response) && (PageVariants.mayLoadDocument(request.headers())
                        // an SVG sprite's elements load their images in the page that uses them
                        || PageVariants.mayLoadSvgResource(request.headers()))
                || HtmlBodyRewrite.isSpeculationRuleSet(response)
                // a stylesheet loads what its CSS names, with the page
                || HtmlBodyRewrite.isStylesheet(request, response);
        if (!revalidated && !parts && !page) {
            return Optional.empty();
        }
        HttpHeaders headers = response.headers();
        // The body served depends on the consent cookie(s) and signals: caches must not serve one visitor's page to
        // another. Parts of what may be a page (passed only when this consent changes no page) are marked the same.
        addVary(headers);
        PageVariants.markResponse(headers, variants.key(consent.decision()), changed);
        // reused only after asking: a page stored fresh would outlive a policy revision that voids the consent it
        // was made for (the Cookie header, and so Vary, stays the same)
        if (!headers.containsValue(HttpHeaderNames.CACHE_CONTROL, "no-cache", true)
                && !headers.containsValue(HttpHeaderNames.CACHE_CONTROL, "no-store", true)) {
            headers.add("Cache-Control", "no-cache");
        }
        if (!changed || revalidated) {
            return Optional.empty();
        }
        if (request.method().equals(HttpMethod.HEAD)) {
            // the head of the page a GET would get: its length is not known before it is rewritten
            HtmlBodyRewrite.rewriteHead(response, clientAccepts);
            return Optional.empty();
        }
        return Optional.of(HtmlBodyRewrite.begin(request, response, clientAccepts, html.policy(), consent.decision(),
                name -> html.cookieAllowed(name, consent.decision()), html.limits(),
                HtmlBodyRewrite.isSpeculationRuleSet(response) || HtmlBodyRewrite.isStylesheet(request, response)
                        ? HtmlBodyRewrite.Injections.NONE
                        : html.injections(consent.decision(), request.uri(), headers), audit.listener(),
                html.faults()));
    }
}
