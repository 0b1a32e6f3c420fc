package com.justelegance.privacy.console.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stand-in for the retailer's identity provider in tests: an OpenID Connect provider on WireMock (from
 * quarkus-test-oidc-server's dependencies; no Docker) with discovery, its signing key, an end-session endpoint and a
 * token endpoint that answers each authorization code below with an ID token signed by its own RSA key. The test
 * plays the browser: it follows the console to the provider, and comes back with one of these codes as if the
 * person had signed in there.
 */
public class ConsoleOidcProvider implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "privacy-console";
    /** A privacy officer at the provider: in a group mapped to privacy-officer, and in one that is not mapped. */
    public static final Person OFFICER = new Person("code-officer", "olivia.officer", List.of("privacy-team", "all-staff"));
    /** Someone in a group the console does not map: refused. */
    public static final Person WAREHOUSE = new Person("code-warehouse", "walter", List.of("warehouse", "all-staff"));
    /** A mapped group, but a name that is not a valid staff name: refused. */
    public static final Person BAD_NAME = new Person("code-bad-name", "Bad Name!", List.of("privacy-team"));

    /** A person the provider knows, and the authorization code it hands out for them. */
    public record Person(String code, String name, List<String> groups) {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        KeyPair keys = rsaKeys();
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        String issuer = server.baseUrl();
        server.stubFor(get(urlEqualTo("/.well-known/openid-configuration")).willReturn(json("""
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "end_session_endpoint": "%1$s/logout",
                 "response_types_supported": ["code"], "id_token_signing_alg_values_supported": ["RS256"]}
                """.formatted(issuer))));
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        server.stubFor(get(urlEqualTo("/jwks")).willReturn(json("""
                {"keys": [{"kty": "RSA", "kid": "k1", "alg": "RS256", "use": "sig", "n": "%s", "e": "%s"}]}
                """.formatted(base64Url(publicKey.getModulus().toByteArray()),
                base64Url(publicKey.getPublicExponent().toByteArray())))));
        for (Person person : List.of(OFFICER, WAREHOUSE, BAD_NAME)) {
            String idToken = Jwt.issuer(issuer).audience(CLIENT_ID).subject("subject-" + person.code())
                    .claim("preferred_username", person.name()).claim("groups", person.groups())
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plus(Duration.ofHours(1)))
                    .jws().keyId("k1").sign(keys.getPrivate());
            server.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("code=" + person.code()))
                    .willReturn(json("""
                            {"access_token": "opaque-%s", "token_type": "Bearer", "expires_in": 3600,
                             "id_token": "%s"}
                            """.formatted(person.code(), idToken))));
        }
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", "test-client-secret",
                "console.test.oidc-provider", issuer);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWK number: unsigned big-endian bytes, base64url without padding. */
    private static String base64Url(byte[] signedBigEndian) {
        byte[] unsigned = signedBigEndian[0] == 0 ? Arrays.copyOfRange(signedBigEndian, 1, signedBigEndian.length)
                : signedBigEndian;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }
}
