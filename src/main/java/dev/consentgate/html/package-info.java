/**
 * Streaming HTML enforcement: third-party scripts, pixels, resource hints and embeds whose category the visitor has
 * not granted are removed, neutralized or replaced by a placeholder as the body streams.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link dev.consentgate.html.TagPolicy}: the tag rules and {@link dev.consentgate.config.HtmlSettings},
 *       compiled once per ruleset (host-suffix index, one Aho-Corasick automaton for all inline signatures).</li>
 *   <li>{@link dev.consentgate.html.HtmlRewriter}: one per response; {@code feed(ByteBuf, Consumer)} takes ownership
 *       of each chunk and emits the input buffers themselves or retained slices of them, plus small new buffers for
 *       rewritten tags; {@code finish} at the end of the body, {@code release} on abort.</li>
 *   <li>{@link dev.consentgate.html.RewriteListener} / {@link dev.consentgate.html.RewriteEvent}: each element acted
 *       on (and each element a limit let through); {@link dev.consentgate.html.RewriteReportJson} writes them as the
 *       JSON of {@code rewrite --report}.</li>
 * </ul>
 *
 * <h2>How it works</h2>
 * {@code HtmlTokenizer} is a resumable byte-level state machine following the WHATWG tokenizer for everything that
 * decides where markup starts and ends (tags and attributes in all quotings, comments including {@code <!-->} and
 * {@code --!>}, bogus comments, RAWTEXT/RCDATA end tags, script data with its escaped and double-escaped states;
 * the tag, comment and raw text states are in {@code TagStates}, {@code CommentStates} and {@code RawTextStates}).
 * Its state survives chunk boundaries, so the output never depends on chunking. Outside foreign content, an ordinary
 * tag (one whose name the rewriter never needs, or a link without a ping) lying wholly inside a chunk is skipped in
 * one pass that only finds its end; everything else goes through the states. {@code ByteStreamRewriter} holds the
 * bytes of a candidate element (script, img, iframe, frame, embed, object, link, meta) only until it is judged; an
 * inline script is held ({@code InlineScriptInspection}) until a signature of a blocked category matches (decided at
 * once; at its end while the ruleset has keep rules, one of which may follow) or a keep rule's signature does (it
 * passes) or its end tag, at most {@code inlineScriptInspectLimit} bytes. Memory per response is bounded by these limits.
 *
 * <h2>Judgement</h2>
 * {@code ElementJudge} decides what a start tag means; {@code ElementActions} carries out its verdict. URLs are read
 * from src, data-src, data-lazy-src, data-original, srcset (img, iframe), href (hints), data (object), after decoding
 * character references and normalising as a browser would (backslashes, tabs, userinfo, port, percent-encoded host,
 * trailing dot); a relative URL written plainly, which can match only a path-only rule, is judged on its raw bytes. A
 * tracker URL embedded in another URL (redirects, a mistyped scheme) counts too. An element that passes on its URLs is
 * judged on its event handlers' code ({@code EventHandlers}), as an inline script is (a handler of the visitor's own
 * action by the URLs it loads or names alone), and on the addresses its style attributes load
 * ({@code StyleAttributes}), on every element: an ordinary one with a handler or a style attribute is handed from the
 * tokenizer's fast path ({@code OrdinaryTags}) to the tag states, which capture it. A style element's content (in
 * HTML) is held to its end tag ({@code InlineStyleInspection}, at most {@code inlineScriptInspectLimit} bytes) and
 * each address it loads that a rule blocks ({@code CssUrls}: url(), an import's string, an image set's) becomes
 * {@code none}; so does each in a stylesheet the site serves ({@code StylesheetRewriter}, a {@code BodyRewriter} of its
 * own, which streams: {@code CssUrls} says how far a scan of text that goes on reads for sure). The first rule that
 * matches
 * decides, so essential rules (consent managers, reCAPTCHA) declared first are never blocked. A host rule naming the
 * page's own site ({@link dev.consentgate.html.PageSite}, from the request's Host) does not match that site's URLs.
 * Scripts whose type holds data, a template or a consent tool's blocked script (text/plain, JSON, text/template...) are
 * never touched; any other type may run, since loaders in the page run scripts of their own types (Partytown, Rocket
 * Loader, WP Rocket's rocketlazyloadscript with data-rocket-src or its older data-rocketlazyloadscript, LiteSpeed,
 * Perfmatters), and is judged like JavaScript (fail closed).
 *
 * <h2>Content read both ways</h2>
 * A browser that runs scripts reads a noscript element's content as text up to the first {@code </noscript>}; one
 * that does not reads it as markup. The content of style, title, textarea, xmp, noembed, noframes and iframe is
 * likewise raw text in HTML (an integration point such as foreignObject included) and markup in SVG: inside svg or
 * math it is read both ways (a style's, like a script's there, is held to its end, judged as CSS, then read as
 * markup in one piece). The tokenizer reads such content as raw text, so that what follows its end tag is judged
 * as markup even where markup would have put it inside a comment or an attribute. The content itself goes through a
 * second {@code ByteStreamRewriter} with scripting off, whose judged elements are all pixels (removed); its output
 * replaces the content. A tag the end of the content cuts is dropped when it is one the rewriter judges, an
 * ordinary one with a handler, or one cut inside a value, since the markup reading goes on into it past the next
 * {@code >}. A script in such
 * content goes whole (in SVG it runs its own text, whatever its src, and its content is markup) unless it is of a
 * data type, which runs nowhere: it stays, its content read both ways again. In a noscript's content with no svg or
 * math around it ({@code MarkupReading.NOSCRIPT_IN_HTML}), until that content opens one, a script is HTML's and
 * runs in neither reading; a page's own code may insert it later, so it is judged as the page's scripts are (by its
 * address and its code) and kept when nothing matches. Such readers nest three deep (content deeper still is
 * dropped).
 *
 * <h2>Known simplifications</h2>
 * <ul>
 *   <li>Foreign content is tracked only as far as raw text goes ({@code ForeignContent}): a stack of the svg and
 *       math roots (in their parent's namespace), the integration points (foreignObject, desc, MathML's mi...,
 *       annotation-xml with an HTML encoding) and mglyph, with the HTML elements open in each integration point.
 *       Breakout start tags (font only with color, face or size, read from its attributes) and p/br end tags
 *       pop to the nearest integration point; {@code </svg>}, {@code </math>} and an integration point's end tag
 *       pop to the element of that name, are ignored while an
 *       HTML element is open in the integration point, and end nothing when no element of that name is open. An
 *       HTML element's end tag inside an svg with no integration point below ({@code <div><svg></div>}), or tags of
 *       HTML elements in the markup of its raw text elements (a breakout hidden in a script's string), leave the
 *       svg maybe closed: read both ways until a breakout tag or {@code </svg>}. Where it cannot tell at all (an
 *       end tag naming an HTML element open in the integration point below, SVG's or MathML's structure inside raw
 *       text, CDATA where HTML elements are open, deep nesting...) it stays unsure for the rest of the page, where
 *       raw text and scripts are read both ways, as in an integration point. A browser reads the rewriter's output:
 *       a removed tag that ended SVG (an img, embed or meta there) leaves {@code <span hidden></span>}, which ends it
 *       the same way; after a removed object or frame, whose markup content goes with it, {@code ForeignContent} is
 *       restored to where it stood before the element; and a frame blocked in SVG goes rather than becoming a
 *       placeholder, whose div would end SVG. Markup that content read both ways held counts for every reading
 *       around it, however deep. A self-closing raw text element in
 *       SVG is taken as closed only where the SVG is certain.</li>
 *   <li>Inside svg or math a browser reads a script's content as markup, where an HTML tag breaks out of the SVG and
 *       loads. There a script's content is read both ways as well: an inline script's is kept (up to the inspect
 *       limit; a longer one goes), judged as script text and as the text a browser runs there
 *       ({@code ForeignScriptText}: references decoded, comments and CDATA markers gone), and at its end replaced by
 *       what a second rewriter makes of it as markup; blocked before its end, the script goes rather than being
 *       neutralized. SVG ignores src, so a script with a first-party src and no href is inspected as inline code
 *       there. The content of a script judged by its address goes through the second rewriter as it comes. CDATA
 *       sections in that reading are read both ways too (see below): a tag in it may have turned SVG into HTML.
 *       Where the rewriter takes SVG to go on and a browser left it ({@code <a><svg></a><script>}), a page's own
 *       script is read the same way: a tag written into a string survives, but a {@code <script} written into one
 *       ({@code document.write} of a jQuery fallback) cuts the script short there.</li>
 *   <li>noscript is read as raw text, as a browser running scripts reads it; its content is also judged as markup.
 *       For a browser without scripts, a comment in that content can run past the {@code </noscript>}, and what
 *       follows is then markup to it that the rewriter read as the content of another raw-text element (a title
 *       opened after the end tag): such a pixel reaches only visitors without JavaScript.</li>
 *   <li>{@code <![CDATA[} is a bogus comment ending at the first {@code >} in HTML content. Inside svg or math (and in
 *       content read both ways) the tokenizer reads a CDATA section to {@code ]]>}, as SVG does, and its text is read
 *       both ways: the second rewriter reads it as HTML would, as markup after the first {@code >}.</li>
 *   <li>Named character references: numeric ones and the names of ASCII punctuation (no named reference spells a
 *       letter or digit of a host); others stay literal.</li>
 *   <li>A tag longer than {@code maxTagBytes} whose rule already matched is removed rather than neutralized.</li>
 * </ul>
 */
package dev.consentgate.html;
