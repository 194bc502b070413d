package io.openmws.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ten thousand malformed requests: whatever arrives, the gateway answers with a well-formed
 * {@code ErrorResponse} and never a 5xx. The seed is printed so a failure can be replayed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayFuzzTest {

    private static final int REQUESTS = 10_000;
    private static final List<String> PATHS = List.of("/", "/Sellers/2011-07-01", "/Sellers/2011-07-01/",
            "/Orders/2013-09-01", "/Feeds/2009-01-01", "/Reports/2009-01-01", "/Finances/2015-05-01",
            "/Products/2011-10-01", "/Sellers/", "/Sellers", "/Orders/2099-01-01", "/X/1", "/Sellers/2011-07-01/extra");
    private static final List<String> NAMES = List.of("Action", "Version", "AWSAccessKeyId", "SellerId", "Merchant",
            "MWSAuthToken", "Signature", "SignatureMethod", "SignatureVersion", "Timestamp", "Expires", "NextToken",
            "MarketplaceId.Id.1", "MarketplaceId.Id", "FeedType", "\u00e9", "", "a b");
    private static final List<String> VALUES = List.of("ListMarketplaceParticipations", "GetServiceStatus",
            "ListMarketplaceParticipationsByNextToken", "SubmitFeed", "2011-07-01", "2009-01-01", "2", "1",
            "HmacSHA256", "HmacSHA1", "MD5", "AKIAIOSFODNN7EXAMPLE", "2020-05-28T11:22:23Z", "yesterday", "", "%",
            "A1EXAMPLESELLER", "amzn.mws.4ea38b7b-f563-7709-4bae-87aea0000000");
    private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=utf-8", "text/xml", "application/octet-stream",
            "x-www-form-urlencoded", "multipart/form-data; boundary=x", "");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void noMalformedRequestGetsA5xxOrAnythingButAnErrorResponse() {
        long seed = new Random().nextLong();
        System.out.println("GatewayFuzzTest seed: " + seed);
        Random random = new Random(seed);
        MwsClient mws = new MwsClient(port);
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < REQUESTS && failures.size() < 5; i++) {
            String path = pick(random, PATHS);
            String query = junkParameters(random);
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            String contentType = pick(random, CONTENT_TYPES);
            if (!contentType.isEmpty()) {
                headers.put("Content-Type", contentType);
            }
            if (random.nextInt(4) == 0) {
                headers.put("User-Agent", junkText(random, random.nextInt(4) == 0 ? 600 : 40)
                        .replaceAll("[^\\x20-\\x7e]", "?"));
            }
            boolean post = random.nextBoolean() || "/".equals(path);
            byte[] body = !post ? null : random.nextBoolean()
                    ? junkParameters(random).getBytes(StandardCharsets.UTF_8) : junkBytes(random);
            String target = path + (query.isEmpty() ? "" : "?" + query);
            if (target.length() > 60_000) {
                continue; // beyond what the server reads as a request line at all (server.max-http-request-header-size)
            }
            MwsClient.RawAnswer answer = mws.sendRaw(post ? "POST" : "GET", target, headers, body);
            if (answer.status() >= 500) {
                failures.add(answer.status() + " for " + shorten(target) + ": "
                        + shorten(new String(answer.body(), StandardCharsets.UTF_8)));
                continue;
            }
            try {
                assertThat(answer.error().errors()).isNotEmpty();
                assertThat(answer.header("Content-Type")).isEqualTo("text/xml");
            } catch (AssertionError e) {
                failures.add("Not an ErrorResponse for " + shorten(target) + ": " + shorten(e.getMessage()));
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    private static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " characters)";
    }

    private static String junkParameters(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            if (sb.length() > 0) {
                sb.append(random.nextInt(10) == 0 ? "&&" : "&");
            }
            String name = random.nextInt(5) == 0 ? junkText(random, 8) : pick(random, NAMES);
            String value = random.nextInt(4) == 0 ? junkText(random, random.nextInt(10) == 0 ? 5_000 : 20)
                    : pick(random, VALUES);
            sb.append(encodeLoosely(random, name));
            if (random.nextInt(10) != 0) {
                sb.append('=').append(encodeLoosely(random, value));
            }
        }
        return sb.toString();
    }

    /** Percent-encodes, but now and then leaves a broken escape or a raw '+' in. */
    private static String encodeLoosely(Random random, String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        switch (random.nextInt(20)) {
            case 0 -> sb.append("%Z");
            case 1 -> sb.append("%");
            case 2 -> sb.append("+");
            case 3 -> sb.append("%C3");
            default -> { }
        }
        return sb.toString();
    }

    private static String junkText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            sb.appendCodePoint(kind < 6 ? 0x20 + random.nextInt(0x5f) : kind < 9 ? 0xa0 + random.nextInt(0x700)
                    : 0x1f600 + random.nextInt(0x40));
        }
        return sb.toString();
    }

    private static byte[] junkBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
