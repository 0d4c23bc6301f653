package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A Content-Encoding field read as one list of codings, in the order the upstream applied them. */
class ContentCodingsTest {

    @Test
    void everyLineAndEveryMemberCountsInOrderAndIdentityAndEmptyMembersAreNone() throws Exception {
        // Before (found by a review): a list of codings, on one line or several, was refused (502)
        assertEquals(List.of("gzip", "gzip"), ContentCodings.applied(List.of("gzip, gzip")));
        assertEquals(List.of("gzip", "gzip"), ContentCodings.applied(List.of("gzip", "gzip")));
        assertEquals(List.of("deflate", "br"), ContentCodings.applied(List.of("deflate, br")));
        assertEquals(List.of("gzip", "zstd"), ContentCodings.applied(List.of("x-gzip,\tZSTD")));
        assertEquals(List.of("gzip"), ContentCodings.applied(List.of("identity, gzip")));
        assertEquals(List.of("gzip"), ContentCodings.applied(List.of("identity", "gzip")));
        assertEquals(List.of("gzip"), ContentCodings.applied(List.of("gzip,")));
        assertEquals(List.of("gzip"), ContentCodings.applied(List.of("", " , gzip ,, ")));
        assertEquals(List.of("gzip"), ContentCodings.applied(List.of("GZIP")));
        assertEquals(List.of(), ContentCodings.applied(List.of()));
        assertEquals(List.of(), ContentCodings.applied(List.of("identity, ,")));
    }

    @Test
    void aCodingTheGatewayCannotDecodeIsNamed() {
        HtmlBodyRewrite.UnfilterableBody e = assertThrows(HtmlBodyRewrite.UnfilterableBody.class,
                () -> ContentCodings.applied(List.of("gzip", "compress , br")));
        assertEquals("the upstream sent HTML with Content-Encoding 'gzip, compress , br', whose coding 'compress'"
                + " the gateway cannot decode", e.getMessage());
    }

    @Test
    void moreCodingsThanTheGatewayDecodesOneAfterAnotherAreRefused() throws Exception {
        assertEquals(5, ContentCodings.applied(List.of("gzip, gzip, identity, gzip, gzip, gzip")).size());
        HtmlBodyRewrite.UnfilterableBody e = assertThrows(HtmlBodyRewrite.UnfilterableBody.class,
                () -> ContentCodings.applied(List.of("gzip, gzip, gzip", "br, zstd, deflate")));
        assertEquals("the upstream sent HTML with Content-Encoding 'gzip, gzip, gzip, br, zstd, deflate', 6 codings,"
                + " more than the 5 the gateway decodes one after another", e.getMessage());
    }
}
