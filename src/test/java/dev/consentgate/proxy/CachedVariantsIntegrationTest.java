package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.Ruleset;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A page made for one consent never reaches another visitor, nor outlives the consent it was made for, through a
 * cache that honours the headers, and every document a browser renders is judged. Each test failed before the fix
 * its comment names. Real upstream on a real socket, real gateway, raw client.
 */
class CachedVariantsIntegrationTest {

    private static final String FULL_CONSENT = "cg_consent=2025-12-16:functionality+analytics+advertising";
    /** Google Tag Manager's loader, analytics in the default ruleset: removed or made inert without consent. */
    private static final String TRACKER = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\">";

    private static RawClient.Response send(RunningGateway gateway, String method, String target, String cookie,
                                           String... headers) throws IOException {
        return PageVariantsIntegrationTest.request(gateway, method, target, cookie, headers);
    }

    private static TestUpstream.Responder fixed(String head, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (request, out, socket) -> {
            out.write((head + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (!request.requestLine().startsWith("HEAD")) {
                out.write(bytes);
            }
        };
    }

    private static boolean variesByCookie(RawClient.Response r) {
        return r.headers("vary").stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(v -> v.trim().toLowerCase(Locale.ROOT)).anyMatch(v -> v.equals("cookie") || v.equals("*"));
    }

    /**
     * Input: a page served as {@code Content-Type: application/xml} whose root is an XHTML {@code <html
     * xmlns="http://www.w3.org/1999/xhtml">} carrying Google Tag Manager's loader, requested by a browser's
     * navigation of a visitor who has not consented. Before (found by a review): {@link HtmlBodyRewrite#isHtml} takes only text/html,
     * application/xhtml+xml and the sniffed types for a page, so the body passes byte for byte, the tracker included,
     * with no Vary and the upstream's validators. Now: be judged (rewritten as the XHTML page it is) or refused.
     * Why: a browser renders an XML document whose elements are in the XHTML namespace as XHTML and runs its
     * scripts (the same holds for image/svg+xml documents and their script elements, and text/xml): the type a
     * browser renders as a page with scripts is not only text/html and application/xhtml+xml.
     */
    @Test
    void anXhtmlPageServedAsApplicationXmlIsJudgedLikeAnyPage() throws Exception {
        String page = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Shop</title>\n"
                + TRACKER + "</script>\n</head><body><p>Hello</p></body></html>\n";
        try (TestUpstream upstream = TestUpstream.start(fixed("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/xml; charset=utf-8\r\nETag: \"x1\"\r\n", page));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response r = send(gateway, "GET", "/", "", "Sec-Fetch-Dest: document",
                    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            assertFalse(r.status() == 200 && r.bodyText().contains(TRACKER),
                    "the XHTML document's tracker reached a visitor who did not consent:\n" + r.head());
            // the same bytes loaded as an image or as data run nothing: they pass as they are
            RawClient.Response asImage = send(gateway, "GET", "/", "", "Sec-Fetch-Dest: image", "Accept: image/*");
            assertEquals(page, asImage.bodyText());
            assertFalse(variesByCookie(asImage), asImage.head());
        }
    }

    /**
     * Input: a cacheable non-HTML response ({@code Cache-Control: public, max-age=600}, an image) that sets an
     * analytics cookie ({@code Set-Cookie: _ga=...}), fetched by a visitor who granted analytics. Before (found by a review): the
     * gateway lets {@code _ga} through (it is granted) and adds no Vary and no Cache-Control of its own: the head now
     * depends on the consent (a visitor without it gets no {@code _ga}, see the second request) but says nothing of
     * it. Now: a response whose Set-Cookie fields the consent decided carry {@code Vary: Cookie} (as pages and
     * Link-filtered responses already do), or be made private, so a shared cache does not hand the consented visitor's
     * Set-Cookie to another. Why: RFC 9111 notes that Set-Cookie does not inhibit caching; a shared cache that honours
     * the headers stores this response and replays {@code Set-Cookie: _ga} to the next visitor, who never consented,
     * without the gateway seeing that request: a non-consented cookie reaches the browser. (The deletions the gateway
     * adds for a visitor's removed cookies are replayed the same way to visitors who did consent.)
     */
    @Test
    void aCacheableResponseWhoseSetCookieTheConsentDecidedVariesByCookie() throws Exception {
        TestUpstream.Responder pixel = fixed("HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\n"
                + "Cache-Control: public, max-age=600\r\n"
                + "Set-Cookie: _ga=GA1.1.123456.1700000000; Max-Age=1000; Path=/\r\n", "GIF89a");
        try (TestUpstream upstream = TestUpstream.start(pixel);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response consented = send(gateway, "GET", "/pixel.gif", FULL_CONSENT, "Sec-Fetch-Dest: image",
                    "Accept: image/*");
            RawClient.Response refused = send(gateway, "GET", "/pixel.gif", "", "Sec-Fetch-Dest: image",
                    "Accept: image/*");
            boolean consentedGetsGa = consented.headers("set-cookie").stream().anyMatch(c -> c.startsWith("_ga="));
            boolean refusedGetsGa = refused.headers("set-cookie").stream().anyMatch(c -> c.startsWith("_ga="));
            assertTrue(consentedGetsGa && !refusedGetsGa, "the premise: the head depends on the consent\n"
                    + consented.head() + refused.head());
            String cacheControl = String.join(",", consented.headers("cache-control")).toLowerCase(Locale.ROOT);
            assertTrue(variesByCookie(consented) || cacheControl.contains("private")
                            || cacheControl.contains("no-store"),
                    "a shared cache may replay this visitor's Set-Cookie: _ga to visitors without consent:\n"
                            + consented.head());
        }
    }

    /**
     * Input: a page the upstream lets caches keep fresh for a day ({@code Cache-Control: public, max-age=86400}),
     * fetched with every category granted under policy revision 2025-12-16; then the site publishes a material
     * revision (a gateway with the new ruleset), under which the same Cookie header is no consent at all.
     * Before (found by a review): the page made for the old consent is sent with the upstream's freshness untouched and {@code Vary:
     * Cookie, Sec-GPC}; the visitor's Cookie and Sec-GPC do not change when the policy does, so a browser cache (or a
     * shared cache honouring Vary) serves that page, trackers running, for up to a day without asking the gateway.
     * Now: a page the gateway made stays valid only as long as the consent, ruleset and build it was made for, and
     * only a revalidation lets the gateway check that (the ETag key carries exactly the ruleset and build for this
     * reason), so the gateway's pages must not be reusable without revalidation ({@code no-cache}, or max-age=0).
     * Why: consent given before a material revision counts as none (README, consent.revisions); the gateway's own
     * key scheme is bypassed by freshness.
     */
    @Test
    void aPageMadeForAConsentIsNotReusedFreshAfterThePolicyRevisionVoidsIt() throws Exception {
        String page = "<!doctype html><html><head><title>Shop</title>\n" + TRACKER + "</script>\n"
                + "</head><body><p>Hello</p></body></html>\n";
        TestUpstream.Responder cached = fixed("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + "Cache-Control: public, max-age=86400\r\nETag: \"p1\"\r\n", page);
        try (TestUpstream upstream = TestUpstream.start(cached);
             RunningGateway before = RunningGateway.in(upstream.uri());
             RunningGateway after = RunningGateway.in(upstream.uri(), CachedVariantsIntegrationTest::revised)) {
            RawClient.Response old = send(before, "GET", "/", FULL_CONSENT, "Sec-Fetch-Dest: document",
                    "Accept: text/html");
            RawClient.Response now = send(after, "GET", "/", FULL_CONSENT, "Sec-Fetch-Dest: document",
                    "Accept: text/html");
            assertTrue(old.bodyText().contains(TRACKER), "premise: the consent of the old revision grants analytics");
            assertFalse(now.bodyText().contains(TRACKER), "premise: the same Cookie is no consent under the new one");
            String cacheControl = String.join(",", old.headers("cache-control")).toLowerCase(Locale.ROOT);
            assertTrue(cacheControl.contains("no-cache") || cacheControl.contains("no-store")
                            || cacheControl.matches(".*max-age=0(?![0-9]).*"),
                    "the page made for the old consent may be reused without asking the gateway:\n" + old.head());
        }
    }

    /**
     * Input: an upstream page ({@code Cache-Control: public, max-age=600}, ETag "p1") whose response also says
     * {@code Connection: keep-alive, Vary, ETag}, fetched by a visitor without consent. Before (found by a review): the gateway adds
     * {@code Vary: Cookie, Sec-GPC} and the variant's tag in ResponseEnforcement.bodyRewrite, and only afterwards
     * (Exchange.onResponseHead) removes the fields the upstream's Connection lists, so both the Vary and the keyed
     * ETag it just made are taken off: the filtered page goes out public, for a day of caching, with nothing saying it
     * depends on the Cookie header. Now: the fields the gateway adds for the consent survive, as Content-Type and
     * Content-Encoding already do (ForwardingHeaders.NEVER_REMOVED), for instance by removing the Connection-listed
     * fields before enforcement. Why: RFC 9110 7.6.1 lets a sender list only hop-by-hop fields; honouring a listing
     * of end-to-end fields after enforcement undoes it, and a shared cache honouring the headers then gives this
     * visitor's variant to others, or the full-consent variant to a visitor who refused (same test with the full
     * consent first).
     */
    @Test
    void fieldsTheGatewayAddsForTheConsentAreNotTakenOffByTheUpstreamsConnectionHeader() throws Exception {
        String page = "<!doctype html><html><head><title>Shop</title>\n" + TRACKER + "</script>\n"
                + "</head><body><p>Hello</p></body></html>\n";
        TestUpstream.Responder listed = fixed("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + "Cache-Control: public, max-age=600\r\nETag: \"p1\"\r\nConnection: keep-alive, Vary, ETag\r\n", page);
        try (TestUpstream upstream = TestUpstream.start(listed);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response full = send(gateway, "GET", "/", FULL_CONSENT, "Sec-Fetch-Dest: document",
                    "Accept: text/html");
            assertTrue(full.bodyText().contains(TRACKER), "premise: the full-consent variant keeps the tracker");
            assertTrue(variesByCookie(full), "the full-consent variant, public, says nothing of the Cookie it was"
                    + " made for:\n" + full.head());
            assertEquals(1, full.headers("etag").size(), "the variant's tag was taken off:\n" + full.head());
        }
    }

    /**
     * Input: a fetch() of a page (Sec-Fetch-Dest: empty, Accept: *&#47;*) asking for two ranges,
     * {@code Range: bytes=0-99,100-}, by a visitor who granted everything; the upstream answers as nginx does, 206
     * {@code multipart/byteranges} with text/html parts and ETag "v1". Before (found by a review): with every category granted the
     * ranges are forwarded (PageVariants.forwardConditions) and the 206 passes untouched because its type is not HTML
     * (ResponseEnforcement.bodyRewrite returns before addVary and markResponse): the unrewritten page's bytes, tracker
     * included, go out with no {@code Vary: Cookie} and the upstream's bare tag. A single range of the same page does
     * get {@code Vary: Cookie, Sec-GPC} and the variant's key (checked below). Now: any response carrying parts of a
     * page a consent may change carries the Vary and the keyed tag, as the single range does. Why: RFC 9111 (3.3,
     * 3.4) lets a cache store a 206 and reuse it; stored without Vary, the full-consent parts are served to the next
     * visitor asking for those ranges whatever their consent, and under the upstream's bare tag they look like the
     * pre-gateway representation, which the gateway's other requests forward unchanged.
     */
    @Test
    void severalRangesOfAPageForAVisitorWhoGrantedEverythingAreMarkedAsThatVariant() throws Exception {
        String page = "<!doctype html><html><head><title>Shop</title>\n" + TRACKER + "</script>\n"
                + "</head><body><p>Hello, this page is long enough for two ranges of it.</p></body></html>\n";
        TestUpstream.Responder ranges = (request, out, socket) -> {
            byte[] bytes = page.getBytes(StandardCharsets.ISO_8859_1);
            List<String> range = request.headers("range");
            String head;
            byte[] body;
            if (!range.isEmpty() && range.get(0).contains(",")) {
                String part1 = "\r\n--B\r\nContent-Type: text/html\r\nContent-Range: bytes 0-99/" + bytes.length
                        + "\r\n\r\n" + page.substring(0, 100);
                String part2 = "\r\n--B\r\nContent-Type: text/html\r\nContent-Range: bytes 100-" + (bytes.length - 1)
                        + "/" + bytes.length + "\r\n\r\n" + page.substring(100) + "\r\n--B--\r\n";
                body = (part1 + part2).getBytes(StandardCharsets.ISO_8859_1);
                head = "HTTP/1.1 206 Partial Content\r\nContent-Type: multipart/byteranges; boundary=B\r\n";
            } else if (!range.isEmpty()) {
                body = page.substring(0, 100).getBytes(StandardCharsets.ISO_8859_1);
                head = "HTTP/1.1 206 Partial Content\r\nContent-Type: text/html\r\nContent-Range: bytes 0-99/"
                        + bytes.length + "\r\n";
            } else {
                body = bytes;
                head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
            }
            out.write((head + "ETag: \"v1\"\r\nAccept-Ranges: bytes\r\nCache-Control: public, max-age=600\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        };
        try (TestUpstream upstream = TestUpstream.start(ranges);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            RawClient.Response single = send(gateway, "GET", "/", FULL_CONSENT, "Sec-Fetch-Dest: empty",
                    "Accept: */*", "Range: bytes=0-99");
            assertEquals(206, single.status(), single.head());
            assertTrue(variesByCookie(single), "premise: one range of the page is marked\n" + single.head());
            RawClient.Response several = send(gateway, "GET", "/", FULL_CONSENT, "Sec-Fetch-Dest: empty",
                    "Accept: */*", "Range: bytes=0-99,100-");
            assertEquals(206, several.status(), several.head());
            assertTrue(several.bodyText().contains("<script async src=\"https://www.googletagmanager.com"),
                    "premise: the parts are the full-consent page's bytes, tracker included");
            assertTrue(variesByCookie(several), "parts of the full-consent page, cacheable, without Vary: Cookie:\n"
                    + several.head());
            assertTrue(several.headers("etag").stream().allMatch(t -> t.contains(".cg-")),
                    "parts of the full-consent page under the upstream's bare tag:\n" + several.head());
        }
    }

    private static Ruleset revised(Ruleset ruleset) {
        return ruleset.withConsent(ruleset.consent().withRevisions("2026-02-01", List.of(
                new ConsentSettings.PolicyRevision("2025-12-16", true),
                new ConsentSettings.PolicyRevision("2026-02-01", true))));
    }
}
