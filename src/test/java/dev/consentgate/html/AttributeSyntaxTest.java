package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributeSyntaxTest {

    @Test
    void srcsetCandidatesAreSplitAtCommasBetweenCandidates() {
        assertEquals(List.of("a.jpg", "b.jpg"), AttributeSyntax.srcsetUrls("a.jpg 1x, b.jpg 2x"));
        assertEquals(List.of("a.jpg", "b.jpg"), AttributeSyntax.srcsetUrls("a.jpg, b.jpg"));
        assertEquals(List.of("a.jpg", "b.jpg"), AttributeSyntax.srcsetUrls("a.jpg,, b.jpg"));
        assertEquals(List.of("a.jpg", "b.jpg"), AttributeSyntax.srcsetUrls(" ,\ta.jpg\n480w ,, b.jpg\f"));
        assertEquals(List.of(), AttributeSyntax.srcsetUrls(" , ,"));
    }

    @Test
    void aCommaInsideAUrlBelongsToIt() {
        assertEquals(List.of("a.jpg,b.jpg"), AttributeSyntax.srcsetUrls("a.jpg,b.jpg"));
        assertEquals(List.of("https://img.example/x,y.jpg", "https://px.example/t"),
                AttributeSyntax.srcsetUrls("https://img.example/x,y.jpg 1x,https://px.example/t 2x"));
    }

    @Test
    void descriptorsRunToTheNextCommaOutsideParentheses() {
        assertEquals(List.of("a.jpg", "b.jpg"), AttributeSyntax.srcsetUrls("a.jpg 100w (x, y), b.jpg"));
    }

    @Test
    void tokensAreSeparatedByAsciiWhitespaceAndComparedLowerCased() {
        Set<String> hints = Set.of("preconnect", "dns-prefetch");
        assertTrue(AttributeSyntax.anyToken("stylesheet\tPreConnect", hints));
        assertTrue(AttributeSyntax.anyToken("  dns-prefetch  ", hints));
        assertFalse(AttributeSyntax.anyToken("stylesheet preconnected", hints));
        assertFalse(AttributeSyntax.anyToken("", hints));
    }
}
