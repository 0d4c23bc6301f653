package dev.consentgate.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to the browser speaking the DevTools protocol: commands carry an id and complete a future when the
 * answer with that id arrives; everything else is an event, handed to every listener with its session id (flat
 * sessions: one socket serves the browser and every attached page, iframe and worker).
 */
final class CdpConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CdpConnection.class);

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /** Receives every event; runs on the socket's reader thread, so it must not block on other commands. */
    interface EventListener {
        void onEvent(String sessionId, String method, Map<String, Object> params);
    }

    /** A command the browser refused, with the protocol's message. */
    static final class CdpException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CdpException(String message) {
            super(message);
        }
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final Map<Long, String> pendingMethods = new ConcurrentHashMap<>();
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private WebSocket socket;

    private CdpConnection() {
    }

    static CdpConnection open(URI webSocketUrl) throws InterruptedException, ExecutionException, TimeoutException {
        CdpConnection connection = new CdpConnection();
        connection.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(webSocketUrl, connection.new Receiver())
                .get(20, TimeUnit.SECONDS);
        return connection;
    }

    void addListener(EventListener listener) {
        listeners.add(listener);
    }

    void removeListener(EventListener listener) {
        listeners.remove(listener);
    }

    /** Sends a command; the future holds its result object or fails with {@link CdpException}. */
    CompletableFuture<Map<String, Object>> send(String sessionId, String method, Map<String, Object> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        pendingMethods.put(id, method);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        if (closed.isDone()) {
            answer.completeExceptionally(new CdpException("connection closed before " + method));
            return answer;
        }
        synchronized (this) {
            // WebSocket allows one outstanding send at a time; joining keeps the frames in order.
            socket.sendText(Json.write(message), true).join();
        }
        return answer;
    }

    /** Sends a command and waits for its result. */
    Map<String, Object> call(String sessionId, String method, Map<String, Object> params) {
        try {
            return send(sessionId, method, params).get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + method, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CdpException cdp) {
                throw new CdpException(method + ": " + cdp.getMessage());
            }
            throw new IllegalStateException(method + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer to " + method + " within " + COMMAND_TIMEOUT, e);
        }
    }

    Map<String, Object> call(String method, Map<String, Object> params) {
        return call(null, method, params);
    }

    @Override
    public void close() {
        if (socket != null && !closed.isDone()) {
            socket.abort();
        }
        failPending("connection closed");
    }

    private void failPending(String why) {
        closed.complete(null);
        pending.forEach((id, future) -> future.completeExceptionally(
                new CdpException(why + " before the answer to " + pendingMethods.get(id))));
        pending.clear();
    }

    @SuppressWarnings("unchecked")
    private void dispatch(String text) {
        Map<String, Object> message = Json.parseObject(text);
        Object id = message.get("id");
        if (id != null) {
            long key = ((Number) id).longValue();
            CompletableFuture<Map<String, Object>> answer = pending.remove(key);
            pendingMethods.remove(key);
            if (answer == null) {
                return;
            }
            if (message.get("error") instanceof Map<?, ?> error) {
                answer.completeExceptionally(new CdpException(String.valueOf(error.get("message"))
                        + (error.get("data") == null ? "" : " (" + error.get("data") + ")")));
            } else {
                Object result = message.get("result");
                answer.complete(result instanceof Map ? (Map<String, Object>) result : Map.of());
            }
            return;
        }
        String method = (String) message.get("method");
        Object params = message.get("params");
        Map<String, Object> eventParams = params instanceof Map ? (Map<String, Object>) params : Map.of();
        String sessionId = (String) message.get("sessionId");
        for (EventListener listener : listeners) {
            try {
                listener.onEvent(sessionId, method, eventParams);
            } catch (RuntimeException e) {
                // A faulty listener must not stop the reader: every later answer would time out instead.
                LOG.warn("DevTools event listener failed on {}", method, e);
            }
        }
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            failPending("browser closed the DevTools connection (" + statusCode + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failPending("DevTools connection failed: " + error);
        }
    }
}
