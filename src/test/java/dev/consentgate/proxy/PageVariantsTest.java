package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.ConsentSettings.DefaultMode;
import dev.consentgate.consent.ConsentDecision;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The entity tags of page variants: made, recognised in a condition, and dropped for another variant. */
class PageVariantsTest {

    private static final PageVariants VARIANTS = new PageVariants("0123456789abcdef|build 1", true);

    private static ConsentDecision granted(String... categories) {
        return new ConsentDecision(Set.of(categories), "cg_consent", Optional.empty(), false, Optional.empty());
    }

    @Test
    void theKeyDependsOnTheGrantedCategoriesTheBannerAndTheSetup() {
        String essential = VARIANTS.key(granted("essential"));
        assertEquals(8, essential.length());
        assertEquals(essential, VARIANTS.key(granted("essential")));
        assertEquals(VARIANTS.key(granted("essential", "analytics", "advertising")),
                VARIANTS.key(granted("advertising", "essential", "analytics")), "order of the set does not count");
        assertNotEquals(essential, VARIANTS.key(granted("essential", "analytics")));
        ConsentDecision notAnswered = new ConsentDecision(Set.of("essential"), ConsentDecision.DEFAULT_SOURCE,
                Optional.empty(), false, Optional.empty());
        assertNotEquals(essential, VARIANTS.key(notAnswered), "the banner shows only to a visitor who did not answer");
        PageVariants noBanner = new PageVariants("0123456789abcdef|build 1", false);
        assertEquals(noBanner.key(granted("essential")), noBanner.key(notAnswered), "without a banner, the same page");
        assertNotEquals(essential, new PageVariants("fedcba9876543210|build 1", true).key(granted("essential")));
        assertNotEquals(essential, new PageVariants("0123456789abcdef|build 2", true).key(granted("essential")));
    }

    @Test
    void theBuildIsNamedByADigestOfItsOwnClasses() {
        assertTrue(BuildId.VALUE.matches("[0-9a-f]{16}"), BuildId.VALUE);
    }

    @Test
    void pagesVaryByTheRegionsHeaderOnlyWhenRegionsDiffer() {
        ConsentSettings.Regions same = new ConsentSettings.Regions(Optional.of("CF-IPCountry"), Optional.empty(),
                DefaultMode.OPT_IN, List.of());
        assertEquals("Cookie, Sec-GPC", Gateway.varyBy(same));
        ConsentSettings.Regions differ = new ConsentSettings.Regions(Optional.of("CF-IPCountry"), Optional.empty(),
                DefaultMode.OPT_IN, List.of(new ConsentSettings.RegionGroup("us", Set.of("US"), DefaultMode.OPT_OUT)));
        assertEquals("Cookie, Sec-GPC, CF-IPCountry", Gateway.varyBy(differ));
    }

    @Test
    void theKeyGoesInsideTheUpstreamsTag() {
        assertEquals(Optional.of("W/\"v1.cg-1a2b3c4d\""), PageVariants.tag("\"v1\"", "1a2b3c4d", true));
        assertEquals(Optional.of("\"v1.cg-1a2b3c4d\""), PageVariants.tag("\"v1\"", "1a2b3c4d", false));
        assertEquals(Optional.of("W/\"v1.cg-1a2b3c4d\""), PageVariants.tag(" W/\"v1\"", "1a2b3c4d", false));
        assertEquals(Optional.empty(), PageVariants.tag("v1", "1a2b3c4d", true), "not an entity tag");
        assertEquals(Optional.empty(), PageVariants.tag("\"a\", \"b\"", "1a2b3c4d", true), "not one tag");
    }

    @Test
    void aTagOfThisVariantIsForwardedWithoutItsKeyAndOneOfAnotherIsDropped() {
        PageVariants.Forwarded f = PageVariants.forwardIfNoneMatch(
                "\"x\", W/\"v1.cg-1a2b3c4d\", \"v1.cg-99999999\",W/\"y\"", "1a2b3c4d", false);
        assertEquals(Optional.of("\"x\", W/\"v1\", W/\"y\""), f.value());
        assertTrue(f.revalidatesVariant());
        assertTrue(f.droppedOther());

        PageVariants.Forwarded other = PageVariants.forwardIfNoneMatch("\"v1.cg-99999999\"", "1a2b3c4d", false);
        assertEquals(Optional.empty(), other.value());
        assertFalse(other.revalidatesVariant());
    }

