package dev.consentgate.html;

import java.nio.charset.Charset;

/**
 * How the bytes of CSS become the chars {@link CssUrls} scans: one char per byte (0-255), except the second byte of a
 * two-byte character in an encoding where it may be ASCII (Shift_JIS, Big5, GBK, gb18030, EUC-KR), which becomes a
 * char past 255 that no CSS syntax reads; and the encoding a stylesheet's {@code @charset} rule names.
 */
final class CssBytes {

    private CssBytes() {
    }

    /**
     * {@code bytes[0, length)} of a page in {@code encoding} as the scanner reads them: chars 0-255, but where a
     * two-byte character's second byte is ASCII (Shift_JIS, Big5, GBK, gb18030, EUC-KR as browsers read it), that
     * byte is one char past 255 (its value plus 256), part of a name, never a quote, a backslash or a paren: in
     * Shift_JIS "表" is 0x95 0x5C, whose second byte read alone is a backslash that would escape a closing quote. A
     * lead byte and an ASCII byte that make no character are read as two, as a browser reads them (0x85 0x5C is an
     * error, then a backslash): a page may hold both kinds (found by a review, 2026-12-02), so the pairs are told
     * apart by the encoding's table.
     */
    static CharSequence pageText(byte[] bytes, int length, Charset encoding) {
        return paired(bytes, length, encoding, false);
    }

    /**
     * {@link #pageText}, but with every lead byte and ASCII byte that may make a character taken as one, whatever the
     * table says: read besides it, failing closed, where a browser's table holds a character the JDK's lacks.
     */
    static CharSequence everyPairText(byte[] bytes, int length, Charset encoding) {
        return paired(bytes, length, encoding, true);
    }

    private static CharSequence paired(byte[] bytes, int length, Charset encoding, boolean everyPair) {
        TrailBytes trails = TrailBytes.of(encoding);
        if (trails == null) {
            return latin1(bytes, length);
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            chars[i] = (char) b;
            if (trails.isLead(b) && i + 1 < length) {
                int next = bytes[i + 1] & 0xff;
                if (trails.isTrail(next) && (next >= 0x80 || everyPair || trails.makesCharacter(b, next))) {
                    i++;
                    chars[i] = (char) (0x100 | next);
                }
            }
        }
        return java.nio.CharBuffer.wrap(chars);
    }

    /**
     * Which table {@link #pageText} pairs bytes by in {@code encoding} ("" for none): encodings of one kind split a
     * text into the same tokens.
     */
    static String pairingKind(Charset encoding) {
        TrailBytes trails = TrailBytes.of(encoding);
        return trails == null ? "" : trails.name();
    }

    private static final byte[] CHARSET_RULE = "@charset \"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** CSS Syntax 3: an {@code @charset} rule is looked for in the first 1024 bytes. */
    static final int CHARSET_RULE_SPAN = 1024;

