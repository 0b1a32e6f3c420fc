package com.justelegance.privacy.dsr.centre;

import com.icegreen.greenmail.util.GreenMail;
import com.justelegance.privacy.dsr.DsrApi;
import com.justelegance.privacy.dsr.SentLetters;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.InjectMailServer;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The privacy centre's calls: a shopper's request opened, acknowledged and verified with the code sent to the
 * address on the customer's account, shown without personal data; and the sign-in codes of the preferences page,
 * answered alike for customers and strangers, working once, refused when wrong. Letters really go over SMTP and are
 * read back from the mail server. (The storefront's stand-in knows {@code match.<x>@...} as customer
 * {@code shop-<x>}, whose address on file is {@code shop-<x>@shop.example.com}.)
 */
@QuarkusTest
class PrivacyCentreTest {

    private static final String CENTRE = "/api/v1/privacy-centre";

    @InjectMailServer
    GreenMail mailServer;

    @Test
    void aShoppersRequestIsVerifiedWithTheCodeSentToTheAddressOnTheirAccount() {
        String x = UUID.randomUUID().toString();
        String given = "match." + x + "@example.com";
        String onFile = "shop-" + x + "@shop.example.com";

        String id = centre("/requests", "{\"type\": \"ACCESS\", \"email\": \"" + given + "\", \"name\": \"Ann\", "
                + "\"message\": \"Everything you hold, please\"}").statusCode(201)
                .body("status", equalTo("AWAITING_IDENTITY"))
                .body("reference", notNullValue())
                .body("closed", equalTo(false))
                .body(not(containsString(given)))
                .body(not(containsString("Everything you hold")))
                .body("trail", nullValue())
                .extract().path("id");
        String reference = DsrApi.view(id).extract().path("reference");
        SentLetters.awaitLetter(mailServer, given, "have opened a case for it, reference " + reference);
        String code = SentLetters.codeSentTo(mailServer, onFile);
        String wrong = code.equals("000000") ? "000001" : "000000";

        centre("/requests/" + id + "/identity-code", "{\"code\": \"" + wrong + "\"}").statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/identity-code-refused"))
                .body(not(containsString(wrong)));
        centre("/requests/" + id + "/identity-code", "{\"code\": \"12ab\"}").statusCode(400);
        centre("/requests/" + id + "/identity-code", "{\"code\": \"" + code + "\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("dueOn", notNullValue());
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_CENTRE))
                .get(CENTRE + "/requests/" + id).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("closed", equalTo(false))
                .body("outcome", nullValue());
        DsrApi.view(id).body("channel", equalTo("WEB_FORM"))
                .body("subjectId", equalTo("shop-" + x))
                .body("trail.action", hasItem("identity-verified:ONE_TIME_CODE"));
    }

    @Test
    void aClosedRequestShowsItsOutcomeAndStaffCasesAreNotTheCentres() {
        String id = centre("/requests", "{\"type\": \"ERASURE\", \"email\": \"nobody." + UUID.randomUUID()
                + "@example.com\"}").statusCode(201).extract().path("id");
        DsrApi.step(Roles.CUSTOMER_SERVICE, id, "withdrawal", "{}").statusCode(200);
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_CENTRE))
                .get(CENTRE + "/requests/" + id).then().statusCode(200)
                .body("closed", equalTo(true)).body("outcome", equalTo("WITHDRAWN"));

        String staffCase = DsrApi.openCase("ACCESS", "phone." + UUID.randomUUID() + "@example.com", null);
        given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_CENTRE))
                .get(CENTRE + "/requests/" + staffCase).then().statusCode(404)
                .body("type", equalTo("https://privacy.justelegance.com/problems/case-not-found"));
    }

    @Test
    void aRequestWithoutTypeOrAddressIsRefusedNamingTheField() {
        centre("/requests", "{\"email\": \"a@example.com\"}").statusCode(400)
                .body("errors.field", hasItem(containsString("type")));
        centre("/requests", "{\"type\": \"ACCESS\", \"email\": \"not an address\"}").statusCode(400)
                .body("errors.field", hasItem(containsString("email")))
                .body(not(containsString("not an address")));
    }

    @Test
    void aSignInCodeGoesToTheAddressOnFileWorksOnceAndStrangersGetTheSameAnswer() {
        String x = UUID.randomUUID().toString();
        String given = "match." + x + "@example.com";
        String onFile = "shop-" + x + "@shop.example.com";

        String forCustomer = centre("/sign-in-codes", "{\"email\": \"" + given + "\"}").statusCode(202)
                .extract().asString();
        String forStranger = centre("/sign-in-codes", "{\"email\": \"stranger." + x + "@example.com\"}")
                .statusCode(202).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(forCustomer, forStranger);

        String code = signInCodeSentTo(onFile);
        String wrong = code.equals("000000") ? "000001" : "000000";
        signIn(given, wrong).statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/sign-in-code-refused"))
                .body(not(containsString(wrong))).body(not(containsString(given)));
        signIn("stranger." + x + "@example.com", code).statusCode(400)
                .body("type", equalTo("https://privacy.justelegance.com/problems/sign-in-code-refused"));
        signIn(given, code).statusCode(200).body("subjectId", equalTo("shop-" + x));
        signIn(given, code).statusCode(400).body("detail", containsString("No sign-in code is waiting"));
    }

    @Test
    void afterFiveWrongSignInCodesEvenTheRightOneIsRefused() {
        String x = UUID.randomUUID().toString();
        String given = "match." + x + "@example.com";
        centre("/sign-in-codes", "{\"email\": \"" + given + "\"}").statusCode(202);
        String code = signInCodeSentTo("shop-" + x + "@shop.example.com");
        String wrong = code.equals("999999") ? "999998" : "999999";
        for (int i = 0; i < 5; i++) {
            signIn(given, wrong).statusCode(400);
        }
        signIn(given, code).statusCode(400).body("detail", containsString("Too many wrong codes"));
    }

    @Test
    void otherRolesMayNotCallThePrivacyCentresEndpoints() {
        for (String role : new String[]{Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER, Roles.STOREFRONT,
                Roles.DSR_SERVICE}) {
            given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON)
                    .body("{\"email\": \"match.x@example.com\"}")
                    .post(CENTRE + "/sign-in-codes").then().statusCode(403);
        }
    }

    private static ValidatableResponse centre(String path, String body) {
        return given().header("Authorization", TestTokens.bearer(Roles.PRIVACY_CENTRE))
                .contentType(ContentType.JSON).body(body).post(CENTRE + path).then();
    }

    private static ValidatableResponse signIn(String email, String code) {
        return centre("/sign-ins", "{\"email\": \"" + email + "\", \"code\": \"" + code + "\"}");
    }

    private String signInCodeSentTo(String address) {
        String body = await().atMost(Duration.ofSeconds(10)).until(() -> SentLetters.to(mailServer, address).stream()
                .filter(letter -> letter.contains("sign in to our privacy centre")).findFirst().orElse(null),
                letter -> letter != null);
        Matcher code = Pattern.compile("\\n\\s+([0-9]{6})\\s*\\n").matcher(body);
        if (!code.find()) {
            throw new AssertionError("no code in the sign-in letter");
        }
        return code.group(1);
    }
}
