package dev.consentgate.config;

/** An address the gateway accepts connections on. */
public record Listener(String host, int port) {

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
