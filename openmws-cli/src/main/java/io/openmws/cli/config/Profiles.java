package io.openmws.cli.config;

import io.openmws.cli.CliFailure;
import io.openmws.cli.Terminal;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The profiles under the CLI's home folder: {@code ~/.openmws/profiles/NAME/}, or {@code $OPENMWS_HOME/profiles/NAME/}.
 * Each holds one developer account's endpoint, access key and sellers; {@code default} unless {@code --profile}
 * or {@code OPENMWS_PROFILE} names another.
 */
public final class Profiles {

    /** The variable that moves the home folder away from {@code ~/.openmws}. */
    public static final String HOME_ENV = "OPENMWS_HOME";
    /** The variable that chooses a profile when {@code --profile} is not given. */
    public static final String PROFILE_ENV = "OPENMWS_PROFILE";
    /** The profile used when none is named. */
    public static final String DEFAULT_PROFILE = "default";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");

    private final Path root;
    private final Terminal terminal;

    private Profiles(Path root, Terminal terminal) {
        this.root = root;
        this.terminal = terminal;
    }

    /** The profiles of this user: under {@code $OPENMWS_HOME} when set, else {@code ~/.openmws}. */
    public static Profiles of(Terminal terminal) {
        Path root = terminal.env(HOME_ENV).map(Path::of).orElse(terminal.userHome().resolve(".openmws"));
        return new Profiles(root.toAbsolutePath(), terminal);
    }

    /**
     * A profile, configured or not.
     *
     * @param name the name given with {@code --profile}, or {@code null} for {@code OPENMWS_PROFILE} or
     *     {@value #DEFAULT_PROFILE}
     * @throws CliFailure (usage) when the name is not 1 to 40 letters, digits, {@code _ . -}
     */
    public Profile profile(String name) {
        String chosen = name != null ? name : terminal.env(PROFILE_ENV).orElse(DEFAULT_PROFILE);
        if (!NAME.matcher(chosen).matches()) {
            throw CliFailure.usage(name != null ? "--profile" : PROFILE_ENV, "expected 1 to 40 letters, digits, '_', '.'"
                    + " or '-', starting with a letter or digit; got '" + chosen + "'");
        }
        return new Profile(chosen, root.resolve("profiles").resolve(chosen));
    }

}
