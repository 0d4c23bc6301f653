package dev.consentgate.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One page in its own browser context (its own cookie jar), driven over DevTools: navigate and wait for the load
 * event and a quiet network, read the jar, run script, click like a user, take a screenshot. Frames and workers the
 * page starts are attached too, so their requests land in the same {@link NetworkLog}.
 */
final class Tab implements AutoCloseable {

    static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);
    static final Duration QUIET = Duration.ofMillis(300);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** A cookie as the browser holds it. */
    record Cookie(String name, String value, String domain, String path, double expires, boolean httpOnly,
                  boolean secure, String sameSite) {

        boolean session() {
            return expires < 0;
        }

        @Override
        public String toString() {
            return name + "=" + value + " domain=" + domain + " path=" + path
                    + (session() ? " session" : " expires=" + (long) expires)
                    + (httpOnly ? " HttpOnly" : "") + (secure ? " Secure" : "")
                    + (sameSite.isEmpty() ? "" : " SameSite=" + sameSite);
        }
    }

    /** A script the page's JavaScript engine compiled: where it came from and, when asked for, its text. */
    record CompiledScript(String scriptId, String url, boolean failedToParse) {
    }

    private final CdpConnection cdp;
    private final String contextId;
    private final String session;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final NetworkLog network = new NetworkLog();
    private final List<String> pageErrors = new ArrayList<>();
    private final List<CompiledScript> scripts = new ArrayList<>();
    private final AtomicReference<CompletableFuture<Void>> load = new AtomicReference<>(new CompletableFuture<>());
    private final CdpConnection.EventListener listener = this::onEvent;

    private Tab(CdpConnection cdp, String contextId, String session) {
        this.cdp = cdp;
        this.contextId = contextId;
        this.session = session;
    }

    static Tab open(CdpConnection cdp) {
        String context = (String) cdp.call("Target.createBrowserContext", Map.of("disposeOnDetach", true))
                .get("browserContextId");
        String target = (String) cdp.call("Target.createTarget",
                Map.of("url", "about:blank", "browserContextId", context)).get("targetId");
        String session = (String) cdp.call("Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId");
        Tab tab = new Tab(cdp, context, session);
        tab.sessions.add(session);
        cdp.addListener(tab.listener);
        tab.call("Page.enable", Map.of());
        tab.call("Network.enable", Map.of());
        tab.call("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        tab.call("Runtime.enable", Map.of());
        tab.call("Log.enable", Map.of());
        tab.call("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        tab.call("Target.setAutoAttach",
                Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true));
        return tab;
    }

    /** Records every script the engine compiles from now on (inline ones carry the document's URL). */
    void recordScripts() {
        call("Debugger.enable", Map.of());
        // A page's own `debugger;` statement must not stop it: nobody is there to resume.
        call("Debugger.setSkipAllPauses", Map.of("skip", true));
    }

    /** Lets this tab keep pages in its HTTP cache and revalidate them, as a browser does by default. */
    void useHttpCache() {
        call("Network.setCacheDisabled", Map.of("cacheDisabled", false));
    }

    /** Turns JavaScript off for this tab (what the upstream's headers alone do to the jar). */
    void disableJavaScript() {
        call("Emulation.setScriptExecutionDisabled", Map.of("value", true));
    }

    NetworkLog network() {
        return network;
    }

    synchronized List<String> pageErrors() {
        return List.copyOf(pageErrors);
    }

    synchronized List<CompiledScript> compiledScripts() {
        return List.copyOf(scripts);
    }

    String scriptSource(String scriptId) {
        return (String) call("Debugger.getScriptSource", Map.of("scriptId", scriptId)).get("scriptSource");
    }

    /** Loads the URL and waits for its load event and then for a quiet network. */
    void navigate(String url) {
        CompletableFuture<Void> loaded = expectLoad();
        Map<String, Object> result = call("Page.navigate", Map.of("url", url));
        Object error = result.get("errorText");
        if (error != null && !error.toString().isEmpty()) {
            throw new AssertionError("navigation to " + url + " failed: " + error);
        }
        settle(loaded, "load of " + url);
    }

    /** Waits until nothing has been in flight for {@link #QUIET} (after script started requests of its own). */
    void awaitNetworkIdle() {
        try {
            network.awaitIdle(QUIET, IDLE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the network", e);
        }
    }

    void reload() {
        CompletableFuture<Void> loaded = expectLoad();
        call("Page.reload", Map.of("ignoreCache", true));
        settle(loaded, "reload");
    }

    /** Clicks the element the expression evaluates to, as a mouse would, and waits for the page it leads to. */
    void clickAndWaitForNavigation(String elementExpression) {
        CompletableFuture<Void> loaded = expectLoad();
        click(elementExpression);
        settle(loaded, "page after clicking " + elementExpression);
    }

    /**
     * Clicks as {@link #clickAndWaitForNavigation} does and waits for the page it leads to to load, not for the network
     * to go idle: a beacon the click sent (an attribution source) stays in flight in DevTools' view for good.
     */
    void clickAndWaitForLoad(String elementExpression) {
        CompletableFuture<Void> loaded = expectLoad();
        click(elementExpression);
        settle(loaded, "page after clicking " + elementExpression, false);
    }

    /** Runs script that leads the page elsewhere (a form submission) and waits for the page it leads to. */
    void evaluateAndWaitForNavigation(String expression) {
        CompletableFuture<Void> loaded = expectLoad();
        evaluate(expression);
        settle(loaded, "page after " + expression);
    }

    /**
     * Clicks the element the expression evaluates to with real mouse events at its centre. An image map's area has no
     * box of its own (Chromium 156.0.8078.114 gives it an empty one): it is clicked at the centre of its rectangle
     * on the image that uses its map.
     */
    @SuppressWarnings("unchecked")
    void click(String elementExpression) {
        Map<String, Object> point = (Map<String, Object>) evaluate("(() => { const e = (" + elementExpression
                + "); if (!e) return null;"
                + " if (e.tagName === 'AREA') { const img = document.querySelector('img[usemap=\"#'"
                + " + e.parentElement.name + '\"]'); const c = e.coords.split(',').map(Number);"
                + " img.scrollIntoView({block: 'center'}); const r = img.getBoundingClientRect();"
                + " return {x: r.left + (c[0] + c[2]) / 2, y: r.top + (c[1] + c[3]) / 2}; }"
                + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (point == null) {
            throw new AssertionError("nothing to click: " + elementExpression + " found no element");
        }
        Object x = point.get("x");
        Object y = point.get("y");
        call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        call("Input.dispatchMouseEvent",
                Map.of("type", "mousePressed", "x", x, "y", y, "button", "left", "clickCount", 1));
        call("Input.dispatchMouseEvent",
                Map.of("type", "mouseReleased", "x", x, "y", y, "button", "left", "clickCount", 1));
    }

    /** Evaluates in the page and returns the value (JSON-like), failing on a thrown exception. */
    Object evaluate(String expression) {
        Map<String, Object> result = call("Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.get("exceptionDetails") != null) {
            throw new AssertionError("script failed in the page: " + expression + " -> "
                    + result.get("exceptionDetails"));
        }
        Object remote = result.get("result");
        return remote instanceof Map<?, ?> r ? r.get("value") : null;
    }

    /** The whole jar of this tab's browser context, HttpOnly cookies included. */
    @SuppressWarnings("unchecked")
    List<Cookie> cookies() {
        List<Object> raw = (List<Object>) call("Network.getAllCookies", Map.of()).get("cookies");
        List<Cookie> cookies = new ArrayList<>();
        for (Object o : raw) {
            Map<String, Object> c = (Map<String, Object>) o;
            cookies.add(new Cookie((String) c.get("name"), (String) c.get("value"), (String) c.get("domain"),
                    (String) c.get("path"), ((Number) c.get("expires")).doubleValue(),
                    Boolean.TRUE.equals(c.get("httpOnly")), Boolean.TRUE.equals(c.get("secure")),
                    String.valueOf(c.getOrDefault("sameSite", ""))));
        }
        return cookies;
    }

    /** Puts a cookie in the jar as if an earlier visit had set it (host-only on the URL's host, Path=/). */
    void setCookie(String url, String name, String value) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("url", url);
        params.put("name", name);
        params.put("value", value);
        params.put("path", "/");
        params.put("expires", (double) (System.currentTimeMillis() / 1000 + 86_400));
        Map<String, Object> result = call("Network.setCookie", params);
        if (!Boolean.TRUE.equals(result.getOrDefault("success", Boolean.TRUE))) {
            throw new AssertionError("the browser refused the cookie " + name + "=" + value);
        }
    }

    byte[] screenshot() {
        String data = (String) call("Page.captureScreenshot", Map.of("format", "png")).get("data");
        return Base64.getDecoder().decode(data);
    }

    @Override
    public void close() {
        cdp.removeListener(listener);
        try {
            cdp.call("Target.disposeBrowserContext", Map.of("browserContextId", contextId));
        } catch (RuntimeException e) {
            // The browser may already be gone; nothing of this tab outlives it.
        }
    }

    private Map<String, Object> call(String method, Map<String, Object> params) {
        return cdp.call(session, method, params);
    }

    private CompletableFuture<Void> expectLoad() {
        CompletableFuture<Void> next = new CompletableFuture<>();
        load.set(next);
        return next;
    }

    private void settle(CompletableFuture<Void> loaded, String what) {
        settle(loaded, what, true);
    }

    private void settle(CompletableFuture<Void> loaded, String what, boolean networkIdle) {
        try {
            loaded.get(LOAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (networkIdle) {
                network.awaitIdle(QUIET, IDLE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no load event for the " + what + " within " + LOAD_TIMEOUT
                    + "; requests so far: " + network.all());
        }
    }

    private void onEvent(String sessionId, String method, Map<String, Object> params) {
        if (sessionId == null || !sessions.contains(sessionId)) {
            return;
        }
        if (method.startsWith("Network.")) {
            network.onEvent(sessionId, method, params);
            return;
        }
        switch (method) {
            case "Page.loadEventFired" -> {
                if (sessionId.equals(session)) {
                    load.get().complete(null);
                }
            }
            case "Page.javascriptDialogOpening" ->
                    cdp.send(sessionId, "Page.handleJavaScriptDialog", Map.of("accept", true));
            case "Runtime.exceptionThrown" -> addError("exception: " + describeException(params));
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.get("type"))) {
                    addError("console.error: " + params.get("args"));
                }
            }
            case "Log.entryAdded" -> {
                Map<?, ?> entry = (Map<?, ?>) params.get("entry");
                // Failed loads (unresolvable third parties, 404s) are network facts, judged from the network log.
                if ("error".equals(entry.get("level")) && !"network".equals(entry.get("source"))) {
                    addError(entry.get("source") + ": " + entry.get("text") + " " + (entry.get("url") == null ? "" : entry.get("url")));
                }
            }
            case "Debugger.scriptParsed", "Debugger.scriptFailedToParse" -> {
                synchronized (this) {
                    scripts.add(new CompiledScript((String) params.get("scriptId"),
                            String.valueOf(params.get("url")), method.endsWith("FailedToParse")));
                }
            }
            case "Target.attachedToTarget" -> attachChild((String) params.get("sessionId"));
            case "Target.detachedFromTarget" -> {
                String child = (String) params.get("sessionId");
                if (child != null && !child.equals(session)) {
                    sessions.remove(child);
                    network.forgetSession(child);
                }
            }
            default -> {
            }
        }
    }

    /** A frame or worker of the page: watch its network too, then let it run (it waits for us). */
    private void attachChild(String child) {
        sessions.add(child);
        cdp.send(child, "Network.enable", Map.of());
        cdp.send(child, "Target.setAutoAttach",
                Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true));
        cdp.send(child, "Runtime.runIfWaitingForDebugger", Map.of());
    }

    private synchronized void addError(String error) {
        pageErrors.add(error);
    }

    private static String describeException(Map<String, Object> params) {
        Map<?, ?> details = (Map<?, ?>) params.get("exceptionDetails");
        Object exception = details.get("exception");
        String description = exception instanceof Map<?, ?> e && e.get("description") != null
                ? String.valueOf(e.get("description")) : String.valueOf(details.get("text"));
        return description + " at " + details.get("url") + ":" + details.get("lineNumber");
    }
}
