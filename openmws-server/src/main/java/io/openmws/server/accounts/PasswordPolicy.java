package io.openmws.server.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What a password must be (OWASP ASVS 2.1): 12 to 128 characters, no composition rules, and not one
 * of the 10,000 most common passwords (the head of zxcvbn's frequency-ordered list, MIT licence,
 * shipped as {@code accounts/common-passwords.txt}; compared without case).
 *
 * <p>That list is mostly shorter than 12 characters, so the 12-character minimum alone would let
 * people pad a common password up to it ({@code password1234}, {@code Iloveyou2024!}). A long password
 * is therefore also refused when it is only a common password with a short run of digits or symbols
 * before or after it, or one short unit repeated ({@code passwordpassword}, {@code abcabcabcabc}).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load("/accounts/common-passwords.txt");
    }

    /** The message key of what is wrong with {@code password}, or empty when it is acceptable. */
    public Optional<String> problem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        if (predictable(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }

    /** The longest run of digits and symbols padded to a common password that still counts as padding. */
    static final int MAX_PADDING = 8;

    private static final Pattern PADDED = Pattern.compile(
            "^([\\p{Punct}\\p{Digit}\\s]{0," + MAX_PADDING + "})(.+?)([\\p{Punct}\\p{Digit}\\s]{0," + MAX_PADDING + "})$");

    private boolean predictable(String lower) {
        if (common.contains(lower)) {
            return true;
        }
        Matcher padded = PADDED.matcher(lower);
        if (padded.matches() && (padded.group(1).length() + padded.group(3).length()) > 0
                && common.contains(padded.group(2))) {
            return true;
        }
        return repeated(lower);
    }

    /** One unit said again and again: {@code aaaaaaaaaaaa}, {@code abcabcabcabc}, {@code passwordpassword}. */
    private boolean repeated(String lower) {
        int length = lower.length();
        for (int unit = 1; unit <= length / 2; unit++) {
            if (length % unit == 0 && lower.substring(unit).equals(lower.substring(0, length - unit))) {
                String word = lower.substring(0, unit);
                return unit <= 4 || common.contains(word) || predictable(word);
            }
        }
        return false;
    }

    int commonPasswordCount() {
        return common.size();
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
