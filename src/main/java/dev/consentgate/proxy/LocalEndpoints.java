package dev.consentgate.proxy;

import dev.consentgate.config.Category;
import dev.consentgate.config.ConsentSettings;
import dev.consentgate.consent.ConsentBanner;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.consent.ConsentEndpoint;
import dev.consentgate.consent.ConsentInput;
import dev.consentgate.consent.ConsentSources;
import dev.consentgate.cookie.CookiePolicy;
import dev.consentgate.cookie.RequestCookie;
import dev.consentgate.cookie.RequestCookies;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The few paths the gateway answers itself and never proxies: the consent endpoint, the banner's stylesheet and
 * {@code /.well-known/gpc.json}. Turns HTTP messages into calls of the consent core and back.
 */
final class LocalEndpoints {

    static final String GPC_JSON_PATH = "/.well-known/gpc.json";
    static final String METRICS_PATH = "/.consentgate/metrics";
    static final int MAX_BODY = 16 * 1024;

    private final ConsentSources consent;
    private final ConsentSettings settings;
    private final CookiePolicy cookies;
    /** The choices form, also served as a page to browsers that open the endpoint (the placeholders link there). */
    private final ConsentBanner choices;

    private final Supplier<String> metrics;

    LocalEndpoints(ConsentSources consent, ConsentSettings settings, List<Category> categories, CookiePolicy cookies,
                   Supplier<String> metrics) {
        this.metrics = metrics;
        this.consent = consent;
        this.settings = settings;
        this.cookies = cookies;
        this.choices = new ConsentBanner(settings.banner(), categories, settings.endpoint());
    }

    /** True when the request's path is one the gateway answers. */
    boolean handles(String path) {
        return path.equals(consent.endpointPath()) || path.equals(METRICS_PATH)
                || path.equals(settings.banner().stylesheetPath())
                || consent.gpcJson().isPresent() && path.equals(GPC_JSON_PATH);
    }