    @Test
    void aTagThatOnlyLooksLikeOursPasses() {
        // a key is exactly eight characters after the last ".cg-"
        assertEquals(Optional.of("\"a.cg-123\""), PageVariants.forwardIfNoneMatch("\"a.cg-123\"", "1a2b3c4d", false).value());
    }

    @Test
    void aPageWithOnlyADateGetsATagThatRevalidatesByThatDate() {
        HttpHeaders response = new DefaultHttpHeaders().add("Last-Modified", "Tue, 16 Dec 2025 08:00:00 GMT");
        PageVariants.markResponse(response, "1a2b3c4d", true);
        String tag = response.get("ETag");
        assertEquals("W/\"cg-date~Tue~_16_Dec_2025_08:00:00_GMT.cg-1a2b3c4d\"", tag);
        assertFalse(response.contains("Last-Modified"));

        HttpHeaders request = new DefaultHttpHeaders().add("Accept", "text/html").add("If-None-Match", tag);
        assertTrue(PageVariants.forwardConditions(request, true, () -> "1a2b3c4d"));
        assertFalse(request.contains("If-None-Match"));
        assertEquals("Tue, 16 Dec 2025 08:00:00 GMT", request.get("If-Modified-Since"));

        HttpHeaders otherChoice = new DefaultHttpHeaders().add("Accept", "text/html").add("If-None-Match", tag);
        assertFalse(PageVariants.forwardConditions(otherChoice, true, () -> "99999999"));
        assertFalse(otherChoice.contains("If-Modified-Since"), "the date of another choice's page is not forwarded");

        HttpHeaders broken = new DefaultHttpHeaders().add("Last-Modified", "\"quoted\"");
        PageVariants.markResponse(broken, "1a2b3c4d", true);
        assertFalse(broken.contains("ETag"), "only a date becomes a tag");

        HttpHeaders unquoted = new DefaultHttpHeaders().add("ETag", "abc123")
                .add("Last-Modified", "Tue, 16 Dec 2025 08:00:00 GMT");
        PageVariants.markResponse(unquoted, "1a2b3c4d", true);
        assertEquals(tag, unquoted.get("ETag"), "a tag that cannot be read gives way to the date");
    }

    @Test
    void aDateTagOfAGatewayFurtherInIsForwardedAsATag() {
        // this gateway stands in front of another: its tag stands for the inner one's tag, not for a date
        String inner = "W/\"cg-date~Tue~_16_Dec_2025_08:00:00_GMT.cg-11111111";
        HttpHeaders request = new DefaultHttpHeaders().add("Accept", "text/html")
                .add("If-None-Match", inner + ".cg-1a2b3c4d\"");
        assertTrue(PageVariants.forwardConditions(request, true, () -> "1a2b3c4d"));
        assertEquals(inner + "\"", request.get("If-None-Match"));
        assertFalse(request.contains("If-Modified-Since"));
    }

    @Test
    void severalRangesAreAskedForWholeWhenTheConsentChangesPagesAndOneRangeKeepsItsRange() {
        // several ranges, or a value the gateway cannot read, which the upstream may read as several
        for (String several : List.of("bytes=0-99,200-299", "bytes=0-99, -50", "bytes=x-y", "0-99", "bytes=0-99;200",
                "bytes = 7-8")) {
            HttpHeaders headers = new DefaultHttpHeaders().add("Range", several).add("If-Range", "\"v1\"");
            assertTrue(PageVariants.asksForSeveralRanges(headers), several);
            PageVariants.forwardConditions(headers, true, () -> "1a2b3c4d");
            assertFalse(headers.contains("Range"), several);
            assertFalse(headers.contains("If-Range"), several);
        }
        for (String one : List.of("bytes=0-99", "bytes=-500", "bytes=100-")) {
            HttpHeaders headers = new DefaultHttpHeaders().add("Range", one).add("If-Range", "\"v1\"");
            PageVariants.forwardConditions(headers, true, () -> "1a2b3c4d");
            assertEquals(one, headers.get("Range"), "a single range of a script or an image passes");
            assertTrue(headers.contains("If-Range"));
        }
        HttpHeaders twoLines = new DefaultHttpHeaders().add("Range", "bytes=0-1").add("Range", "bytes=5-6");
        assertTrue(PageVariants.asksForSeveralRanges(twoLines), "two Range lines are a list of ranges");
        HttpHeaders allGranted = new DefaultHttpHeaders().add("Range", "bytes=0-99,200-299");
        PageVariants.forwardConditions(allGranted, false, () -> "1a2b3c4d");
        assertEquals("bytes=0-99,200-299", allGranted.get("Range"), "nothing to judge when the consent changes no page");
    }

