package io.openmws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The examples people copy: every verb's {@code --help} ends with examples, and each of them, and each
 * {@code openmws} line of the README's guide, is a command line that the command tree accepts (parsed as the
 * launcher would parse it, nothing run). An option renamed in code and not in the docs fails here.
 */
class HelpExamplesTest {

    /** picocli's own commands, whose help is picocli's. */
    private static final Set<String> BUILT_IN = Set.of("help", "generate-completion");

    @TempDir
    Path home;

    @Test
    void everyVerbsHelpEndsWithExamplesThatParse() {
        List<CommandLine> commands = new ArrayList<>();
        collect(tree(), commands);
        assertThat(commands).hasSizeGreaterThan(10);

        for (CommandLine command : commands) {
            CommandSpec spec = command.getCommandSpec();
            if (BUILT_IN.contains(spec.name())) {
                continue;
            }
            String footer = spec.usageMessage().footerHeading() + String.join("\n", spec.usageMessage().footer());
            assertThat(footer).as("'%s --help' has examples", spec.qualifiedName()).contains("Examples:");
            List<List<String>> examples = commandLines(Arrays.asList(spec.usageMessage().footer()));
            assertThat(examples).as("examples of '%s'", spec.qualifiedName()).isNotEmpty();
            for (List<String> example : examples) {
                assertParses(example, "the help of '" + spec.qualifiedName() + "'");
            }
        }
    }

    @Test
    void theReadmesCommandLinesParse() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## The openmws command");
        assertThat(start).as("the README's guide to the command").isNotNegative();
        int end = start + 1;
        while (end < readme.size() && !readme.get(end).startsWith("## ")) {
            end++;
        }
        List<String> codeLines = new ArrayList<>();
        boolean inCode = false;
        for (String line : readme.subList(start, end)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (inCode) {
                codeLines.add(line);
            }
        }

        List<List<String>> examples = commandLines(codeLines);

        assertThat(examples).hasSizeGreaterThan(15);
        for (List<String> example : examples) {
            assertParses(example, "README.md");
        }
    }

    @Test
    void aRenamedOptionIsCaught() {
        // The check itself: an example with an option the code does not have must not pass.
        List<List<String>> examples = commandLines(List.of("  openmws configure --region EU --profile eu"));
        assertThat(examples).hasSize(1);
        CommandLine line = tree();
        assertThatThrownBy(() -> line.parseArgs(examples.get(0).toArray(String[]::new)))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--region");
    }

    private CommandLine tree() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return OpenMws.commandLine(Terminal.of(new ByteArrayInputStream(new byte[0]), out, out, Map.of(), home));
    }

    private void assertParses(List<String> example, String where) {
        try {
            tree().parseArgs(example.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new AssertionError("In " + where + ", 'openmws " + String.join(" ", example) + "' does not parse: "
                    + e.getMessage(), e);
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!into.contains(sub)) {
                collect(sub, into);
            }
        }
    }

    /**
     * The {@code openmws} command lines among shell lines, as argument lists after {@code openmws}: lines joined
     * at a trailing backslash, variable assignments before the command skipped, quotes honoured, and a comment,
     * redirection or pipe ending the command line. Other lines are not command lines of ours.
     */
    static List<List<String>> commandLines(List<String> lines) {
        List<List<String>> result = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            List<String> words = words(pending.toString());
            pending.setLength(0);
            int i = 0;
            while (i < words.size() && words.get(i).matches("[A-Z_][A-Z0-9_]*=.*")) {
                i++;
            }
            if (i < words.size() && words.get(i).equals("openmws")) {
                result.add(words.subList(i + 1, words.size()));
            }
        }
        return result;
    }

    /** Shell words up to a comment, redirection or pipe; '...' and "..." quote. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (word == null && (c == '#' || c == '>' || c == '<' || c == '|' || c == '&')) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
