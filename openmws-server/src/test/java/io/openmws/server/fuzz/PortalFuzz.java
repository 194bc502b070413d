package io.openmws.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile input on the portal and the sandbox control API. The portal part signs in as the users
 * that see every form (a seller that registered as a developer, a seller that authorized it and is
 * still to register, the operator; and a visitor who is signed out), reads the forms and links of
 * their pages as a browser would, and posts each form again and again with fuzzed values, a valid
 * CSRF token and now and then a broken one, ids in its path replaced, fields left out, doubled or
 * added. The control API part reads the API's own OpenAPI document for its calls and field names,
 * and sends each call fuzzed JSON (wrong types, nulls, huge and deep values, broken JSON, no body, a
 * wrong Content-Type) and fuzzed path ids. Every answer must be below 500; a control API error must be
 * its own {@code {"error", "message"}} JSON.
 *
 * <p>Reading the pages, not a list of forms, is deliberate: a form added later is fuzzed too.
 */
final class PortalFuzz {

    /** The counts of a run, and its first problems. */
    record Result(long requests, Map<String, Long> byOutcome, List<String> problems, long problemCount) {
        String table() {
            StringBuilder sb = new StringBuilder(String.format("%,d requests, %,d problems%n", requests, problemCount));
            byOutcome.forEach((k, v) -> sb.append(String.format("  %-78s %,7d%n", k, v)));
            problems.forEach(p -> sb.append("PROBLEM ").append(p).append('\n'));
            return sb.toString();
        }
    }