    @Test
    void ifRangeNamesWhatTheUpstreamHasForThisVariantAndAnotherVariantAsksForTheWhole() {
        HttpHeaders same = new DefaultHttpHeaders().add("Range", "bytes=100-").add("If-Range", "\"v1.cg-1a2b3c4d\"");
        PageVariants.forwardConditions(same, false, () -> "1a2b3c4d");
        assertEquals("\"v1\"", same.get("If-Range"));
        assertEquals("bytes=100-", same.get("Range"));
        HttpHeaders other = new DefaultHttpHeaders().add("Range", "bytes=100-").add("If-Range", "\"v1.cg-99999999\"");
        PageVariants.forwardConditions(other, false, () -> "1a2b3c4d");
        assertFalse(other.contains("Range"));
        assertFalse(other.contains("If-Range"));
        for (String passes : List.of("\"v1\"", "Tue, 16 Dec 2025 08:00:00 GMT")) {
            HttpHeaders headers = new DefaultHttpHeaders().add("Range", "bytes=100-").add("If-Range", passes);
            PageVariants.forwardConditions(headers, false, () -> "1a2b3c4d");
            assertEquals(passes, headers.get("If-Range"), "not the gateway's: as it is");
            assertEquals("bytes=100-", headers.get("Range"));
        }
    }

    @Test
    void ifMatchNamesWhatTheUpstreamHasForThisVariantsTagsOnly() {
        assertEquals("\"v1\", \"v1.cg-99999999\", \"x\"",
                PageVariants.forwardIfMatch("\"v1.cg-1a2b3c4d\", \"v1.cg-99999999\", \"x\"", "1a2b3c4d"));
        assertEquals("*", PageVariants.forwardIfMatch("*", "1a2b3c4d"));
        HttpHeaders headers = new DefaultHttpHeaders().add("If-Match", "\"v1.cg-1a2b3c4d\"");
        PageVariants.forwardConditions(headers, true, () -> "1a2b3c4d");
        assertEquals(List.of("\"v1\""), headers.getAll("If-Match"));
    }

    @Test
    void aStarPassesAndAnUnreadableValueIsForwardedOnlyWhenNoPageIsAskedFor() {
        assertEquals(Optional.of("*"), PageVariants.forwardIfNoneMatch(" * ", "1a2b3c4d", false).value());
        assertEquals(Optional.empty(), PageVariants.forwardIfNoneMatch("*", "1a2b3c4d", true).value(),
                "a request for a page keeps no condition but its own variant's tags");
        for (String bad : List.of("v1", "\"v1", "W/v1", "\"a\"\"b\"", "", ", ,")) {
            PageVariants.Forwarded forPage = PageVariants.forwardIfNoneMatch(bad, "1a2b3c4d", true);
            assertEquals(Optional.empty(), forPage.value(), bad);
            assertTrue(forPage.droppedOther(), bad);
            PageVariants.Forwarded forScript = PageVariants.forwardIfNoneMatch(bad, "1a2b3c4d", false);
            assertEquals(bad.isBlank() ? Optional.empty() : Optional.of(bad.trim()), forScript.value(),
                    "a server that sends unquoted tags still reads them: " + bad);
        }
        assertEquals(Optional.empty(), PageVariants.forwardIfNoneMatch("v1.cg-99999999", "1a2b3c4d", false).value());
    }