    /** Answers a request whose whole body has been read. */
    FullHttpResponse answer(HttpRequest request, String path, byte[] body, String clientIp, boolean tls) {
        boolean get = request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
        if (path.equals(METRICS_PATH)) {
            // Operational counters are for the operator's own scraper on this machine, not for visitors.
            return !isLoopback(clientIp) ? ErrorResponses.of(HttpResponseStatus.NOT_FOUND, "not found", false)
                    : get ? text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.get())
                    : methodNotAllowed("GET, HEAD");
        }
        if (!path.equals(consent.endpointPath())) {
            if (!get) {
                return methodNotAllowed("GET, HEAD");
            }
            return path.equals(GPC_JSON_PATH)
                    ? text(200, "application/json", consent.gpcJson().orElseThrow())
                    : text(200, "text/css; charset=utf-8", ConsentBanner.stylesheet());
        }
        List<String> cookieFields = request.headers().getAll(HttpHeaderNames.COOKIE);
        ConsentInput input = new ConsentInput(RequestCookies.byName(RequestCookies.parse(cookieFields)),
                request.headers()::getAll);
        if (get && prefersHtml(request)) {
            FullHttpResponse page = text(200, "text/html; charset=utf-8",
                    choicesPage(request, consent.resolver().resolve(input)));
            // another site must not frame the choices to have a click on "Accept all" made in it (clickjacking):
            // that POST comes from the site itself and would pass the same-site check
            page.headers().set("X-Frame-Options", "SAMEORIGIN")
                    .set("Content-Security-Policy", "frame-ancestors 'self'");
            return page;
        }
        if (get) {
            return json(consent.endpoint().get(input), List.of());
        }
        if (!request.method().equals(HttpMethod.POST)) {
            return methodNotAllowed("GET, HEAD, POST");
        }
        ConsentEndpoint.Response answer = consent.endpoint().post(new ConsentEndpoint.Post(input,
                Optional.ofNullable(request.headers().get(HttpHeaderNames.CONTENT_TYPE)), body,
                Optional.ofNullable(request.headers().get(HttpHeaderNames.HOST)), tls,
                Optional.ofNullable(request.headers().get(HttpHeaderNames.USER_AGENT)).orElse(""),
                Optional.of(clientIp)));
        return json(answer, withdrawalDeletions(cookieFields, input, answer, withdrawnFrom(request)));
    }

    private static boolean isLoopback(String ip) {
        return ip.startsWith("127.") || ip.equals("0:0:0:0:0:0:0:1") || ip.equals("::1");
    }

    private static boolean prefersHtml(HttpRequest request) {
        String accept = request.headers().get(HttpHeaderNames.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    /**
     * A page with the choices form; after posting it the visitor returns to the page they came from. The visitor's
     * own answer is ticked: "Save choices" posts only what is ticked, so boxes left empty would withdraw it.
     */
    private String choicesPage(HttpRequest request, ConsentDecision decision) {
        String back = "/";
        String referer = request.headers().get(HttpHeaderNames.REFERER);
        if (referer != null) {
            try {
                URI from = URI.create(referer);
                back = from.getRawPath() == null || from.getRawPath().isEmpty() ? "/"
                        : from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
            } catch (IllegalArgumentException unreadable) {
                back = "/";
            }
        }
        Set<String> ticked = decision.answered() ? decision.granted() : Set.of();
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Cookie choices</title>\n</head>\n<body>\n" + choices.html(back, ticked)
                + "</body>\n</html>\n";
    }

    /**
     * Deletes, in the browser, the cookies of the categories this POST withdrew (as the core does on requests): those
     * the answer before let through and the new one does not. A cookie of a category the same POST grants stays,
     * though the answer before refused it (the visitor just allowed it); one both refuse is deleted by the next
     * page's response anyway. Those the POST carried are deleted on the paths of the page withdrawn from too; the
     * withdrawn cookies the ruleset names exactly and the POST did not carry, on that page's default path, where
     * the browser keeps a cookie the page set without Path and sends it to that page only.
     */
    private List<String> withdrawalDeletions(List<String> cookieFields, ConsentInput input,
                                             ConsentEndpoint.Response answer, Optional<String> page) {
        if (answer.withdrawn().isEmpty()) {
            return List.of();
        }
        ConsentDecision before = consent.resolver().resolve(input);
        ConsentDecision after = new ConsentDecision(answer.granted(), ConsentSettings.NATIVE_SOURCE,
                before.revision(), before.gpc(), before.region());
        Set<String> passedBefore = new HashSet<>();
        CookiePolicy.RequestFilter carried = cookies.filterRequest(cookieFields, before);
        carried.kept().forEach(c -> passedBefore.add(c.name()));
        List<RequestCookie> withdrawn = cookies.filterRequest(cookieFields, after).removed().stream()
                .filter(c -> passedBefore.contains(c.name())).toList();
        Set<String> sent = new HashSet<>(passedBefore);
        carried.removed().forEach(c -> sent.add(c.name()));
        return cookies.deletionsFromPage(withdrawn, cookies.declaredWithdrawn(before, after, sent),
                Set.of(settings.cookieName()), input.header("host").stream().findFirst(), page);
    }

    /**
     * The path of the page the visitor withdrew from: the Referer's, when it is a page of this same host (the POST is
     * same-site, and Chromium sends a same-origin Referer whole by default) other than the choices page itself. The
     * {@code return} page needs none: the answer's 303 leads there, and that page's own response deletes what the
     * browser sends it.
     */
    private Optional<String> withdrawnFrom(HttpRequest request) {
        String referer = request.headers().get(HttpHeaderNames.REFERER);
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (referer == null || host == null) {
            return Optional.empty();
        }
        try {
            URI from = URI.create(referer.trim());
            return Optional.ofNullable(from.getRawPath())
                    .filter(path -> path.startsWith("/") && !path.equals(consent.endpointPath())
                            && host.trim().equalsIgnoreCase(from.getRawAuthority()));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static FullHttpResponse json(ConsentEndpoint.Response answer, List<String> deletions) {
        FullHttpResponse response = answer.body().isEmpty()
                ? empty(answer.status())
                : text(answer.status(), "application/json; charset=utf-8", answer.body());
        answer.location().ifPresent(l -> response.headers().set(HttpHeaderNames.LOCATION, l));
        answer.setCookie().ifPresent(c -> response.headers().add("Set-Cookie", c));
        deletions.forEach(d -> response.headers().add("Set-Cookie", d));
        return response;
    }

    private static FullHttpResponse methodNotAllowed(String allow) {
        FullHttpResponse response = ErrorResponses.of(HttpResponseStatus.METHOD_NOT_ALLOWED,
                "use " + allow, false);
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        return response;
    }

    private static FullHttpResponse empty(int status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }

    private static FullHttpResponse text(int status, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }
}
