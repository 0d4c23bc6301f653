package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the upstream is asked for: codings the client reads and the gateway can decode. */
class BodyCodecTest {

    @Test
    void theClientsCodingsThatTheGatewayDecodesAreOfferedWithTheirQualities() {
        assertEquals("gzip", BodyCodec.upstreamOffer("gzip"));
        assertEquals("gzip, deflate, br, zstd", BodyCodec.upstreamOffer("gzip, deflate, br, zstd"));
        assertEquals("br;q=1.0, x-gzip;q=0.5", BodyCodec.upstreamOffer("br;q=1.0, x-gzip;q=0.5, compress"));
        assertEquals("gzip;q=0", BodyCodec.upstreamOffer("gzip;q=0"), "a refusal passes on");
    }

    @Test
    void aWildcardStandsForTheDecodableCodingsNotNamed() {
        assertEquals("br;q=1.0, gzip, deflate;q=0.1, zstd;q=0.1", BodyCodec.upstreamOffer("br;q=1.0, *;q=0.1, gzip"));
    }

    @Test
    void nothingDecodableLeavesIdentity() {
        assertEquals("identity", BodyCodec.upstreamOffer("compress"));
        assertEquals("identity", BodyCodec.upstreamOffer(""));
        assertEquals("identity", BodyCodec.upstreamOffer("identity"));
    }
}