    /** One form as the page holds it. */
    record Form(String page, String action, String method, boolean multipart, Map<String, List<String>> fields) {}

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea|button)\\b([^>]*)>(?:(.*?)</select>)?",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern JSON_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern CONTROL_ERROR = Pattern.compile(
            "^\\s*\\{.*\"error\"\\s*:\\s*\"[^\"]+\".*\"message\"\\s*:\\s*\".*\\}\\s*$", Pattern.DOTALL);
    private static final String[] NASTY = {"", " ", "null", "' OR '1'='1", "<script>alert(1)</script>", "\"><img src=x>",
        "${7*7}", "#{7*7}", "__${T(java.lang.Runtime).getRuntime()}__::.x", "../../etc/passwd", "%00", "\u0000", "\uFEFF",
        "😀", "\u202E", "\r\nSet-Cookie: x=y", "-1", "0", "2147483648", "99999999999999999999", "1e309", "NaN", "true",
        "2026-13-45", "9999-12-31", "0000-00-00T00:00:00Z", "P99999999999D", "-P1D", "A".repeat(300),
        "a@b", "@", "x@y.z".repeat(60), "ATVPDKIKX0DER,ATVPDKIKX0DER", "amzn.mws.00000000-0000-0000-0000-000000000000"};
    private static final String[] EXTRA_FIELDS = {"id", "sellerId", "accountId", "developerId", "role", "status",
        "admin", "email", "marketplaces", "page", "size", "sort", "token", "_method"};
    private static final int KEPT_PROBLEMS = 40;

    private final URI base;
    private final String operatorToken;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private long problemCount;
    private long requests;

    PortalFuzz(String base, String operatorToken) {
        this.base = URI.create(base.replaceAll("/$", ""));
        this.operatorToken = operatorToken;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("Usage: PortalFuzz BASE_URL OPERATOR_TOKEN [rounds per form=30] [seed=18]");
            System.exit(2);
        }
        PortalFuzz fuzz = new PortalFuzz(args[0], args[1]);
        Result result = fuzz.run(args.length > 2 ? Integer.parseInt(args[2]) : 30, args.length > 3 ? Long.parseLong(args[3]) : 18);
        System.out.print(result.table());
        System.exit(result.problemCount() == 0 ? 0 : 1);
    }

    /** The portal, then the control API (whose reset and clock calls would disturb the portal's scene). */
    Result run(int rounds, long seed) throws Exception {
        Random r = new Random(seed);
        portal(rounds, r);
        control(rounds, r);
        return new Result(requests, outcomes, problems, problemCount);
    }

    // ---- the portal

    private void portal(int rounds, Random r) throws Exception {
        String password = "fuzz-" + Long.toHexString(r.nextLong()) + "-password";
        Map<String, String> developerSeller = controlPost("/sandbox/v1/sellers", "{\"password\":\"" + password + "\"}", 201);
        Map<String, String> developer = controlPost("/sandbox/v1/developers",
                "{\"sellerId\":\"" + developerSeller.get("sellerId") + "\"}", 201);
        Map<String, String> seller = controlPost("/sandbox/v1/sellers", "{\"password\":\"" + password + "\"}", 201);
        controlPost("/sandbox/v1/authorizations", "{\"sellerId\":\"" + seller.get("sellerId") + "\",\"developerId\":\""
                + developer.get("developerId") + "\"}", 201);

        // twice: a form that only appears once another succeeded (the registration's next step) is fuzzed too;
        // once for a single round (the build's quick run)
        for (int pass = 0; pass < (rounds > 1 ? 2 : 1); pass++) {
            portalPass(rounds, r, password, developerSeller, seller);
        }
    }

    private void portalPass(int rounds, Random r, String password, Map<String, String> developerSeller,
                            Map<String, String> seller) throws Exception {
        List<String> sellerPages = List.of("/sellercentral", "/sellercentral/settings/account-info",
                "/sellercentral/settings/user-permissions", "/sellercentral/settings/user-permissions/authorize",
                "/sellercentral/inventory", "/sellercentral/inventory/upload", "/sellercentral/orders",
                "/sellercentral/reports", "/sellercentral/reports/inventory", "/sellercentral/reports/orders",
                "/sellercentral/reports/payments", "/sellercentral/developer/register");
        List<String> developerPages = List.of("/sellercentral/developer-central", "/sellercentral/developer-central/keys",
                "/sellercentral/developer-central/calls", "/sellercentral/developer-central/sellers",
                "/sellercentral/developer-central/notices");
        visit("signed out", new Visitor(), List.of("/", "/login", "/signup", "/password/forgot", "/password/reset?token=x",
                "/developers", "/sellercentral/authorizations/verify?token=x", "/operator/login"), rounds, r);
        Visitor sellerVisitor = new Visitor();
        signIn(sellerVisitor, seller.get("email"), password);
        visit("seller", sellerVisitor, sellerPages, rounds, r);
        Visitor developerVisitor = new Visitor();
        signIn(developerVisitor, developerSeller.get("email"), password);
        List<String> both = new ArrayList<>(sellerPages);
        both.addAll(developerPages);
        visit("developer", developerVisitor, both, rounds, r);
        Visitor operator = new Visitor();
        Page login = operator.get("/operator/login");
        operator.post("/operator/login", form(Map.of("token", List.of(operatorToken), "_csrf", List.of(csrf(login.body())))),
                "application/x-www-form-urlencoded");
        visit("operator", operator, List.of("/operator", "/operator/accounts", "/operator/developers",
                "/operator/authorizations", "/operator/clock"), rounds, r);
    }

    private void signIn(Visitor visitor, String email, String password) throws Exception {
        Page login = visitor.get("/login");
        Page done = visitor.post("/login", form(Map.of("username", List.of(email), "password", List.of(password),
                "_csrf", List.of(csrf(login.body())))), "application/x-www-form-urlencoded");
        if (done.status() != 302 || done.location().contains("error")) {
            throw new IllegalStateException("Signing in as " + email + " failed: " + done.status() + " " + done.location());
        }
    }

    private void visit(String who, Visitor visitor, List<String> pages, int rounds, Random r) throws Exception {
        Set<String> links = new LinkedHashSet<>();
        for (String path : pages) {
            Page page = visitor.get(path);
            record(who + " GET " + template(path), page.status(), null, "GET " + path);
            List<Form> forms = forms(path, page.body());
            Matcher href = HREF.matcher(page.body());
            while (href.find()) {
                String link = unescape(href.group(1));
                if (!link.contains("logout") && !link.startsWith("/sandbox/v1")) {
                    links.add(link);
                }
            }
            for (Form f : forms) {
                if (f.action().contains("logout") || f.action().contains("signout")) {
                    continue;
                }
                for (int i = 0; i < rounds; i++) {
                    submit(who, visitor, f, r);
                }
            }
        }
        // the links the pages hold (orders, reports, authorizations, confirmations...), with their ids and
        // queries broken; the forms of the pages they open are posted too (revoke, reveal a token, delete a key)
        Set<String> posted = new LinkedHashSet<>();
        for (String link : links) {
            for (int i = 0; i < Math.max(1, rounds / 5); i++) {
                String target = i == 0 ? link : mutatePath(link, r) + (r.nextBoolean() ? "" : "?"
                        + enc(pick(r, EXTRA_FIELDS)) + "=" + enc(value(r, "")));
                Page page = visitor.get(target);
                record(who + " GET " + template(link), page.status(), null, "GET " + target);
                if (i == 0 && page.status() == 200 && !pages.contains(link.split("\\?", 2)[0])) {
                    for (Form f : forms(link, page.body())) {
                        if (!f.action().contains("logout") && posted.add(f.method() + " " + template(f.action()))) {
                            for (int k = 0; k < rounds; k++) {
                                submit(who, visitor, f, r);
                            }
                        }
                    }
                }
            }
        }
    }

    private void submit(String who, Visitor visitor, Form f, Random r) throws Exception {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : f.fields().entrySet()) {
            String name = e.getKey();
            List<String> values = e.getValue();
            if (name.equals("_csrf")) {
                fields.put(name, r.nextInt(30) == 0 ? List.of(pick(r, NASTY)) : values);
                continue;
            }
            int choice = r.nextInt(10);
            if (choice < 3) {
                fields.put(name, List.of(values.isEmpty() ? "" : values.get(r.nextInt(values.size()))));
            } else if (choice == 3) {
                continue;   // left out
            } else if (choice == 4) {
                fields.put(name, List.of(value(r, ""), value(r, "")));   // twice
            } else {
                fields.put(name, List.of(value(r, values.isEmpty() ? "" : values.get(0))));
            }
        }
        if (r.nextInt(5) == 0) {
            fields.put(pick(r, EXTRA_FIELDS), List.of(value(r, "")));
        }
        String action = r.nextInt(6) == 0 ? mutatePath(f.action(), r) : f.action();
        Page page;
        if (f.method().equals("get")) {
            page = visitor.get(action + (action.contains("?") ? "&" : "?") + form(fields));
        } else if (f.multipart()) {
            String boundary = "fuzz" + Long.toHexString(r.nextLong());
            page = visitor.post(action, multipart(fields, boundary, r), "multipart/form-data; boundary=" + boundary);
        } else {
            page = visitor.post(action, form(fields).getBytes(StandardCharsets.UTF_8),
                    r.nextInt(20) == 0 ? "text/plain" : "application/x-www-form-urlencoded");
        }
        record(who + " " + f.method().toUpperCase() + " " + template(f.action()), page.status(), null,
                f.method() + " " + action + " " + abbreviate(fields.toString()));
    }

    private static byte[] multipart(Map<String, List<String>> fields, String boundary, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            for (String v : e.getValue()) {
                boolean file = e.getKey().equals("file") || e.getKey().endsWith("File");
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\""
                        + (file ? "; filename=\"" + pick(r, new String[] {"a.txt", "../../x", "", "a\".xml"}) + "\"" : "")
                        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                if (file) {
                    byte[] bytes = new byte[r.nextInt(4000)];
                    r.nextBytes(bytes);
                    out.writeBytes(r.nextBoolean() ? bytes : ("sku\tprice\tquantity\n" + v + "\t" + v + "\t" + v + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    out.writeBytes(v.getBytes(StandardCharsets.UTF_8));
                }
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        if (r.nextInt(10) != 0) {   // now and then a body that never ends its last part
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    // ---- the control API

    private void control(int rounds, Random r) throws Exception {
        Visitor api = new Visitor();
        Page docs = api.send(HttpRequest.newBuilder(base.resolve("/v3/api-docs"))
                .header("Authorization", "Bearer " + operatorToken).GET());
        Map<String, List<String>> calls = new TreeMap<>();
        Matcher path = Pattern.compile("\"(/sandbox/v1/[^\"]*)\"\\s*:\\s*\\{").matcher(docs.body());
        List<int[]> spans = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        while (path.find()) {
            paths.add(path.group(1));
            spans.add(new int[] {path.end(), 0});
        }
        for (int i = 0; i < paths.size(); i++) {
            String section = docs.body().substring(spans.get(i)[0], i + 1 < paths.size()
                    ? docs.body().indexOf("\"" + paths.get(i + 1) + "\"") : docs.body().length());
            Matcher methods = Pattern.compile("\"(get|post|put|delete|patch)\"\\s*:\\s*\\{").matcher(section);
            List<String> found = new ArrayList<>();
            while (methods.find()) {
                found.add(methods.group(1).toUpperCase());
            }
            calls.put(paths.get(i), found);
        }
        if (calls.size() < 10) {
            throw new IllegalStateException("The control API's OpenAPI document lists only " + calls.keySet());
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher name = Pattern.compile("\"(\\w+)\"\\s*:\\s*\\{\\s*\"(?:type|\\$ref|description|items|example|format)\"")
                .matcher(docs.body());
        while (name.find()) {
            names.add(name.group(1));
        }
        names.removeAll(Set.of("properties", "items", "schema", "content", "responses", "parameters", "paths"));
        List<String> fieldNames = new ArrayList<>(names);
        // reset and the clock last: they change the scene for every other call
        List<String> order = new ArrayList<>(calls.keySet());
        order.sort((a, b) -> Boolean.compare(a.contains("reset") || a.contains("clock"), b.contains("reset") || b.contains("clock")));
        for (String p : order) {
            for (String method : calls.get(p)) {
                for (int i = 0; i < rounds; i++) {
                    String target = fillPath(p, r);
                    HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(target));
                    if (r.nextInt(15) != 0) {
                        request.header("Authorization", "Bearer " + operatorToken);
                    }
                    byte[] body = method.equals("GET") ? null : json(fieldNames, r).getBytes(StandardCharsets.UTF_8);
                    if (body != null) {
                        request.header("Content-Type", r.nextInt(12) == 0 ? pick(r, new String[] {"text/plain",
                            "application/xml", "application/json; charset=nope", "multipart/form-data"}) : "application/json");
                    }
                    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
                    Page page = api.send(request);
                    // past Tomcat's 64 KB header limit the request line names no path it could read: that
                    // refusal is the MWS API's (MwsRefusalForm), which is right for all Tomcat can tell
                    boolean unreadable = target.length() > 60_000;
                    String problem = page.status() >= 400 && !unreadable && !CONTROL_ERROR.matcher(page.body()).matches()
                            ? "a control API error that is not {\"error\", \"message\"}: " + abbreviate(page.body()) : null;
                    record("control " + method + " " + p, page.status(), problem, method + " " + target + " "
                            + (body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8))));
                }
            }
        }
    }

    private static String fillPath(String template, Random r) {
        if (template.endsWith("/**")) {
            template = template.substring(0, template.length() - 2) + pick(r, new String[] {"nope", "sellers/x/y/z",
                "%2e%2e/%2e%2e/actuator", "{id}", "a/{id}/b"});
        }
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = switch (r.nextInt(4)) {
                case 0 -> "A" + Long.toString(Math.abs(r.nextLong()), 36).toUpperCase();
                case 1 -> Long.toString(r.nextLong());
                case 2 -> pick(r, new String[] {"Orders", "Feeds", "nope", "%00", "%2F", "..", "%", "x".repeat(3000)});
                default -> enc(value(r, ""));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(v.isEmpty() ? "x" : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String json(List<String> names, Random r) {
        switch (r.nextInt(12)) {
            case 0:
                return "";
            case 1:
                return pick(r, new String[] {"{", "}", "[", "{\"a\":}", "nul", "{\"a\":1,}", "\u0000", "{'a':1}",
                    "{\"a\":\"\\ud800\"}", "[]", "1", "\"x\"", "null", "true"});
            case 2:
                return "[".repeat(5000) + "]".repeat(5000);
            default:
                break;
        }
        StringBuilder sb = new StringBuilder("{");
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(names.isEmpty() ? "x" : names.get(r.nextInt(names.size()))).append("\":").append(jsonValue(r, 0));
        }
        return sb.append('}').toString();
    }

    private static String jsonValue(Random r, int depth) {
        return switch (r.nextInt(depth > 2 ? 7 : 9)) {
            case 0 -> "null";
            case 1 -> pick(r, new String[] {"0", "-1", "1", "2147483648", "-9223372036854775809", "1e400", "0.5", "-0"});
            case 2 -> r.nextBoolean() ? "true" : "false";
            case 3, 4 -> quote(value(r, ""));
            case 5 -> quote(pick(r, new String[] {"ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "P1D", "PT1H", "-PT1H", "P100000Y",
                "2026-01-01T00:00:00Z", "GREEN", "RED", "YELLOW", "x@example.com", "correct horse battery staple"}));
            case 6 -> quote("z".repeat(r.nextInt(3) == 0 ? 1_000_000 : 300));
            case 7 -> "[" + jsonValue(r, depth + 1) + "," + jsonValue(r, depth + 1) + "]";
            default -> "{\"sku\":" + jsonValue(r, depth + 1) + ",\"quantity\":" + jsonValue(r, depth + 1) + "}";
        };
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    // ---- pages and forms

    private static List<Form> forms(String page, String html) {
        List<Form> forms = new ArrayList<>();
        Matcher m = FORM.matcher(html);
        while (m.find()) {
            String attributes = m.group(1);
            String action = attribute(attributes, "action");
            if (action == null || action.isEmpty()) {
                action = page;
            }
            String method = attribute(attributes, "method");
            String enctype = attribute(attributes, "enctype");
            Map<String, List<String>> fields = new LinkedHashMap<>();
            Matcher f = FIELD.matcher(m.group(2));
            while (f.find()) {
                String name = attribute(f.group(2), "name");
                if (name == null) {
                    continue;
                }
                List<String> values = fields.computeIfAbsent(name, k -> new ArrayList<>());
                String value = attribute(f.group(2), "value");
                if (value != null) {
                    values.add(value);
                }
                if (f.group(3) != null) {
                    Matcher o = OPTION.matcher(f.group(3));
                    while (o.find()) {
                        values.add(unescape(o.group(1)));
                    }
                }
            }
            forms.add(new Form(page, action.replaceFirst("^https?://[^/]+", ""),
                    method == null ? "get" : method.toLowerCase(), "multipart/form-data".equalsIgnoreCase(enctype), fields));
        }
        return forms;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(attributes);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return m.group(1);
    }

    /** A path with one segment that looks like an id (digits, upper-case letters, dashes) replaced. */
    private static String mutatePath(String path, Random r) {
        String[] parts = path.split("\\?", 2)[0].split("/");
        if (parts.length < 2) {
            return "/" + enc(value(r, ""));
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].matches(".*[0-9A-Z].*") && parts[i].length() >= 4) {
                ids.add(i);
            }
        }
        int at = ids.isEmpty() ? parts.length - 1 : ids.get(r.nextInt(ids.size()));
        parts[at] = enc(value(r, parts[at]));
        if (parts[at].isEmpty()) {
            parts[at] = "%20";
        }
        return String.join("/", parts);
    }

    private static String value(Random r, String valid) {
        return switch (r.nextInt(8)) {
            case 0 -> valid.isEmpty() ? "" : valid.substring(0, r.nextInt(valid.length()));
            case 1 -> valid + pick(r, NASTY);
            case 2 -> "x".repeat(r.nextInt(4) == 0 ? 1_000_000 : 5000);
            case 3 -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0, n = 1 + r.nextInt(30); i < n; i++) {
                    int cp = r.nextInt(0x110000);
                    sb.appendCodePoint(cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
                }
                yield sb.toString();
            }
            default -> pick(r, NASTY);
        };
    }

    private void record(String what, int status, String problem, String request) {
        requests++;
        outcomes.merge(what + " -> " + status, 1L, Long::sum);
        String wrong = status >= 500 ? "HTTP " + status : problem;
        if (wrong != null && ++problemCount <= KEPT_PROBLEMS) {
            problems.add(wrong + "\n    from " + abbreviate(request));
        }
    }

    /** A path with its ids, tokens and queries replaced by {@code {id}}, for the counts. */
    private static String template(String path) {
        String p = path.split("\\?", 2)[0];
        StringBuilder sb = new StringBuilder();
        for (String part : p.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            sb.append('/').append(part.matches(".*[0-9A-Z].*") && part.length() >= 4 ? "{id}" : part);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static String form(Map<String, List<String>> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, values) -> values.forEach(v -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(enc(k)).append('=').append(enc(v));
        }));
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "... (" + s.length() + " chars)" : s;
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private Map<String, String> controlPost(String path, String json, int expected) throws Exception {
        Page page = new Visitor().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + operatorToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (page.status() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + page.status() + ": " + page.body());
        }
        Map<String, String> fields = new TreeMap<>();
        Matcher m = JSON_FIELD.matcher(page.body());
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        return fields;
    }

    private record Page(int status, String body, String location) {}

    /** A browser without a screen: its own cookies, no redirects followed. */
    private final class Visitor {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        Page get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        Page post(String path, String body, String contentType) throws IOException, InterruptedException {
            return post(path, body.getBytes(StandardCharsets.UTF_8), contentType);
        }

        Page post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
        }

        private URI uri(String path) {
            try {
                return base.resolve(path);
            } catch (IllegalArgumentException e) {
                // a fuzzed link the JDK will not take as a URI: a stray % and any other odd byte escaped
                StringBuilder sb = new StringBuilder();
                byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < bytes.length; i++) {
                    int b = bytes[i] & 0xff;
                    boolean escape = b == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
                    if (!escape && (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
                            || "/?&=%._~-".indexOf(b) >= 0)) {
                        sb.append((char) b);
                    } else {
                        sb.append('%').append(String.format("%02X", b));
                    }
                }
                return base.resolve(sb.toString());
            }
        }

        private static boolean isHex(byte b) {
            return Character.digit(b, 16) >= 0;
        }
    }
}
