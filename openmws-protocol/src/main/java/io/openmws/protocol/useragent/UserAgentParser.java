package io.openmws.protocol.useragent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code AppName/AppVersion (Name=Value; ...)} honouring backslash escapes; never throws. */
final class UserAgentParser {

    private static final int ECHO = 60;

    private final String s;
    private int pos;
    /** The character that ended the last {@link #readUntil}; -1 at the end of the header. */
    private int stop;

    private UserAgentParser(String s) {
        this.s = s;
    }

    static ParsedUserAgent parse(String header) {
        List<String> problems = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            problems.add("No User-Agent header; MWS clients should send AppName/AppVersion (Language=...).");
            return new ParsedUserAgent(header, "", "", attributes, problems);
        }
        if (header.length() > UserAgent.MAX_LENGTH) {
            problems.add("The header is " + header.length() + " characters; MWS allows at most "
                    + UserAgent.MAX_LENGTH + ".");
        }
        UserAgentParser p = new UserAgentParser(header.strip());
        String appName = p.readUntil("/").strip();
        if (appName.isEmpty()) {
            problems.add("No application name before '/'.");
        }
        if (p.stop < 0) {
            problems.add("No '/' between application name and version.");
            return new ParsedUserAgent(header, appName, "", attributes, problems);
        }
        String appVersion = p.readUntil("(").strip();
        if (appVersion.isEmpty()) {
            problems.add("No application version after '/'.");
        }
        if (p.stop < 0) {
            problems.add("No attribute list; MWS requires at least (Language=...).");
            return new ParsedUserAgent(header, appName, appVersion, attributes, problems);
        }
        p.readAttributes(attributes, problems);
        String rest = p.s.substring(p.pos).strip();
        if (!rest.isEmpty()) {
            problems.add("Unexpected text after the attribute list: '" + clip(rest) + "'.");
        }
        if (!attributes.containsKey(UserAgent.LANGUAGE)) {
            problems.add("No Language attribute; MWS requires it.");
        }
        return new ParsedUserAgent(header, appName, appVersion, attributes, problems);
    }

    private void readAttributes(Map<String, String> attributes, List<String> problems) {
        skipSpaces();
        if (pos < s.length() && s.charAt(pos) == ')') {
            pos++; // an empty list "()"
            return;
        }
        while (true) {
            // Only a value can end the list: names escape nothing but '=', so one may start with ')'.
            skipSpaces();
            int start = pos;
            String name = readUntil("=").strip();
            if (stop < 0) {
                problems.add("The attribute list is not Name=Value pairs: '" + clip(s.substring(start)) + "'.");
                return;
            }
            if (name.isEmpty()) {
                problems.add("An attribute has no name.");
            }
            String value = readUntil(";)").strip();
            if (attributes.putIfAbsent(name, value) != null) {
                problems.add("The attribute " + clip(name) + " appears more than once; the first is kept.");
            }
            if (stop == ')') {
                return;
            }
            if (stop < 0) {
                problems.add("The attribute list is not closed with ')'.");
                return;
            }
        }
    }

    /** Reads up to the first unescaped character of {@code stops}, unescaping; consumes that character. */
    private String readUntil(String stops) {
        StringBuilder out = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\' && pos < s.length()) {
                out.append(s.charAt(pos++));
            } else if (stops.indexOf(c) >= 0) {
                stop = c;
                return out.toString();
            } else {
                out.append(c);
            }
        }
        stop = -1;
        return out.toString();
    }

    private void skipSpaces() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private static String clip(String text) {
        return text.length() <= ECHO ? text : text.substring(0, ECHO) + "...";
    }
}
