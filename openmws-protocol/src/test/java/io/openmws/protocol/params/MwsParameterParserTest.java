package io.openmws.protocol.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.openmws.protocol.signature.SignatureVerifier;
import io.openmws.protocol.signature.SigningSecret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MwsParameterParserTest {

    static final MwsParameterParser PARSER = MwsParameterParser.standard();

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parametersComeFromQueryAndFormBodyTogether() {
        MwsParameters p = PARSER.parse("Action=ListOrders&SellerId=A1", "application/x-www-form-urlencoded",
                utf8("MarketplaceId.Id.1=ATVPDKIKX0DER&Version=2013-09-01"));

        assertThat(p.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Action", "ListOrders", "MarketplaceId.Id.1", "ATVPDKIKX0DER", "SellerId", "A1",
                "Version", "2013-09-01"));
    }

    static Stream<Arguments> formContentTypes() {
        return Stream.of(
                arguments("application/x-www-form-urlencoded"),
                arguments("application/x-www-form-urlencoded; charset=utf-8"),
                arguments("Application/X-WWW-Form-URLEncoded;charset=UTF-8"),
                arguments("  application/x-www-form-urlencoded ; charset=\"utf-8\""));
    }

    @ParameterizedTest(name = "body with Content-Type ''{0}'' is read as a form")
    @MethodSource("formContentTypes")
    void formBodyIsReadWhateverTheCaseOrParameters(String contentType) {
        assertThat(PARSER.parse(null, contentType, utf8("Action=GetServiceStatus")).get("Action"))
                .contains("GetServiceStatus");
    }

    static Stream<Arguments> otherContentTypes() {
        return Stream.of(arguments("text/xml"), arguments("application/octet-stream"), arguments((Object) null),
                arguments("x-www-form-urlencoded"), arguments("application/x-www-form-urlencodedx"));
    }

    @ParameterizedTest(name = "body with Content-Type {0} is left alone")
    @MethodSource("otherContentTypes")
    void otherContentTypesLeaveTheBodyUnread(String contentType) {
        MwsParameters p = PARSER.parse("Action=ListOrders", contentType, utf8("Evil=1"));

        assertThat(p.contains("Evil")).isFalse();
        assertThat(p.get("Action")).contains("ListOrders");
    }

    @Test
    void plusInTheQueryIsASpace() {
        assertThat(MwsParameterParser.parseQuery("BuyerName=Jane+Doe").get("BuyerName")).contains("Jane Doe");
    }

    @Test
    void lowercaseHexInTheFormBodyIsDecoded() {
        MwsParameters p = PARSER.parse(null, "application/x-www-form-urlencoded",
                utf8("Timestamp=2020-05-28T11%3a22%3a23Z&SellerOrderId=%c3%9cn"));

        assertThat(p.get("Timestamp")).contains("2020-05-28T11:22:23Z");
        assertThat(p.get("SellerOrderId")).contains("Ün");
    }

    @Test
    void emptyQuerySegmentsAreTolerated() {
        MwsParameters p = MwsParameterParser.parseQuery("&AWSAccessKeyId=AKIA&&Action=X&");

        assertThat(p.names()).containsExactly("AWSAccessKeyId", "Action");
    }

    @Test
    void aSegmentWithoutEqualsIsAnEmptyValue() {
        assertThat(MwsParameterParser.parseQuery("MWSAuthToken&A=1").get("MWSAuthToken")).contains("");
        assertThat(MwsParameterParser.parseQuery("MWSAuthToken=&A=1").get("MWSAuthToken")).contains("");
    }

    @Test
    void equalsInsideAValueIsKept() {
        assertThat(MwsParameterParser.parseQuery("Signature=abc==").get("Signature")).contains("abc==");
    }

    @Test
    void submitFeedBodyIsNeverParsedEvenWithFormContentType() {
        MwsParameters p = PARSER.parse("Action=SubmitFeed&FeedType=_POST_FLAT_FILE_LISTINGS_DATA_",
                "application/x-www-form-urlencoded", utf8("sku=1&price=2"));

        assertThat(p.names()).containsExactly("Action", "FeedType");
    }

    @Test
    void submitFeedStreamIsNotTouched() throws IOException {
        AtomicBoolean read = new AtomicBoolean();
        InputStream feed = new InputStream() {
            @Override
            public int read() {
                read.set(true);
                return -1;
            }
        };

        PARSER.parse("Action=SubmitFeed", "application/x-www-form-urlencoded", feed);

        assertThat(read).isFalse();
    }

    @Test
    void actionInTheBodyDoesNotMakeItAFeed() {
        // Action is read from the query string; a non-feed call with everything in the body is a form.
        MwsParameters p = PARSER.parse(null, "application/x-www-form-urlencoded", utf8("Action=SubmitFeed&X=1"));

        assertThat(p.get("X")).contains("1");
    }

    @Test
    void postWithEverythingInTheQueryAndAnEmptyBodyWorks() throws IOException {
        MwsParameters p = PARSER.parse("Action=ListOrders&SellerId=A1", "application/x-www-form-urlencoded",
                new ByteArrayInputStream(new byte[0]));

        assertThat(p.size()).isEqualTo(2);
    }

    @Test
    void theSameNameInQueryAndBodyIsRefused() {
        assertThatThrownBy(() -> PARSER.parse("SellerId=A1", "application/x-www-form-urlencoded", utf8("SellerId=A1")))
                .isInstanceOfSatisfying(InvalidParametersException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidParametersException.Reason.DUPLICATE_PARAMETER);
                    assertThat(e.parameterName()).contains("SellerId");
                });
    }

    @Test
    void theSameNameTwiceInTheQueryIsRefused() {
        assertThatThrownBy(() -> MwsParameterParser.parseQuery("A=1&A=2"))
                .isInstanceOf(InvalidParametersException.class).hasMessageContaining("A is given more than once");
    }

    @Test
    void malformedPercentEncodingIsRefused() {
        assertThatThrownBy(() -> MwsParameterParser.parseQuery("A=50%"))
                .isInstanceOfSatisfying(InvalidParametersException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidParametersException.Reason.MALFORMED_ENCODING));
    }

    @Test
    void aFormBodyOverTheLimitIsRefused() {
        MwsParameterParser small = MwsParameterParser.withMaxFormBodyBytes(8);
        byte[] body = utf8("Action=ListOrders");

        assertThatThrownBy(() -> small.parse(null, "application/x-www-form-urlencoded", new ByteArrayInputStream(body)))
                .isInstanceOfSatisfying(InvalidParametersException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidParametersException.Reason.BODY_TOO_LARGE));
        assertThatThrownBy(() -> small.parse(null, "application/x-www-form-urlencoded", body))
                .isInstanceOf(InvalidParametersException.class);
    }

    @Test
    void aFormBodyAtTheLimitIsRead() throws IOException {
        MwsParameterParser exact = MwsParameterParser.withMaxFormBodyBytes(8);

        assertThat(exact.parse(null, "application/x-www-form-urlencoded", new ByteArrayInputStream(utf8("Action=X")))
                .get("Action")).contains("X");
    }

    @Test
    void javaFormEntityEncodingVerifiesAgainstTheCanonicalSignature() {
        // The official Java client's UrlEncodedFormEntity sends + for space and %7E for ~ (docs/protocol.md §3.2);
        // the server must decode and re-encode, and the §3.5 V2 signature must still match.
        String body = "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=ListOrders&BuyerEmail=a+b%2Bc%7Ed*e%2Ff%40x.com"
                + "&CreatedAfter=2020-01-01T00%3a00%3a00Z&MarketplaceId.Id.1=ATVPDKIKX0DER"
                + "&MarketplaceId.Id.2=A2EUQ1WTGCTBG2&SellerId=A1EXAMPLESELLER&SellerOrderId=%c3%9cn%c3%afcode-%c3%a9"
                + "&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2020-05-28T11%3A22%3A23.514Z"
                + "&Version=2013-09-01&Signature=9YZvaGaKkPCkk5P3o%2flhSnx3YCxccdjaJMmG%2FXyPh%2Fo%3D";
        MwsParameters p = PARSER.parse("", "application/x-www-form-urlencoded; charset=utf-8", utf8(body));

        assertThat(SignatureVerifier.strict().verify("POST", "mws.amazonservices.com", "/Orders/2013-09-01",
                p.asMap(), SigningSecret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).isValid()).isTrue();
    }

    @Test
    void isFormContentTypeRecognisesOnlyTheFormMediaType() {
        assertThat(MwsParameterParser.isFormContentType("application/x-www-form-urlencoded;charset=utf-8")).isTrue();
        assertThat(MwsParameterParser.isFormContentType("multipart/form-data")).isFalse();
        assertThat(MwsParameterParser.isFormContentType(null)).isFalse();
    }
}
