package com.justelegance.privacy.system;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.testing.TestTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.justelegance.privacy.system.RunningSystem.Service.DISCLOSURE;
import static com.justelegance.privacy.system.RunningSystem.url;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * {@code ./stack demo}'s erasure story ({@code demo_erasure_request} in the script) told against the running system:
 * the script is sourced with its ports pointed at the system's processes and its tokens at the test key, and plays
 * the request for a customer of a fresh storefront run, once reading JSON with jq and once with python3.
 */
@ExtendWith(RunningSystem.class)
class StackDemoErasureTest {


    @ParameterizedTest(name = "reading JSON with {0}")
    @ValueSource(strings = {"jq", "python3"})
    void theDemoTellsAnErasureRequestsStoryInNamesAPrivacyOfficerKnows(String jsonReader) throws Exception {
        String run = "dm" + UUID.randomUUID().toString().substring(0, 6);
        List<Customer> customers = ErasureCases.playStorefrontCustomers(run, 3, 1000, 11);
        customers.forEach(ErasureCases::awaitKnownEverywhere);

        String output = StackDemo.tell("demo_erasure_request", run, jsonReader);
        System.out.println(output); // what ./stack demo shows, in the test's output for whoever reads it

        assertThat(output, containsString("An erasure request, from the customer's e-mail to the signed certificate"));
        assertThat(output, containsString("The case is now partially completed."));
        assertThat(output, containsString("storefront keeps purchase history because the law requires us to"));
        assertThat(output, containsString("to erase it too (Art. 19)"));
        assertThat(output, containsString("finds 0 customers"));
        assertThat(output, containsString("the signature verifies"));
        assertThat(output, not(containsString("WARNING")));
        // The recipients are named as the registry names them: every recipient of the customer the demo picked.
        String subject = output.replaceAll("(?s).*known to the back office as (cust-[a-z0-9-]+)\\).*", "$1");
        for (String recipient : recipientNamesOf(subject)) {
            assertThat(output, containsString(recipient));
        }
    }

    /** The display names of the recipients the subject's erasure notices went to. */
    private static List<String> recipientNamesOf(String subject) {
        List<String> codes = given().baseUri(url(DISCLOSURE))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/notices", subject)
                .then().statusCode(200).extract().jsonPath().getList("recipient", String.class);
        List<String> names = new ArrayList<>();
        for (String code : codes) {
            names.add(given().baseUri(url(DISCLOSURE))
                    .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                    .when().get("/api/v1/recipients/{code}", code)
                    .then().statusCode(200).extract().jsonPath().getString("displayName"));
        }
        assertThat("the picked customer's data went to someone", names.isEmpty(), equalTo(false));
        return names;
    }
}
