package dev.consentgate.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tag rules with a path and no host (self-hosted trackers, found on any host), indexed for the one question asked
 * of each URL: the first of them, in rule order, whose path occurs in the URL's path. A rule's path starts with '/',
 * so it occurs only where a '/' of the URL's path starts it: the rules are kept in lists by {@link #pairBit} of the
 * two characters after their '/', each list in rule order. A '/' of a URL path followed by two characters with no
 * list starts none of them, and one with a list is tried against a few rules, not all that share a first character.
 * A path with fewer than two characters after its '/' is tried at every '/'. The loader requires the leading '/';
 * rules built otherwise without one are looked for anywhere in the path.
 */
final class PathOnlyRules {

    /** Bits of the hash of two characters: 4,096 lists for a few hundred rules. */
    private static final int PAIR_HASH_BITS = 12;

    /** Each rule's path, by its index in the rule set; null for a rule that is not path-only. */
    private final String[] paths;
    private final int[][] byPair = new int[1 << PAIR_HASH_BITS][];
    /** Rules with fewer than two characters after their '/', which no pair can rule out. */
    private final int[] shortPaths;
    /** Rules whose path has no leading '/'. */
    private final int[] anywhere;
    private final boolean any;

    /** {@code paths}: each rule's path by its index, null where the rule is not path-only. */
    PathOnlyRules(String[] paths) {
        this.paths = paths.clone();
        Map<Integer, List<Integer>> pairs = new HashMap<>();
        List<Integer> unanchored = new ArrayList<>();
        List<Integer> shortOnes = new ArrayList<>();
        for (int k = 0; k < paths.length; k++) {
            String path = paths[k];
            if (path == null) {
                continue;
            }
            if (path.charAt(0) != '/') {
                unanchored.add(k);
            } else if (path.length() < 3) {
                shortOnes.add(k);
            } else {
                pairs.computeIfAbsent(pairBit(path.charAt(1), path.charAt(2)), b -> new ArrayList<>()).add(k);
            }
        }
        this.anywhere = unanchored.stream().mapToInt(Integer::intValue).toArray();
        this.shortPaths = shortOnes.stream().mapToInt(Integer::intValue).toArray();
        pairs.forEach((bit, list) -> byPair[bit] = list.stream().mapToInt(Integer::intValue).toArray());
        this.any = anywhere.length + shortPaths.length > 0 || !pairs.isEmpty();
    }

    /** Whether there are any rules at all. */
    boolean any() {
        return any;
    }

    /** The first rule whose path occurs in the URL path {@code path}, or {@link Integer#MAX_VALUE}. */
    int firstMatch(String path) {
        if (isPathWithoutLeadingSlash(path)) {
            // "matomo.js" resolves under the page's directory, to ".../matomo.js"
            path = "/" + path;
        }
        int best = Integer.MAX_VALUE;
        for (int k : anywhere) {
            if (path.contains(paths[k])) {
                best = k;
                break;
            }
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (shortPaths.length > 0) {
                best = firstStartingAt(shortPaths, path, slash, best);
            }
            if (slash + 2 < path.length()) {
                best = firstStartingAt(byPair[pairBit(path.charAt(slash + 1), path.charAt(slash + 2))], path, slash,
                        best);
            }
        }
        return best;
    }

    /**
     * False when no rule can match the plain ASCII path {@code a[from, to)} (see {@link UrlParts#isPlainRelative}):
     * the filter {@link #firstMatch} applies at each '/', on raw bytes.
     */
    boolean mayMatch(byte[] a, int from, int to) {
        if (!any) {
            return false;
        }
        if (shortPaths.length > 0 || anywhere.length > 0) {
            return true;
        }
        if (from + 1 < to && a[from] != '/' && a[from] != '?' && a[from] != '#'
                && pairMayStartRule((char) a[from], (char) a[from + 1])) {
            // a relative path without its leading '/': see firstMatch
            return true;
        }
        for (int slash = from; slash + 2 < to; slash++) {
            if (a[slash] == '/' && pairMayStartRule((char) a[slash + 1], (char) a[slash + 2])) {
                return true;
            }
        }
        return false;
    }

    /** A relative URL's path that starts with a segment rather than '/', '?' or '#'. */
    private static boolean isPathWithoutLeadingSlash(String path) {
        if (path.isEmpty()) {
            return false;
        }
        char first = path.charAt(0);
        return first != '/' && first != '?' && first != '#';
    }

    /** Whether some rule of three or more characters may start with '/', {@code first}, {@code second}. */
    private boolean pairMayStartRule(char first, char second) {
        return byPair[pairBit(first, second)] != null;
    }

    private static int pairBit(char first, char second) {
        return (first * 31 + second) & ((1 << PAIR_HASH_BITS) - 1);
    }

    /** The first of {@code candidates} (in rule order) before {@code best} whose path starts at {@code at}. */
    private int firstStartingAt(int[] candidates, String path, int at, int best) {
        if (candidates != null) {
            for (int k : candidates) {
                if (k >= best) {
                    break;
                }
                if (path.startsWith(paths[k], at)) {
                    return k;
                }
            }
        }
        return best;
    }
}
