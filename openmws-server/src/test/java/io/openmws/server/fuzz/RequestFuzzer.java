package io.openmws.server.fuzz;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import io.openmws.server.fuzz.FuzzOperations.Kind;
import io.openmws.server.fuzz.FuzzOperations.Op;
import io.openmws.server.fuzz.FuzzOperations.Param;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded, deterministic generator of hostile MWS requests: request {@code i} of seed {@code s} is
 * always the same (its own {@link Random}, so threads can take requests in any order). Most requests
 * are correctly signed by a developer the seller authorized, with the operation's parameters broken
 * (random and boundary values, wrong types, odd dates, huge and empty values, missing required ones,
 * N-indexed lists with gaps and overflow, unknown parameters); the rest break the envelope (signature,
 * User-Agent, method, path, version, Content-Type, size) or the encoding (invalid UTF-8, broken
 * percent-escapes, duplicated keys) after signing. Only the scene's ids (real feeds, reports, a
 * NextToken) differ from run to run.
 */
final class RequestFuzzer {

    /** Who calls and what exists: a seller, a developer it authorized, and ids harvested from real answers. */
    record Scene(String hostLine, String sellerId, String accessKeyId, String secretKey, String mwsAuthToken,
                 String otherSellerId, Map<Kind, List<String>> known) {}

    static final String USER_AGENT = "openmws-fuzz/1.0 (Language=Java/17; Platform=Linux)";
    private static final int MB = 1024 * 1024;
    private static final String[] INTS = {"0", "1", "-1", "100", "101", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "99999999999999999999999", "1.5", "1e3", "0x10", "+5", " 5",
        "5 ", "０", "٣", "NaN", "Infinity", "", "abc", "1,000", "00000000000000000001"};
    private static final String[] DATES = {"2026-13-45T00:00:00Z", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "+292278994-08-17T07:12:55.807Z", "-999999999-01-01T00:00:00Z", "2020-01-01",
        "2020-01-01T00:00:00", "2020-01-01T00:00:00+25:00", "2020-01-01T00:00:00+14:00", "1700000000",
        "2020-02-30T00:00:00Z", "2020-01-01T24:00:00Z", "2020-01-01T23:59:60Z", "yesterday", "", "T", "2020-W01-1",
        "2020-01-01 00:00:00", "2020-01-01T00:00:00.123456789Z", "1970-01-01T00:00:00Z", "2038-01-19T03:14:08Z",
        "2020-01-01T00:00:00z", "２０２０-01-01T00:00:00Z", "2020-001T00:00:00Z"};
    private static final String[] BOOLS = {"true", "false", "TRUE", "False", "1", "0", "yes", "", "tru", "null"};
    private static final String[] NASTY = {"", " ", "\t", "null", "undefined", "' OR '1'='1", "'; DROP TABLE orders; --",
        "\" OR 1=1 --", "<x>&amp;</x>", "]]>", "<![CDATA[x]]>", "&lt;", "${jndi:ldap://x/a}", "#{7*7}", "{{7*7}}",
        "../../../etc/passwd", "%00", "\u0000", "\u0001\u0002\u001f", "\u007f", "\uFEFF", "\u202Eevil", "😀😀",
        "𝕏", "ß", "İ", "\r\n", "a\nb", "\\", "%", "+", "&", "=", "?", "*", "%25%32%35", "\uFFFE", "\uFFFF"};
    private static final String[] MARKETPLACES = {"ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1PA6795UKMFR9", "A1F83G8C2ARO7P"};
    private static final String[] FEED_TYPES = {"_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_",
        "_POST_PRODUCT_DATA_", "_POST_PRODUCT_PRICING_DATA_", "_POST_INVENTORY_AVAILABILITY_DATA_",
        "_POST_FLAT_FILE_LISTINGS_DATA_", "_POST_ORDER_FULFILLMENT_DATA_", "_POST_ORDER_ACKNOWLEDGEMENT_DATA_",
        "_POST_PAYMENT_ADJUSTMENT_DATA_", "_POST_FLAT_FILE_INVLOADER_DATA_"};
    private static final String[] REPORT_TYPES = {"_GET_MERCHANT_LISTINGS_DATA_", "_GET_FLAT_FILE_OPEN_LISTINGS_DATA_",
        "_GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_", "_GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_",
        "_GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_", "_GET_FLAT_FILE_ORDERS_DATA_"};
    private static final String[] FEED_STATUSES = {"_SUBMITTED_", "_IN_PROGRESS_", "_CANCELLED_", "_DONE_",
        "_AWAITING_ASYNCHRONOUS_REPLY_", "_IN_SAFETY_NET_", "_UNCONFIRMED_"};
    private static final String[] REPORT_STATUSES = {"_SUBMITTED_", "_IN_PROGRESS_", "_CANCELLED_", "_DONE_",
        "_DONE_NO_DATA_"};
    private static final String[] ORDER_STATUSES = {"Pending", "Unshipped", "PartiallyShipped", "Shipped", "Canceled",
        "Unfulfillable", "PendingAvailability", "InvoiceUnconfirmed"};
    private static final String[] CHANNELS = {"MFN", "AFN"};
    private static final String[] PAYMENTS = {"COD", "CVS", "Other"};
    private static final String[] SCHEDULES = {"_15_MINUTES_", "_30_MINUTES_", "_1_HOUR_", "_2_HOURS_", "_4_HOURS_",
        "_8_HOURS_", "_12_HOURS_", "_1_DAY_", "_2_DAYS_", "_72_HOURS_", "_1_WEEK_", "_14_DAYS_", "_15_DAYS_",
        "_30_DAYS_", "_NEVER_"};
    private static final String[] PATHS = {"/", "//", "/Orders/2011-01-01", "/Orders/2013-09-01/", "/Orders/2013-09-01/x",
        "/Nope", "/Sellers", "/Feeds/2009-01-01", "/Reports/2009-01-01", "/Products/2011-10-01",
        "/Finances/2015-05-01", "/Sellers/2011-07-01", "/Orders/2013-09-01;jsessionid=1", "/Orders/%2e%2e/Sellers",
        "/Orders/2013-09-01%00", "/%", "/Orders/2013-09-01?", "/../../etc/passwd"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/json", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/x-www-form-urlencoded; charset=nope",
        "application/x-www-form-urlencoded; charset=UTF-16", "text/xml", "", ";;;", "application/octet-stream",
        "application/x-www-form-urlencoded; boundary=\u00ff"};

