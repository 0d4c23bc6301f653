package dev.consentgate.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every request a tab (and the frames and workers attached to it) attempted, from DevTools network events, in the
 * order they started; and how many are still in flight, so a test can wait for the network to go quiet. A request
 * to a name the resolver refuses still appears here (it starts, then fails), which is what makes "zero requests
 * to a tracker" a real observation rather than the absence of one.
 */
final class NetworkLog {

    /** One attempted request (each hop of a redirect chain is its own entry). */
    static final class Request {
        final String method;
        final String url;
        final String type;
        final String initiator;
        volatile int status = -1;
        /**
         * The status the server sent, as it reached the browser's HTTP cache: a 304 that revalidated a cached page
         * shows here, while {@link #status} shows the cached page's 200.
         */
        volatile int networkStatus = -1;
        volatile String failure = "";
        volatile boolean finished;

        Request(String method, String url, String type, String initiator) {
            this.method = method;
            this.url = url;
            this.type = type;
            this.initiator = initiator;
        }

        String host() {
            try {
                String host = URI.create(url).getHost();
                return host == null ? "" : host.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }

        @Override
        public String toString() {
            String outcome = status >= 0 ? String.valueOf(status) : failure.isEmpty() ? "pending" : failure;
            return method + " " + url + " [" + type + "] -> " + outcome
                    + (initiator.isEmpty() ? "" : " (from " + initiator + ")");
        }
    }

    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Request> inFlight = new LinkedHashMap<>();
    /** The latest request of each id, finished or not, for the details DevTools sends about it afterwards. */
    private final Map<String, Request> byId = new LinkedHashMap<>();
    private long lastChange = System.nanoTime();

    /** Feeds one DevTools event (from any of the tab's sessions). */
    synchronized void onEvent(String sessionId, String method, Map<String, Object> params) {
        String key = sessionId + "/" + params.get("requestId");
        switch (method) {
            case "Network.requestWillBeSent" -> {
                Request previous = inFlight.remove(key);
                if (previous != null && params.get("redirectResponse") instanceof Map<?, ?> redirect) {
                    previous.status = ((Number) redirect.get("status")).intValue();
                    previous.finished = true;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> request = (Map<String, Object>) params.get("request");
                Request started = new Request(String.valueOf(request.get("method")), String.valueOf(request.get("url")),
                        String.valueOf(params.getOrDefault("type", "Other")), initiator(params.get("initiator")));
                requests.add(started);
                byId.put(key, started);
                // a link's ping goes out as the page it leaves goes away: DevTools never reports its end, and no
                // page waits for it
                if (!started.url.startsWith("data:") && !started.type.equals("Ping")) {
                    inFlight.put(key, started);
                } else {
                    started.finished = true;
                }
            }
            case "Network.responseReceived" -> {
                Request request = inFlight.get(key);
                if (request != null && params.get("response") instanceof Map<?, ?> response) {
                    request.status = ((Number) response.get("status")).intValue();
                }
            }
            case "Network.responseReceivedExtraInfo" -> {
                Request request = byId.get(key);
                if (request != null && params.get("statusCode") instanceof Number code) {
                    request.networkStatus = code.intValue();
                }
            }
            case "Network.loadingFinished" -> finish(key, "");
            case "Network.loadingFailed" -> finish(key, String.valueOf(params.get("errorText")));
            default -> {
                return;
            }
        }
        lastChange = System.nanoTime();
        notifyAll();
    }

    /** Who asked: the parser at a line of a document, or the script (URL:line) at the top of the stack. */
    private static String initiator(Object value) {
        if (!(value instanceof Map<?, ?> initiator)) {
            return "";
        }
        if (initiator.get("stack") instanceof Map<?, ?> stack && stack.get("callFrames") instanceof List<?> frames
                && !frames.isEmpty() && frames.get(0) instanceof Map<?, ?> top) {
            return "script " + top.get("url") + ":" + line(top.get("lineNumber"));
        }
        if (initiator.get("url") != null) {
            return initiator.get("type") + " " + initiator.get("url") + ":" + line(initiator.get("lineNumber"));
        }
        return String.valueOf(initiator.get("type"));
    }

    /** DevTools counts lines from 0; people count from 1. */
    private static String line(Object zeroBased) {
        return zeroBased instanceof Number n ? String.valueOf(n.longValue() + 1) : "?";
    }

    private void finish(String key, String failure) {
        Request request = inFlight.remove(key);
        if (request != null) {
            request.failure = failure;
            request.finished = true;
        }
    }

    /** A target whose requests no longer count (closed frame or worker): its unfinished ones never will finish. */
    synchronized void forgetSession(String sessionId) {
        inFlight.keySet().removeIf(k -> k.startsWith(sessionId + "/"));
        lastChange = System.nanoTime();
        notifyAll();
    }

    /**
     * Waits until nothing has been in flight for {@code quiet}; fails with the stuck requests after {@code limit}.
     */
    synchronized void awaitIdle(Duration quiet, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long now = System.nanoTime();
            long quietLeft = lastChange + quiet.toNanos() - now;
            if (inFlight.isEmpty() && quietLeft <= 0) {
                return;
            }
            if (now >= deadline) {
                throw new AssertionError("network did not go idle within " + limit + "; still in flight: "
                        + inFlight.values());
            }
            long wait = inFlight.isEmpty() ? Math.min(quietLeft, deadline - now) : deadline - now;
            // A timed wait on this monitor: every network event notifies it, so this is an event wait, not a sleep.
            wait(Math.max(1, wait / 1_000_000), 0);
        }
    }

    synchronized List<Request> all() {
        return List.copyOf(requests);
    }

    synchronized List<Request> matching(Predicate<Request> filter) {
        return requests.stream().filter(filter).toList();
    }

    /** Requests whose host is one of {@code hosts} or a subdomain of one. */
    List<Request> toHosts(Collection<String> hosts) {
        return matching(r -> hosts.stream().anyMatch(h -> r.host().equals(h) || r.host().endsWith("." + h)));
    }
}
