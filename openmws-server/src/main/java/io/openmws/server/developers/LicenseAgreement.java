package io.openmws.server.developers;

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
 * The developer license agreement: the text of {@code developers/license-v<N>.txt} with the highest
 * {@code N}. Publishing a new version means adding a file; what each developer accepted stays
 * recorded by its version number.
 */
@Component
class LicenseAgreement {

    /** One version of the agreement. */
    record Version(String version, String text) {}

    private static final Pattern FILE = Pattern.compile("license-v(\\d+)\\.txt");

    private final Version current;

    LicenseAgreement() {
        this.current = load();
    }

    Version current() {
        return current;
    }

    private static Version load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:developers/license-v*.txt");
            Resource newest = Stream.of(files)
                    .filter(r -> r.getFilename() != null && FILE.matcher(r.getFilename()).matches())
                    .max(Comparator.comparingInt(LicenseAgreement::number))
                    .orElseThrow(() -> new IllegalStateException("No developers/license-v<N>.txt on the class path"));
            try (InputStream in = newest.getInputStream()) {
                return new Version(Integer.toString(number(newest)), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the developer license agreement", e);
        }
    }

    private static int number(Resource file) {
        Matcher m = FILE.matcher(file.getFilename());
        if (!m.matches()) {
            throw new IllegalStateException("Not a license file: " + file.getFilename());
        }
        return Integer.parseInt(m.group(1));
    }
}