    /**
     * The label (trimmed, lower case) of the {@code @charset "...";} rule {@code bytes[0, length)} start with, or null
     * when they start with none (or none ends within {@link #CHARSET_RULE_SPAN} bytes).
     */
    static String charsetRuleLabel(byte[] bytes, int length) {
        if (!startsWithCharsetRule(bytes, length) || length < CHARSET_RULE.length) {
            return null;
        }
        for (int i = CHARSET_RULE.length; i + 1 < Math.min(length, CHARSET_RULE_SPAN); i++) {
            if (bytes[i] == '"' && bytes[i + 1] == ';') {
                return new String(bytes, CHARSET_RULE.length, i - CHARSET_RULE.length,
                        java.nio.charset.StandardCharsets.US_ASCII).trim().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    /** Whether {@code bytes[0, length)} are {@code @charset "} or its start, or start with it. */
    static boolean startsWithCharsetRule(byte[] bytes, int length) {
        for (int k = 0; k < Math.min(length, CHARSET_RULE.length); k++) {
            if (bytes[k] != CHARSET_RULE[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@link #pageText} pairs bytes in {@code encoding}. Where a browser's table and the JDK's differ, the
     * text is read with every possible pair too ({@link #everyPairText}), and as single bytes (see
     * InlineStyleInspection).
     */
    static boolean pairsBytes(Charset encoding) {
        return TrailBytes.of(encoding) != null;
    }

    /**
     * Whether the pairs {@link #pageText} reads in {@code encoding} are Chromium's, pair for pair: for every lead byte
     * and ASCII second byte, the union of the JDK's tables makes a character exactly where Chromium 156's TextDecoder
     * does (a review compared them all, 2026-12-02) in Shift_JIS, GBK, gb18030 and EUC-KR. Big5 was not compared
     * since its pairs past U+FFFF were counted, so other readings stay for it.
     */
    static boolean pairsAsBrowsersDo(Charset encoding) {
        TrailBytes kind = TrailBytes.of(encoding);
        return kind != null && kind != TrailBytes.BIG5;
    }

    /** Which bytes start a two-byte character, and which may follow one, in the encodings whose second is ASCII. */
    private enum TrailBytes {
        SHIFT_JIS, BIG5, GBK, EUC_KR;

        static TrailBytes of(Charset encoding) {
            String name = encoding.name().toLowerCase(java.util.Locale.ROOT);
            if (name.contains("shift_jis") || name.contains("31j") || name.contains("sjis") || name.contains("ms932")) {
                return SHIFT_JIS;
            }
            if (name.contains("big5")) {
                return BIG5;
            }
            if (name.contains("gbk") || name.contains("gb18030") || name.contains("gb2312")) {
                return GBK;
            }
            if (name.contains("euc-kr") || name.contains("949")) {
                return EUC_KR;
            }
            return null;
        }

        /** The JDK's encodings of this kind: a pair any of them has a character for makes one. */
        private String[] family() {
            return switch (this) {
                case SHIFT_JIS -> new String[] {"Shift_JIS", "windows-31j"};
                case BIG5 -> new String[] {"Big5", "Big5-HKSCS"};
                case GBK -> new String[] {"GBK", "GB18030"};
                case EUC_KR -> new String[] {"EUC-KR", "x-windows-949"};
            };
        }

        /** Lead byte times 128 plus ASCII second byte: the pairs that make a character; built when first asked. */
        private volatile java.util.BitSet asciiPairs;

        boolean makesCharacter(int lead, int asciiTrail) {
            java.util.BitSet pairs = asciiPairs;
            if (pairs == null) {
                pairs = asciiPairs();
                asciiPairs = pairs;
            }
            return pairs.get(lead << 7 | asciiTrail);
        }

        private java.util.BitSet asciiPairs() {
            java.util.BitSet pairs = new java.util.BitSet(256 << 7);
            for (String name : family()) {
                if (!Charset.isSupported(name)) {
                    continue;
                }
                Charset charset = Charset.forName(name);
                for (int lead = 0x81; lead <= 0xfe; lead++) {
                    for (int trail = 0x30; trail < 0x80; trail++) {
                        if (isLead(lead) && isTrail(trail)) {
                            String s = new String(new byte[] {(byte) lead, (byte) trail}, charset);
                            // one character even where it is two chars (Big5-HKSCS past U+FFFF, or a letter and
                            // its combining mark): the pair is read whole, its second byte no ASCII character
                            if (!s.isEmpty() && s.indexOf('\uFFFD') < 0 && s.charAt(s.length() - 1) != trail) {
                                pairs.set(lead << 7 | trail);
                            }
                        }
                    }
                }
            }
            return pairs;
        }

        boolean isLead(int b) {
            return this == SHIFT_JIS ? b >= 0x81 && b <= 0x9f || b >= 0xe0 && b <= 0xfc : b >= 0x81 && b <= 0xfe;
        }

        boolean isTrail(int b) {
            return switch (this) {
                case SHIFT_JIS -> b >= 0x40 && b <= 0x7e || b >= 0x80 && b <= 0xfc;
                case BIG5 -> b >= 0x40 && b <= 0x7e || b >= 0xa1 && b <= 0xfe;
                // (gb18030's four-byte characters are two pairs of a lead and a digit)
                case GBK -> b >= 0x30 && b <= 0x39 || b >= 0x40 && b <= 0x7e || b >= 0x80 && b <= 0xfe;
                case EUC_KR -> b >= 0x41 && b <= 0xfe;
            };
        }
    }

    /** {@code bytes[0, length)} as chars 0-255, without a copy. */
    static CharSequence latin1(byte[] bytes, int length) {
        return new Latin1Text(bytes, length);
    }

    /** Bytes as chars 0-255, read in place. */
    record Latin1Text(byte[] bytes, int length) implements CharSequence {
        @Override
        public char charAt(int index) {
            return (char) (bytes[index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            StringBuilder sb = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                sb.append(charAt(i));
            }
            return sb;
        }

        @Override
        public String toString() {
            return subSequence(0, length).toString();
        }
    }
}