    @Test
    void aRequestForAPageKeepsOnlyTheTagOfItsVariantAsStrongAsItWasSent() {
        PageVariants.Forwarded f = PageVariants.forwardIfNoneMatch("\"v1\", \"v1.cg-1a2b3c4d\", W/\"x\"", "1a2b3c4d",
                true);
        assertEquals(Optional.of("\"v1\""), f.value());
        assertTrue(f.revalidatesVariant());
        assertTrue(f.droppedOther(), "the upstream's own tag names a page from before the gateway");
    }

    @Test
    void aPageIsAskedForByNavigationsFramesAndRequestsForHtml() {
        for (String[] header : List.of(new String[] {"Sec-Fetch-Dest", "document"},
                new String[] {"Sec-Fetch-Dest", "iframe"}, new String[] {"Accept", "text/html,application/xhtml+xml"},
                new String[] {"Accept", "application/xhtml+xml"}, new String[] {"HX-Request", "true"},
                new String[] {"Sec-Purpose", "prefetch;prerender"}, new String[] {"Purpose", "prefetch"})) {
            HttpHeaders h = new DefaultHttpHeaders().add(header[0], header[1]);
            assertTrue(PageVariants.mayLoadDocument(h), header[0] + ": " + header[1]);
        }
        for (String[] header : List.of(new String[] {"Sec-Fetch-Dest", "script"}, new String[] {"Accept", "*/*"},
                new String[] {"Accept", "image/avif,image/webp"})) {
            HttpHeaders h = new DefaultHttpHeaders().add(header[0], header[1]);
            assertFalse(PageVariants.mayLoadDocument(h), header[0] + ": " + header[1]);
        }
    }

    @Test
    void anSvgResourceIsAnImageFetchedInSameOriginMode() {
        // how Chromium 156 fetches the sprite of a use element (ExternalSvgDocumentsReachNoTrackerE2ETest)
        assertTrue(PageVariants.mayLoadSvgResource(new DefaultHttpHeaders().add("Sec-Fetch-Dest", "image")
                .add("Sec-Fetch-Mode", "same-origin")));
        // an img's fetch, a CSS mask's, and requests that say nothing of their use
        for (String mode : List.of("no-cors", "cors")) {
            assertFalse(PageVariants.mayLoadSvgResource(new DefaultHttpHeaders().add("Sec-Fetch-Dest", "image")
                    .add("Sec-Fetch-Mode", mode)), mode);
        }
        assertFalse(PageVariants.mayLoadSvgResource(new DefaultHttpHeaders().add("Sec-Fetch-Dest", "image")));
        assertFalse(PageVariants.mayLoadSvgResource(new DefaultHttpHeaders().add("Sec-Fetch-Mode", "same-origin")));
    }

    @Test
    void aRequestForAPageLosesItsDateAndRange() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Accept", "text/html").add("If-Modified-Since",
                "Tue, 16 Dec 2025 08:00:00 GMT").add("Range", "bytes=0-99").add("If-Range", "\"v1\"");
        assertFalse(PageVariants.forwardConditions(headers, true, () -> {
            throw new AssertionError("no tag to compare: the key is not needed");
        }));
        assertEquals(List.of("Accept"), headers.names().stream().toList());
    }

    @Test
    void droppingAnotherVariantsTagDropsItsDateToo() {
        HttpHeaders headers = new DefaultHttpHeaders();
        headers.add("If-None-Match", "W/\"v1.cg-99999999\"");
        headers.add("If-Modified-Since", "Tue, 16 Dec 2025 08:00:00 GMT");
        assertFalse(PageVariants.forwardConditions(headers, true, () -> "1a2b3c4d"));
        assertFalse(headers.contains("If-None-Match"));
        assertFalse(headers.contains("If-Modified-Since"));

        HttpHeaders same = new DefaultHttpHeaders();
        same.add("If-None-Match", "W/\"v1.cg-1a2b3c4d\"");
        same.add("If-None-Match", "\"z\"");
        same.add("If-Modified-Since", "Tue, 16 Dec 2025 08:00:00 GMT");
        assertTrue(PageVariants.forwardConditions(same, true, () -> "1a2b3c4d"));
        assertEquals(List.of("W/\"v1\", \"z\""), same.getAll("If-None-Match"));
        assertTrue(same.contains("If-Modified-Since"));
    }
}
