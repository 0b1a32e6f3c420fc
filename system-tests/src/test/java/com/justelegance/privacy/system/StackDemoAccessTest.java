package com.justelegance.privacy.system;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.testing.TestTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.justelegance.privacy.system.RunningSystem.Service.DSR;
import static com.justelegance.privacy.system.RunningSystem.url;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * {@code ./stack demo}'s access story ({@code demo_access_request} in the script) told against the running system:
 * the script is sourced with its ports pointed at the system's processes and mail server and its tokens at the test
 * key, and plays the request for a customer of a fresh storefront run, by mail (curl's smtp:// and imap://) as the
 * demo does, once reading JSON with jq and once with python3.
 */
@ExtendWith(RunningSystem.class)
class StackDemoAccessTest {

    private static final Pattern CASE = Pattern.compile("opened case (DSR-\\d{4}-\\d{6})");

    @ParameterizedTest(name = "reading JSON with {0}")
    @ValueSource(strings = {"jq", "python3"})
    void theDemoTellsAnAccessRequestByEmailFromTheMailToTheDownload(String jsonReader) throws Exception {
        String run = "da" + UUID.randomUUID().toString().substring(0, 6);
        List<Customer> customers = ErasureCases.playStorefrontCustomers(run, 6, 1000, 17);
        customers.forEach(ErasureCases::awaitKnownEverywhere);

        String output = StackDemo.tell("demo_access_request", run, jsonReader);
        System.out.println(output); // what ./stack demo shows, in the test's output for whoever reads it

        assertThat(output, containsString("An access request by e-mail, from the customer's message to the package"));
        assertThat(output, containsString("channel email"));
        assertThat(output, containsString("access request (the words of the e-mail said so)"));
        assertThat(output, containsString("\"We have received your request (ref DSR-"));
        assertThat(output, containsString("1 customer found"));
        assertThat(output, containsString("the code verifies them"));
        assertThat(output, containsString("the storefront: their name and customer number"));
        assertThat(output, containsString("consent-service: their choices"));
        assertThat(output, containsString("disclosure-service: their data went to"));
        assertThat(output, containsString("retention-service: their timeline"));
        assertThat(output, containsString("complaints: Information Commissioner"));
        assertThat(output, containsString("their rights: rectification, erasure, restriction"));
        assertThat(output, containsString("Law enforcement (POL-" + run.toUpperCase()));
        assertThat(output, containsString("The customer's package does not mention it."));
        assertThat(output, containsString("the privacy officer closes the case: completed."));
        assertThat(output, not(containsString("WARNING")));

        // The case the demo told of is what it said: an access case from the mail, completed, with one item withheld.
        Matcher reference = CASE.matcher(output);
        assertThat("the demo names the case", reference.find(), is(true));
        String caseId = output.replaceAll("(?s).*/api/v1/requests/([0-9a-f-]{36})\\s*$", "$1").trim();
        given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/requests/{id}", caseId)
                .then().statusCode(200)
                .body("reference", equalTo(reference.group(1)))
                .body("channel", equalTo("EMAIL"))
                .body("type", equalTo("ACCESS"))
                .body("status", equalTo("COMPLETED"));
        given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/requests/{id}/access-package", caseId)
                .then().statusCode(200)
                .body("withheldCount", equalTo(1))
                .body("downloads", equalTo(1));
    }
}
