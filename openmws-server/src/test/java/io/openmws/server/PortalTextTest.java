package io.openmws.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * All user-facing text lives in {@code messages.properties}: a template's own text is only the
 * designer's placeholder, always replaced, and every key a template names exists.
 */
class PortalTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern ELEMENT_TEXT = Pattern.compile("<([a-zA-Z][\\w:-]*)([^>]*)>([^<]*)");
    private static final Pattern KEY = Pattern.compile("#\\{([\\w.]+)");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    @Test
    void everyTextInATemplateComesFromTheMessageBundle() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            Matcher m = ELEMENT_TEXT.matcher(html);
            while (m.find()) {
                boolean replaced = m.group(2).matches("(?s).*\\bth:(text|utext|errors|replace)=.*");
                if (LETTER.matcher(m.group(3)).find() && !replaced) {
                    literal.add(TEMPLATES.relativize(template) + ": <" + m.group(1) + ">" + m.group(3).strip());
                }
            }
        }
        assertThat(literal).as("text that is not from messages.properties").isEmpty();
    }

    @Test
    void everyMessageKeyATemplateUsesExists() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
            bundle.load(in);
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!bundle.containsKey(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> html = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            assertThat(html).isNotEmpty();
            return html;
        }
    }
}