    private final Scene scene;
    private final long seed;
    private final List<Op> ops = FuzzOperations.list();

    RequestFuzzer(Scene scene, long seed) {
        this.scene = scene;
        this.seed = seed;
    }

    /** Request {@code index} of this seed. */
    FuzzRequest request(long index) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
        Op op = ops.get(r.nextInt(ops.size()));
        Map<String, String> params = plausible(op, r);
        int mode = r.nextInt(100);
        if (mode < 65) {
            String mutation = mutateParameters(op, params, r);
            return signed(index, op, mutation, params, r);
        } else if (mode < 85) {
            return brokenEnvelope(index, op, params, r);
        } else {
            return brokenEncoding(index, op, params, r);
        }
    }

    // ---- a plausible call, before anything is broken

    private Map<String, String> plausible(Op op, Random r) {
        Map<String, String> p = new TreeMap<>();
        p.put("Action", op.action());
        p.put("Version", op.section().version());
        p.put(op.sellerParameter(), scene.sellerId());
        p.put("MWSAuthToken", scene.mwsAuthToken());
        p.put("Timestamp", Timestamps.format(Instant.now()));
        for (Param param : op.params()) {
            if (!param.required() && r.nextInt(3) == 0) {
                continue;
            }
            if (param.list()) {
                int n = 1 + r.nextInt(3);
                for (int i = 1; i <= n; i++) {
                    p.put(param.name() + "." + i, valid(param.kind(), r));
                }
            } else {
                p.put(param.name(), valid(param.kind(), r));
            }
        }
        return p;
    }

    private String valid(Kind kind, Random r) {
        List<String> known = scene.known().get(kind);
        if (known != null && !known.isEmpty() && r.nextInt(4) != 0) {
            return known.get(r.nextInt(known.size()));
        }
        return switch (kind) {
            case DATE -> Timestamps.format(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(r.nextInt(90_000_000)));
            case INT -> Integer.toString(1 + r.nextInt(100));
            case BOOL -> r.nextBoolean() ? "true" : "false";
            case ID, FEED_ID, REPORT_REQUEST_ID, REPORT_ID -> Long.toString(50_000_000_000L + (r.nextLong() & 0xFFFFFFFFFL));
            case ORDER_ID -> String.format("%03d-%07d-%07d", r.nextInt(1000), r.nextInt(10_000_000), r.nextInt(10_000_000));
            case GROUP_ID -> randomText(r, 20, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
            case TOKEN -> Base64.getEncoder().encodeToString(randomBytes(r, 16 + r.nextInt(120)));
            case MARKETPLACE -> pick(r, MARKETPLACES);
            case FEED_TYPE -> pick(r, FEED_TYPES);
            case REPORT_TYPE -> pick(r, REPORT_TYPES);
            case FEED_STATUS -> pick(r, FEED_STATUSES);
            case REPORT_STATUS -> pick(r, REPORT_STATUSES);
            case ORDER_STATUS -> pick(r, ORDER_STATUSES);
            case CHANNEL -> pick(r, CHANNELS);
            case PAYMENT -> pick(r, PAYMENTS);
            case SCHEDULE -> pick(r, SCHEDULES);
            case EMAIL -> "buyer" + r.nextInt(1000) + "@marketplace.amazon.com";
            case TEXT -> randomText(r, 1 + r.nextInt(20), "abcdefghijklmnopqrstuvwxyz0123456789-_ ");
        };
    }

    /** A wrong value for a parameter of this kind: a boundary, another kind's value, something nasty. */
    private String wrong(Kind kind, Random r) {
        int choice = r.nextInt(10);
        return switch (choice) {
            case 0, 1 -> switch (kind) {
                case INT -> pick(r, INTS);
                case DATE -> pick(r, DATES);
                case BOOL -> pick(r, BOOLS);
                default -> pick(r, NASTY);
            };
            case 2 -> pick(r, DATES);
            case 3 -> pick(r, INTS);
            case 4 -> pick(r, NASTY);
            case 5 -> valid(Kind.values()[r.nextInt(Kind.values().length)], r);
            case 6 -> {
                String v = valid(kind, r);
                yield v.isEmpty() ? v : v.substring(0, r.nextInt(v.length()));
            }
            case 7 -> valid(kind, r).toLowerCase(java.util.Locale.ROOT) + pick(r, NASTY);
            case 8 -> randomUnicode(r, 1 + r.nextInt(40));
            default -> huge(r, 1 + r.nextInt(4));
        };
    }

    /** A long value: up to 1 MB. */
    private static String huge(Random r, int size) {
        int length = switch (size) {
            case 1 -> 1024;
            case 2 -> 9000;
            case 3 -> 70_000;
            default -> MB;
        };
        return (r.nextBoolean() ? "9" : "a").repeat(length);
    }

    // ---- parameters broken, the call correctly signed

    private String mutateParameters(Op op, Map<String, String> p, Random r) {
        int times = 1 + r.nextInt(3);
        StringBuilder what = new StringBuilder();
        for (int t = 0; t < times; t++) {
            if (what.length() > 0) {
                what.append('+');
            }
            what.append(mutateOnce(op, p, r));
        }
        return what.toString();
    }

    private String mutateOnce(Op op, Map<String, String> p, Random r) {
        List<Param> params = op.params();
        Param param = params.isEmpty() ? null : params.get(r.nextInt(params.size()));
        int choice = r.nextInt(params.isEmpty() ? 4 : 12);
        switch (choice) {
            case 0 -> {
                p.put(pick(r, new String[] {"Foo", "sellerid", "SellerID", "Action.1", "X".repeat(300), "Version.Id.1",
                    "MarketplaceId", "MaxCount", "NextToken", "Marketplace", "ReportRequestIdList.Id.1"}),
                        wrong(Kind.TEXT, r));
                return "unknown-parameter";
            }
            case 1 -> {
                String key = pick(r, new String[] {"SellerId", "Merchant", "MWSAuthToken", "Version", "Action"});
                int how = r.nextInt(4);
                if (how == 0) {
                    p.remove(key);
                } else if (how == 1) {
                    p.put(key, "");
                } else if (how == 2) {
                    p.put(key, wrong(Kind.TEXT, r));
                } else {
                    p.put(key, key.equals("MWSAuthToken") ? "amzn.mws." + java.util.UUID.nameUUIDFromBytes(randomBytes(r, 8))
                            : key.equals("Action") ? ops.get(r.nextInt(ops.size())).action() : scene.otherSellerId());
                }
                return "common:" + key + ":" + how;
            }
            case 2 -> {
                p.put("Timestamp", pick(r, DATES));
                return "timestamp";
            }
            case 3 -> {
                p.remove("Timestamp");
                p.put("Expires", r.nextBoolean() ? pick(r, DATES) : Timestamps.format(Instant.now().plusSeconds(600)));
                return "expires";
            }
            default -> {
                // the parameter itself
            }
        }
        if (param.list()) {
            p.keySet().removeIf(k -> k.startsWith(param.name() + "."));
            int how = r.nextInt(7);
            switch (how) {
                case 0 -> {
                    p.put(param.name() + ".1", valid(param.kind(), r));
                    p.put(param.name() + ".3", valid(param.kind(), r));
                }
                case 1 -> p.put(param.name() + "." + pick(r, new String[] {"0", "-1", "01", "abc", "", "1.1",
                    "2147483648", "99999999999", "1e2", " 1"}), valid(param.kind(), r));
                case 2 -> {
                    int n = r.nextBoolean() ? 101 : 1000 + r.nextInt(2000);
                    for (int i = 1; i <= n; i++) {
                        p.put(param.name() + "." + i, valid(param.kind(), r));
                    }
                }
                case 3 -> p.put(param.name(), valid(param.kind(), r));
                case 4 -> p.put(param.name() + ".1", wrong(param.kind(), r));
                case 5 -> {
                    String v = valid(param.kind(), r);
                    p.put(param.name() + ".1", v);
                    p.put(param.name() + ".2", v);
                }
                default -> p.put(param.name() + "." + (1 + r.nextInt(5)) + "." + r.nextInt(3), valid(param.kind(), r));
            }
            return "list:" + param.name() + ":" + how;
        }
        int how = r.nextInt(4);
        switch (how) {
            case 0 -> p.remove(param.name());
            case 1 -> p.put(param.name(), "");
            default -> p.put(param.name(), wrong(param.kind(), r));
        }
        return "value:" + param.name() + ":" + how;
    }

    private FuzzRequest signed(long index, Op op, String mutation, Map<String, String> p, Random r) {
        boolean get = r.nextInt(5) == 0 && !isSubmitFeed(op);
        int length = p.values().stream().mapToInt(String::length).sum();
        if (length > 6000) {
            get = false;    // a GET this long is refused before its parameters are read: keep it a POST
        }
        String path = path(op, r);
        String method = get ? "GET" : "POST";
        if (isSubmitFeed(op)) {
            return submitFeed(index, op, mutation, p, path, r);
        }
        String query = sign(method, path, p);
        Map<String, String> headers = baseHeaders();
        if (get) {
            return new FuzzRequest(index, op.key(), mutation, "GET", path + "?" + query, headers, null);
        }
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return new FuzzRequest(index, op.key(), mutation, "POST", path, headers, query.getBytes(StandardCharsets.UTF_8));
    }

    private FuzzRequest submitFeed(long index, Op op, String mutation, Map<String, String> p, String path, Random r) {
        byte[] feed = feedBody(r);
        if (!p.containsKey("ContentMD5Value") && r.nextInt(8) != 0) {
            p.put("ContentMD5Value", r.nextInt(10) == 0 ? wrong(Kind.TEXT, r) : md5(feed));
        }
        String query = sign("POST", path, p);
        Map<String, String> headers = baseHeaders();
        headers.put("Content-Type", pick(r, new String[] {"text/tab-separated-values; charset=iso-8859-1", "text/xml",
            "application/octet-stream", "text/plain", "application/x-www-form-urlencoded"}));
        return new FuzzRequest(index, op.key(), mutation + "+feed", "POST", path + "?" + query, headers, feed);
    }

    private static byte[] feedBody(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> randomBytes(r, 1 + r.nextInt(2000));
            case 2 -> "sku\tprice\tquantity\nFUZZ-1\t1.00\t1\n".getBytes(StandardCharsets.UTF_8);
            case 3 -> "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><AmazonEnvelope>&x;</AmazonEnvelope>"
                    .getBytes(StandardCharsets.UTF_8);
            case 4 -> new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3};
            default -> ("<?xml version=\"1.0\"?><AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion></Header>"
                    + "<MessageType>Price</MessageType><Message><MessageID>" + r.nextInt() + "</MessageID>")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    // ---- the envelope broken

    private FuzzRequest brokenEnvelope(long index, Op op, Map<String, String> p, Random r) {
        String path = op.section().path();
        Map<String, String> headers = baseHeaders();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        String method = "POST";
        String mutation;
        String body;
        int choice = r.nextInt(14);
        switch (choice) {
            case 0 -> {
                body = flipSignature(sign(method, path, p), r);
                mutation = "bad-signature";
            }
            case 1 -> {
                body = sign(method, path, p);
                headers.remove("User-Agent");
                mutation = "no-user-agent";
            }
            case 2 -> {
                body = sign(method, path, p);
                headers.put("User-Agent", pick(r, new String[] {"", " ", "x".repeat(600), "a/b (", "(Language=Java)",
                    "\u00ff\u00fe", "openmws/1.0 (Language=" + "J".repeat(400) + ")"}));
                mutation = "odd-user-agent";
            }
            case 3 -> {
                // signed for POST, sent as GET (and the other way round): the string to sign names the method
                body = sign("GET", path, p);
                mutation = "signed-for-get-sent-as-post";
            }
            case 4 -> {
                method = pick(r, new String[] {"PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"});
                body = sign(method, path, p);
                mutation = "method:" + method;
            }
            case 5 -> {
                path = pick(r, PATHS);
                body = sign(method, path.contains("%") || path.contains("?") || path.contains(";") ? "/" : path, p);
                mutation = "path:" + path;
            }
            case 6 -> {
                p.put("Version", pick(r, new String[] {"2009-01-01", "2011-07-01", "2013-09-01", "2015-05-01",
                    "2011-10-01", "2099-01-01", "", "1"}));
                body = sign(method, path, p);
                mutation = "version:" + p.get("Version");
            }
            case 7 -> {
                body = sign(method, path, p);
                headers.put("Content-Type", pick(r, CONTENT_TYPES));
                if (headers.get("Content-Type").isEmpty()) {
                    headers.remove("Content-Type");
                }
                mutation = "content-type:" + headers.getOrDefault("Content-Type", "none");
            }
            case 8 -> {
                p.put("Padding", "z".repeat(MB + r.nextInt(MB)));
                body = sign(method, path, p);
                mutation = "huge-body";
            }
            case 9 -> {
                body = sign(method, path, p).replaceAll("(^|&)AWSAccessKeyId=[^&]*", "$1AWSAccessKeyId="
                        + pick(r, new String[] {"", "AKIAIOSFODNN7EXAMPLE", "%00", "x".repeat(500)}));
                mutation = "access-key";
            }
            case 10 -> {
                Map<String, String> withMethod = new TreeMap<>(p);
                withMethod.put("SignatureMethod", pick(r, new String[] {"HmacSHA1", "HmacMD5", "", "hmacsha256"}));
                body = unsignedQuery(withMethod) + "&SignatureVersion=" + pick(r, new String[] {"2", "1", "3", "", "x"})
                        + "&Signature=" + pick(r, new String[] {"", "abc", "%3D%3D", "AAAA"});
                mutation = "signature-method";
            }
            case 11 -> {
                body = unsignedQuery(p);
                mutation = "unsigned";
            }
            case 12 -> {
                body = sign(method, path, p);
                headers.put("Host", pick(r, new String[] {"example.com", "localhost", "", "localhost:1", "[::1]:x"}));
                mutation = "host";
            }
            default -> {
                body = "";
                mutation = "empty-body";
            }
        }
        return new FuzzRequest(index, op.key(), "envelope:" + mutation, method, path, headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    // ---- the encoding broken (after signing: the parameters cannot even be read as signed)

    private FuzzRequest brokenEncoding(long index, Op op, Map<String, String> p, Random r) {
        String path = op.section().path();
        Map<String, String> headers = baseHeaders();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        String signed = sign("POST", path, p);
        String mutation;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean inQuery = r.nextInt(4) == 0;
        int choice = r.nextInt(8);
        switch (choice) {
            case 0 -> {
                write(body, signed + "&" + pick(r, new String[] {"Foo=%zz", "Foo=%", "Foo=%e", "%=1", "Foo=%%",
                    "Foo=%G0", "Fo%o=1"}));
                mutation = "bad-percent";
            }
            case 1 -> {
                write(body, signed + "&Foo=" + pick(r, new String[] {"%C3%28", "%FF%FE", "%ED%A0%80", "%C0%AF",
                    "%F8%88%80%80%80", "%E2%82"}));
                mutation = "invalid-utf8-escaped";
            }
            case 2 -> {
                write(body, signed + "&Foo=");
                body.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0x00});
                mutation = "invalid-utf8-raw";
            }
            case 3 -> {
                String key = pick(r, new String[] {"Action", "SellerId", "Merchant", "Signature", "Version",
                    "Timestamp", "AWSAccessKeyId", "MWSAuthToken"});
                write(body, signed + "&" + key + "=" + (r.nextBoolean() ? "" : "Other"));
                mutation = "duplicate:" + key;
            }
            case 4 -> {
                write(body, signed.replace("&", pick(r, new String[] {"&&", ";", "&=&", "& "})));
                mutation = "separators";
            }
            case 5 -> {
                write(body, signed + "&" + "&".repeat(r.nextInt(5000)) + "=x&==&x");
                mutation = "empty-pairs";
            }
            case 6 -> {
                int n = 1000 + r.nextInt(20_000);
                StringBuilder many = new StringBuilder(signed);
                for (int i = 0; i < n; i++) {
                    many.append("&K").append(i).append('=').append(i);
                }
                write(body, many.toString());
                mutation = "many-parameters";
            }
            default -> {
                body.writeBytes(randomBytes(r, r.nextInt(4000)));
                mutation = "random-bytes";
            }
        }
        byte[] bytes = body.toByteArray();
        if (inQuery) {
            String target = path + "?" + new String(bytes, StandardCharsets.ISO_8859_1)
                    .replaceAll("[^\\x21-\\x7e]", "%FF").replace("#", "%23");
            if (target.length() > 16_000) {
                target = target.substring(0, 16_000);
            }
            return new FuzzRequest(index, op.key(), "encoding:" + mutation + ":query", "GET", target, baseHeaders(), null);
        }
        return new FuzzRequest(index, op.key(), "encoding:" + mutation, "POST", path, headers, bytes);
    }

    // ---- helpers

    private String path(Op op, Random r) {
        ApiSection section = op.section();
        if (section.servedAtRoot() && r.nextBoolean()) {
            return "/";
        }
        return section.path();
    }

    private static boolean isSubmitFeed(Op op) {
        return op.action().equals("SubmitFeed");
    }

    private Map<String, String> baseHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", scene.hostLine());
        headers.put("User-Agent", USER_AGENT);
        return headers;
    }

    private String sign(String method, String path, Map<String, String> p) {
        Map<String, String> all = new TreeMap<>(p);
        all.put("AWSAccessKeyId", scene.accessKeyId());
        all.remove("Signature");
        all.remove("SignatureMethod");
        all.remove("SignatureVersion");
        return RequestSigner.of(SigningSecret.of(scene.secretKey()), SignatureMethod.HMAC_SHA256)
                .signedQuery(method, scene.hostLine(), path, all);
    }

    private String unsignedQuery(Map<String, String> p) {
        StringBuilder sb = new StringBuilder("AWSAccessKeyId=").append(scene.accessKeyId());
        p.forEach((k, v) -> sb.append('&').append(encode(k)).append('=').append(encode(v)));
        return sb.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String flipSignature(String query, Random r) {
        int at = query.indexOf("Signature=");
        int value = at + "Signature=".length();
        if (at < 0 || value >= query.length()) {
            return query;
        }
        char c = query.charAt(value);
        return query.substring(0, value) + (c == 'A' ? 'B' : 'A') + query.substring(value + 1);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String md5(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static String randomText(Random r, int n, String alphabet) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /**
     * Any code points, controls, noncharacters and the private-use planes included; not an unpaired
     * surrogate, which has no UTF-8 form and so cannot be signed (the broken encodings send those bytes).
     */
    private static String randomUnicode(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(4);
            int codePoint = kind == 0 ? r.nextInt(0x80) : kind == 1 ? r.nextInt(0x10000) : r.nextInt(0x110000);
            sb.appendCodePoint(codePoint >= 0xD800 && codePoint <= 0xDFFF ? 0xFFFD : codePoint);
        }
        return sb.toString();
    }
}
