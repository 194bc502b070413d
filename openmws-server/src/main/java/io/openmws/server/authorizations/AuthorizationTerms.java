package io.openmws.server.authorizations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The terms a seller accepts before authorizing a third-party developer: the text of
 * {@code authorizations/terms-v<N>.txt} with the highest {@code N}. Publishing a new version means
 * adding a file; each authorization keeps the version its seller accepted.
 */
@Component
class AuthorizationTerms {

    /** One version of the terms. */
    record Version(String version, String text) {}

    private static final Pattern FILE = Pattern.compile("terms-v(\\d+)\\.txt");

    private final Version current;

    AuthorizationTerms() {
        this.current = load();
    }

    Version current() {
        return current;
    }

    private static Version load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:authorizations/terms-v*.txt");
            Resource newest = Stream.of(files)
                    .filter(r -> r.getFilename() != null && FILE.matcher(r.getFilename()).matches())
                    .max(Comparator.comparingInt(AuthorizationTerms::number))
                    .orElseThrow(() -> new IllegalStateException("No authorizations/terms-v<N>.txt on the class path"));
            try (InputStream in = newest.getInputStream()) {
                return new Version(Integer.toString(number(newest)), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the third-party authorization terms", e);
        }
    }

    private static int number(Resource file) {
        Matcher m = FILE.matcher(file.getFilename());
        if (!m.matches()) {
            throw new IllegalStateException("Not a terms file: " + file.getFilename());
        }
        return Integer.parseInt(m.group(1));
    }
}
