package dev.consentgate.cli;

import dev.consentgate.config.Ruleset;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.consent.PageMarkup;
import dev.consentgate.cookie.CookieClassifier;
import dev.consentgate.html.HtmlInjector;
import dev.consentgate.html.BodyRewriter;
import dev.consentgate.html.HtmlRewriter;
import dev.consentgate.html.StylesheetRewriter;
import dev.consentgate.html.PageSite;
import dev.consentgate.html.RewriteListener;
import dev.consentgate.html.RewriteReportJson;
import dev.consentgate.html.TagPolicy;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code rewrite --consent essential|all|CAT+CAT [--report] < in.html > out.html}: streams a saved page through the
 * same rewriter, tag rules, cookie rules and markup of the gateway's own the proxy uses, so an operator can test a
 * ruleset on the page a visitor gets; with {@code --stylesheet}, a saved stylesheet through the proxy's stylesheet
 * rewriter.
 */
final class RewriteCommand {

    private RewriteCommand() {
    }

    static int run(Ruleset ruleset, ConsentDecision consent, Optional<String> charset, PageSite site, boolean report,
                   boolean stylesheet, InputStream in, OutputStream out, PrintStream err) throws IOException {
        if (charset.isPresent() && !HtmlRewriter.knowsCharset(charset.get())) {
            // not an error: a Content-Type naming it is read the same way, which is what this command shows
            err.println("consentgate: --charset '" + charset.get() + "' is not an encoding a browser knows; it is"
                    + " ignored, as in a Content-Type, and the page's encoding is found without it");
        }
        TagPolicy policy = new TagPolicy(ruleset.tagRules(), ruleset.categories(), ruleset.html());
        CookieClassifier cookies = new CookieClassifier(ruleset.cookieRules(), ruleset.undeclared(),
                ruleset.categories());
        // without --report nothing is kept per element: the page streams in bounded memory however many it has
        RewriteReportJson events = report ? new RewriteReportJson() : null;
        RewriteListener listener = report ? events : RewriteListener.NONE;
        // a stylesheet is read as if served at the site's root: its relative addresses resolve there
        BodyRewriter rewriter = stylesheet ? new StylesheetRewriter(policy, consent, site, "/", charset, listener)
                : new HtmlRewriter(policy, consent, site, charset, listener, name -> cookies.allows(name, consent),
                        injector(ruleset, consent));
        Consumer<ByteBuf> write = buf -> {
            try {
                buf.readBytes(out, buf.readableBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                buf.release();
            }
        };
        byte[] chunk = new byte[64 * 1024];
        int n;
        try {
            while ((n = in.read(chunk)) >= 0) {
                if (n > 0) {
                    rewriter.feed(Unpooled.copiedBuffer(chunk, 0, n), write);
                }
            }
            rewriter.finish(write);
        } catch (UncheckedIOException e) {
            rewriter.release();
            throw e.getCause();
        }
        out.flush();
        if (out instanceof PrintStream printed && printed.checkError()) {
            // a PrintStream keeps its write errors to itself: a full disk or a closed pipe must not exit 0
            throw new IOException("the rewritten page could not be written to the standard output");
        }
        if (report) {
            err.println(events.toJson());
        }
        return 0;
    }

    /**
     * The markup the proxy adds for this visitor (Consent Mode defaults, the banner), as it adds it to a page at "/"
     * whose response names no Content-Security-Policy nonce; null when there is none.
     */
    private static HtmlInjector injector(Ruleset ruleset, ConsentDecision consent) {
        PageMarkup markup = PageMarkup.of(ruleset.consent(), List.copyOf(ruleset.categories().values()));
        if (!markup.adds(consent)) {
            return null;
        }
        return new HtmlInjector(markup.afterHeadStart(consent, Optional.empty()).map(RewriteCommand::utf8),
                markup.beforeBodyEnd(consent, "/").map(RewriteCommand::utf8));
    }

    private static byte[] utf8(String markup) {
        return markup.getBytes(StandardCharsets.UTF_8);
    }
}
