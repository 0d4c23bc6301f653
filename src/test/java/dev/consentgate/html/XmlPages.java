package dev.consentgate.html;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

/** Pages served with an XML type (application/xhtml+xml), rewritten as the proxy rewrites them, and checked as XML. */
final class XmlPages {

    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    static final String GTM = "https://www.googletagmanager.com/gtm.js?id=GTM-X";
    static final String PIXEL = "https://www.facebook.com/tr?id=1";
    static final String FBEVENTS = "https://connect.facebook.net/en_US/fbevents.js";

    private XmlPages() {
    }

    /** An XHTML page: the XML declaration, the html root in the XHTML namespace, a head and {@code body}. */
    static String xhtml(String body) {
        return xhtml("", "", body);
    }

    /** An XHTML page with a prolog after the XML declaration (a DOCTYPE) and markup in its head. */
    static String xhtml(String prolog, String head, String body) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + prolog + "<html xmlns=\"" + XHTML_NS + "\"><head>"
                + "<title>t</title>" + head + "</head><body><p id=\"first\">first</p>" + body
                + "<p id=\"last\">last</p></body></html>";
    }

    /** The page as the gateway sends it to a visitor who consented to essential cookies only. */
    static String rewrite(String page) {
        return rewrite(page, TestRules.defaultPolicy());
    }

    /** The page as the gateway sends it under {@code policy} to a visitor who consented to essential cookies only. */
    static String rewrite(String page, TagPolicy policy) {
        return rewrite(page, policy, Integer.MAX_VALUE);
    }

    /** As {@link #rewrite(String)}, the page fed to the rewriter in chunks of {@code size} bytes. */
    static String rewriteInChunks(String page, int size) {
        return rewrite(page, TestRules.defaultPolicy(), size);
    }

    private static String rewrite(String page, TagPolicy policy, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlRewriter rewriter = new HtmlRewriter(policy, TestRules.ESSENTIAL_ONLY, PageSite.NONE,
                Optional.empty(), true, null, null, null);
        Consumer<ByteBuf> collect = b -> {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        };
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        for (int pos = 0; pos < bytes.length; pos += size) {
            rewriter.feed(Unpooled.copiedBuffer(bytes, pos, Math.min(size, bytes.length - pos)), collect);
        }
        rewriter.finish(collect);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Null when {@code page} is well-formed, namespace-well-formed XML with its internal DTD subset's entities
     * (what Chromium needs to show it, not its XML error page), else the parser's complaint.
     */
    static String xmlError(String page) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
            return null;
        } catch (Exception e) {
            return e.getMessage();
        }
    }
}
