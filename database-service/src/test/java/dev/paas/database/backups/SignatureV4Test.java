package dev.paas.database.backups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer against the examples AWS publishes for Signature Version 4 (S3, header-based, single chunk). */
class SignatureV4Test {

    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant AT = Instant.parse("2013-05-24T00:00:00Z");

    private final SignatureV4 signature = new SignatureV4(ACCESS_KEY, SECRET_KEY, "us-east-1", "s3");

    @Test
    void signsAwsGetObjectExample() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Range", "bytes=0-9");
        headers.put("x-amz-content-sha256", SignatureV4.EMPTY_SHA256);
        headers.put("x-amz-date", "20130524T000000Z");

        assertThat(signature.authorization("GET", "/test.txt", Map.of(), headers, SignatureV4.EMPTY_SHA256, AT))
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void signsAwsPutObjectExampleWithItsPayloadHash() {
        String payloadHash = SignatureV4.hex(SignatureV4.sha256("Welcome to Amazon S3.".getBytes(
                StandardCharsets.UTF_8)));
        assertThat(payloadHash).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Date", "Fri, 24 May 2013 00:00:00 GMT");
        headers.put("x-amz-date", "20130524T000000Z");
        headers.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        headers.put("x-amz-content-sha256", payloadHash);

        String path = "/" + SignatureV4.encode("test$file.text");
        assertThat(path).isEqualTo("/test%24file.text");
        assertThat(signature.authorization("PUT", path, Map.of(), headers, payloadHash, AT))
                .endsWith("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
                        + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void signsAwsListObjectsExampleWithSortedQuery() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "examplebucket.s3.amazonaws.com");
        headers.put("x-amz-content-sha256", SignatureV4.EMPTY_SHA256);
        headers.put("x-amz-date", "20130524T000000Z");

        assertThat(signature.authorization("GET", "/", Map.of("prefix", "J", "max-keys", "2"), headers,
                SignatureV4.EMPTY_SHA256, AT))
                .endsWith("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void derivesAwsExampleSigningKey() {
        SignatureV4 iam = new SignatureV4(ACCESS_KEY, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1",
                "iam");
        assertThat(SignatureV4.hex(iam.signingKey("20120215")))
                .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }
}
