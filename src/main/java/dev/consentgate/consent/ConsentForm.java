package dev.consentgate.consent;

import dev.consentgate.config.Category;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the body of a consent POST into the categories the visitor grants. Accepted forms:
 * <ul>
 * <li>{@code application/x-www-form-urlencoded}: {@code categories=analytics&categories=functionality}, or
 * {@code categories=} for essential only; the banner's buttons add {@code choice=all} (every category),
 * {@code choice=essential} (none) or {@code choice=custom} (the ticked ones); {@code return} is passed on;</li>
 * <li>{@code application/json}: {@code {"categories":["analytics"]}}.</li>
 * </ul>
 * An unknown category rejects the whole submission with a message; naming an essential category is allowed and
 * changes nothing. Never throws.
 */
public final class ConsentForm {

    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_FIELDS = 256;

    /** What a submission said. */
    public sealed interface Result {
    }

    /**
     * @param categories non-essential categories granted (empty: essential only)
     * @param returnTo   the raw {@code return} field, to be checked with {@link ReturnPath#check(String)}
     */
    public record Valid(Set<String> categories, Optional<String> returnTo) implements Result {
        public Valid {
            categories = Set.copyOf(categories);
        }
    }

    /** @param message why, safe to show (contains no raw input beyond a validated category-like word) */
    public record Invalid(String message) implements Result {
    }

    private final Set<String> essential;
    private final Set<String> nonEssential;

    public ConsentForm(Map<String, Category> categories) {
        this.essential = categories.values().stream().filter(Category::essential).map(Category::id)
                .collect(Collectors.toUnmodifiableSet());
        this.nonEssential = categories.values().stream().filter(c -> !c.essential()).map(Category::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @param contentType the request's Content-Type, empty when absent */
    public Result parse(Optional<String> contentType, byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return new Invalid("body larger than " + MAX_BODY_BYTES + " bytes");
        }
        String mediaType = contentType.map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        try {
            String text = utf8(body);
            return switch (mediaType) {
                case "application/x-www-form-urlencoded" -> form(text);
                case "application/json" -> json(text);
                default -> new Invalid("Content-Type must be application/x-www-form-urlencoded or application/json");
            };
        } catch (MalformedValue e) {
            return new Invalid("unreadable body: " + e.getMessage());
        }
    }

    private Result form(String text) {
        Set<String> ticked = new TreeSet<>();
        boolean sawCategories = false;
        Optional<String> choice = Optional.empty();
        Optional<String> returnTo = Optional.empty();
        String[] pairs = text.isEmpty() ? new String[0] : text.split("&", MAX_FIELDS + 1);
        if (pairs.length > MAX_FIELDS) {
            return new Invalid("too many form fields");
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String name = UrlDecoding.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : UrlDecoding.decode(pair.substring(eq + 1), true);
            switch (name) {
                case "categories" -> {
                    sawCategories = true;
                    if (!value.isEmpty()) {
                        ticked.add(value);
                    }
                }
                case "choice" -> choice = Optional.of(value);
                case "return" -> returnTo = Optional.of(value);
                default -> {
                    // Other fields (a CSRF token of the site, submit button names) are not ours.
                }
            }
        }
        Optional<String> unknown = firstUnknown(ticked);
        if (unknown.isPresent()) {
            return new Invalid(unknown.get());
        }
        String answer = choice.orElse(sawCategories ? "custom" : "");
        return switch (answer) {
            case "all" -> new Valid(nonEssential, returnTo);
            case "essential" -> new Valid(Set.of(), returnTo);
            case "custom" -> new Valid(withoutEssential(ticked), returnTo);
            case "" -> new Invalid("no categories field");
            default -> new Invalid("choice must be all, essential or custom");
        };
    }

    private Result json(String text) {
        Object categories = JsonReader.parseObject(text).get("categories");
        if (!(categories instanceof List<?> list)) {
            return new Invalid("categories must be an array of category ids");
        }
        Set<String> ids = new TreeSet<>();
        for (Object item : list) {
            if (!(item instanceof String id)) {
                return new Invalid("categories must be an array of category ids");
            }
            ids.add(id);
        }
        Optional<String> unknown = firstUnknown(ids);
        return unknown.<Result>map(Invalid::new).orElseGet(() -> new Valid(withoutEssential(ids), Optional.empty()));
    }

    private Optional<String> firstUnknown(Set<String> ids) {
        for (String id : ids) {
            if (!essential.contains(id) && !nonEssential.contains(id)) {
                boolean printable = id.length() <= 40 && id.chars().allMatch(c -> c >= 'a' && c <= 'z'
                        || c >= '0' && c <= '9' || c == '-' || c == '_');
                return Optional.of(printable ? "unknown category '" + id + "'" : "unknown category");
            }
        }
        return Optional.empty();
    }

    private Set<String> withoutEssential(Set<String> ids) {
        return ids.stream().filter(nonEssential::contains).collect(Collectors.toUnmodifiableSet());
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedValue("not UTF-8");
        }
    }
}
