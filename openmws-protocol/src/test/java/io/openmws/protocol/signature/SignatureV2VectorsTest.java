package io.openmws.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signature Version 2 test vectors, one row each: the published Product Advertising API vector, the
 * MWS vectors of {@code docs/protocol.md} §3.5, and vectors computed by independent implementations
 * (Python's hmac/urllib and openssl), never by this code.
 */
class SignatureV2VectorsTest {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /** One row: what is signed and what must come out. */
    record Vector(String secret, SignatureMethod method, String httpMethod, String hostLine, String path,
                  Map<String, String> parameters, String expectedStringToSign, String expectedSignature) {
        @Override
        public String toString() {
            return httpMethod + " " + hostLine + path;
        }
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, String> v1(String signatureMethod) {
        return params("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE", "Action", "ListMarketplaceParticipations",
                "MWSAuthToken", "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE", "SellerId", "A1EXAMPLESELLER",
                "SignatureMethod", signatureMethod, "SignatureVersion", "2", "Timestamp", "2020-05-28T11:22:23Z",
                "Version", "2011-07-01");
    }

    static final String V1_CANONICAL = "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=ListMarketplaceParticipations"
            + "&MWSAuthToken=amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE&SellerId=A1EXAMPLESELLER"
            + "&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2020-05-28T11%3A22%3A23Z&Version=2011-07-01";

    static Map<String, String> v3() {
        return params("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE", "Action", "SubmitFeed",
                "ContentMD5Value", "YLk0fFmt9zvxWcxIEFstCQ==", "FeedType", "_POST_PRODUCT_DATA_",
                "MarketplaceIdList.Id.1", "ATVPDKIKX0DER", "Merchant", "A1EXAMPLESELLER", "PurgeAndReplace", "false",
                "SignatureMethod", "HmacSHA256", "SignatureVersion", "2", "Timestamp", "2020-05-28T11:22:23Z",
                "Version", "2009-01-01");
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                arguments("Product Advertising API published vector (key 1234567890), also checked with openssl",
                        new Vector("1234567890", SignatureMethod.HMAC_SHA256, "GET", "webservices.amazon.com",
                                "/onca/xml",
                                params("Service", "AWSECommerceService", "AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE",
                                        "AssociateTag", "mytag-20", "Operation", "ItemLookup", "ItemId", "0679722769",
                                        "ResponseGroup", "Images,ItemAttributes,Offers,Reviews",
                                        "Version", "2013-08-01", "Timestamp", "2014-08-18T12:00:00Z"),
                                "GET\nwebservices.amazon.com\n/onca/xml\nAWSAccessKeyId=AKIAIOSFODNN7EXAMPLE"
                                        + "&AssociateTag=mytag-20&ItemId=0679722769&Operation=ItemLookup"
                                        + "&ResponseGroup=Images%2CItemAttributes%2COffers%2CReviews"
                                        + "&Service=AWSECommerceService&Timestamp=2014-08-18T12%3A00%3A00Z"
                                        + "&Version=2013-08-01",
                                "j7bZM0LXZ9eXeZruTqWm2DIvDYVUU3wxPPpp+iXxzQc=")),
                arguments("MWS V1: POST ListMarketplaceParticipations, HmacSHA256",
                        new Vector(SECRET, SignatureMethod.HMAC_SHA256, "POST", "mws.amazonservices.com",
                                "/Sellers/2011-07-01", v1("HmacSHA256"),
                                "POST\nmws.amazonservices.com\n/Sellers/2011-07-01\n" + V1_CANONICAL,
                                "w8J4gX1iCaeAO4EPE/KtMK9ewlsvGbvTfRQrFdpJjYM=")),
                arguments("MWS V1: the same as GET",
                        new Vector(SECRET, SignatureMethod.HMAC_SHA256, "GET", "mws.amazonservices.com",
                                "/Sellers/2011-07-01", v1("HmacSHA256"),
                                "GET\nmws.amazonservices.com\n/Sellers/2011-07-01\n" + V1_CANONICAL,
                                "hvaPqVtHRadLTrndvyz+ux3qc295TvPyv3/mYGdzzPw=")),
                arguments("MWS V1: the same with HmacSHA1",
                        new Vector(SECRET, SignatureMethod.HMAC_SHA1, "POST", "mws.amazonservices.com",
                                "/Sellers/2011-07-01", v1("HmacSHA1"),
                                "POST\nmws.amazonservices.com\n/Sellers/2011-07-01\n"
                                        + V1_CANONICAL.replace("HmacSHA256", "HmacSHA1"),
                                "3NhrUnGKr9DBKLeQj3UAxmsyToQ=")),
                arguments("MWS V2: encoding edge cases (space, +, ~, *, /, @, UTF-8)",
                        new Vector(SECRET, SignatureMethod.HMAC_SHA256, "POST", "mws.amazonservices.com",
                                "/Orders/2013-09-01",
                                params("Action", "ListOrders", "CreatedAfter", "2020-01-01T00:00:00Z",
                                        "MarketplaceId.Id.1", "ATVPDKIKX0DER", "MarketplaceId.Id.2", "A2EUQ1WTGCTBG2",
                                        "BuyerEmail", "a b+c~d*e/f@x.com", "SellerOrderId", "Ünïcode-é",
                                        "Timestamp", "2020-05-28T11:22:23.514Z", "Version", "2013-09-01",
                                        "AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE", "SellerId", "A1EXAMPLESELLER",
                                        "SignatureMethod", "HmacSHA256", "SignatureVersion", "2"),
                                "POST\nmws.amazonservices.com\n/Orders/2013-09-01\n"
                                        + "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=ListOrders"
                                        + "&BuyerEmail=a%20b%2Bc~d%2Ae%2Ff%40x.com"
                                        + "&CreatedAfter=2020-01-01T00%3A00%3A00Z"
                                        + "&MarketplaceId.Id.1=ATVPDKIKX0DER&MarketplaceId.Id.2=A2EUQ1WTGCTBG2"
                                        + "&SellerId=A1EXAMPLESELLER&SellerOrderId=%C3%9Cn%C3%AFcode-%C3%A9"
                                        + "&SignatureMethod=HmacSHA256&SignatureVersion=2"
                                        + "&Timestamp=2020-05-28T11%3A22%3A23.514Z&Version=2013-09-01",
                                "9YZvaGaKkPCkk5P3o/lhSnx3YCxccdjaJMmG/XyPh/o=")),
                arguments("MWS V3: SubmitFeed on path /",
                        new Vector(SECRET, SignatureMethod.HMAC_SHA256, "POST", "mws.amazonservices.com", "/", v3(),
                                null, "htfLIboIKOGQoeUOyFwe2EZDNy1rEefMz0TPEtkdM8k=")),
                arguments("MWS V3: SubmitFeed on path /Feeds/2009-01-01",
                        new Vector(SECRET, SignatureMethod.HMAC_SHA256, "POST", "mws.amazonservices.com",
                                "/Feeds/2009-01-01", v3(), null, "s/43v8KB4OJpXsRSwIbV1fOwHHMCCQFOB/Anae/yiQM=")),
                // Computed with an independent Python implementation (hmac, hashlib.sha256, base64,
                // urllib.parse.quote(v, safe='-_.~'), sort by name.encode('utf-8')) and re-checked with
                // `printf ... | openssl dgst -sha256 -hmac KEY -binary | base64`.
                arguments("independent (python+openssl): host with port, empty token, 4-byte UTF-8, Id.10 < Id.2, case order",
                        new Vector(SECRET, SignatureMethod.HMAC_SHA256, "POST", "localhost:8443", "/Orders/2013-09-01",
                                params("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE", "SellerId", "A1EXAMPLESELLER",
                                        "SignatureMethod", "HmacSHA256", "SignatureVersion", "2", "Action", "ListOrders",
                                        "MWSAuthToken", "", "Marketplace", "ATVPDKIKX0DER",
                                        "MarketplaceId.Id.10", "A1F83G8C2ARO7P", "MarketplaceId.Id.2", "A1PA6795UKMFR9",
                                        "Merchant", "A1EXAMPLESELLER", "SellerOrderId", "\uD83D\uDE00 \u20AC=&/",
                                        "Timestamp", "2020-05-28T11:22:23Z", "Version", "2013-09-01"),
                                "POST\nlocalhost:8443\n/Orders/2013-09-01\nAWSAccessKeyId=AKIAIOSFODNN7EXAMPLE"
                                        + "&Action=ListOrders&MWSAuthToken=&Marketplace=ATVPDKIKX0DER"
                                        + "&MarketplaceId.Id.10=A1F83G8C2ARO7P&MarketplaceId.Id.2=A1PA6795UKMFR9"
                                        + "&Merchant=A1EXAMPLESELLER&SellerId=A1EXAMPLESELLER"
                                        + "&SellerOrderId=%F0%9F%98%80%20%E2%82%AC%3D%26%2F"
                                        + "&SignatureMethod=HmacSHA256&SignatureVersion=2"
                                        + "&Timestamp=2020-05-28T11%3A22%3A23Z&Version=2013-09-01",
                                "c728KkxXgjjF2KSwqbOWBJO5LX+QY7xHjTujFRShOUs=")),
                // Computed with the same independent Python implementation (hashlib.sha1).
                arguments("independent (python): GET, HmacSHA1, trailing slash, % * ~ + and -07 timestamp",
                        new Vector(SECRET, SignatureMethod.HMAC_SHA1, "GET", "mws-eu.amazonservices.com",
                                "/Reports/2009-01-01/",
                                params("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE", "SellerId", "A1EXAMPLESELLER",
                                        "SignatureMethod", "HmacSHA1", "SignatureVersion", "2", "Action", "GetReportList",
                                        "ReportTypeList.Type.1", "_GET_FLAT_FILE_OPEN_LISTINGS_DATA_",
                                        "Note", "50%*off~ +tax", "Timestamp", "2009-02-23T18:12:22.093-07",
                                        "Version", "2009-01-01"),
                                "GET\nmws-eu.amazonservices.com\n/Reports/2009-01-01/\n"
                                        + "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=GetReportList"
                                        + "&Note=50%25%2Aoff~%20%2Btax"
                                        + "&ReportTypeList.Type.1=_GET_FLAT_FILE_OPEN_LISTINGS_DATA_"
                                        + "&SellerId=A1EXAMPLESELLER&SignatureMethod=HmacSHA1&SignatureVersion=2"
                                        + "&Timestamp=2009-02-23T18%3A12%3A22.093-07&Version=2009-01-01",
                                "cWbcTwGh5+uxevww0TBby1lUmaA=")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signerProducesTheExpectedSignature(String description, Vector v) {
        RequestSigner signer = RequestSigner.of(SigningSecret.of(v.secret()), v.method());

        assertThat(signer.sign(v.httpMethod(), v.hostLine(), v.path(), v.parameters()))
                .isEqualTo(v.expectedSignature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void stringToSignIsTheExpectedOne(String description, Vector v) {
        StringToSign sts = StringToSign.of(v.httpMethod(), v.hostLine(), v.path(), v.parameters());

        if (v.expectedStringToSign() != null) {
            assertThat(sts.value()).isEqualTo(v.expectedStringToSign());
        }
        assertThat(sts.value()).startsWith(v.httpMethod() + "\n" + v.hostLine() + "\n" + v.path() + "\n");
    }

    /** The vectors that carry SignatureVersion and SignatureMethod (the PA-API one does not). */
    static Stream<Arguments> mwsVectors() {
        return vectors().filter(a -> ((Vector) a.get()[1]).parameters().containsKey("SignatureVersion"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mwsVectors")
    void verifierAcceptsTheVectorWhenTheSignatureIsAttached(String description, Vector v) {
        Map<String, String> received = new LinkedHashMap<>(v.parameters());
        received.put("Signature", v.expectedSignature());

        SignatureVerification result = SignatureVerifier.strict()
                .verify(v.httpMethod(), v.hostLine(), v.path(), received, SigningSecret.of(v.secret()));

        assertThat(result.outcome()).isEqualTo(SignatureVerification.Outcome.VALID);
        assertThat(result.signatureMethod()).contains(v.method());
    }
}
