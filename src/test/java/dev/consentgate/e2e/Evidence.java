package dev.consentgate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario judged, saved before it is judged so a failure can be looked at: target/e2e/NAME.png, and
 * NAME.txt with the cookie jar, every request the page attempted and the page's errors.
 */
final class Evidence {

    private Evidence() {
    }

    static Path directory() {
        return Path.of(System.getProperty("user.dir"), "target", "e2e");
    }

    static void save(String name, Tab tab) {
        save(name, tab, List.of());
    }

    /** @param notes further lines the scenario judged (what it expected, what it matched) */
    static void save(String name, Tab tab, List<String> notes) {
        try {
            Path dir = Files.createDirectories(directory());
            Files.write(dir.resolve(name + ".png"), tab.screenshot());
            List<String> lines = new ArrayList<>();
            lines.add("# " + name);
            lines.addAll(notes);
            lines.add("");
            lines.add("## cookie jar (all of the tab's browser context, HttpOnly included)");
            tab.cookies().forEach(c -> lines.add(c.toString()));
            lines.add("");
            lines.add("## requests the page attempted, in order");
            tab.network().all().forEach(r -> lines.add(r.toString()));
            lines.add("");
            lines.add("## page errors (exceptions, console.error, non-network log errors)");
            lines.addAll(tab.pageErrors());
            Files.write(dir.resolve(name + ".txt"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the evidence of " + name, e);
        }
    }
}
