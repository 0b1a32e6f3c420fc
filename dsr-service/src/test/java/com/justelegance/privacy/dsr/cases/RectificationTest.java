package com.justelegance.privacy.dsr.cases;

import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.events.RectificationRequested;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestTokens;
import com.justelegance.privacy.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.justelegance.privacy.dsr.DsrApi.newSubject;
import static com.justelegance.privacy.dsr.DsrApi.officer;
import static com.justelegance.privacy.dsr.DsrApi.openCase;
import static com.justelegance.privacy.dsr.DsrApi.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A rectification over the real broker: the categories go out as RectificationRequested (for the storefront and the
 * Art. 19 notices), the corrected values never do, and the storefront fetches them from the case.
 */
@QuarkusTest
class RectificationTest {

    private static final String CORRECTIONS = "Delivery address is now 14 Mill Lane, Leeds LS1 4AB; phone 07700 900321";

    @Test
    void theCategoriesArePublishedAndTheValuesAreFetchedFromTheCase() {
        String subject = newSubject();
        String id = openCase("RECTIFICATION", "rect." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + subject + "\"");
        try (TopicProbe rectifications = TopicProbe.open(Topics.RECTIFICATION_REQUESTS)) {
            officer(id, "rectification", body("\"PHONE\", \"DELIVERY_ADDRESS\", \"PHONE\"")).statusCode(200)
                    .body("status", equalTo("IN_PROGRESS"))
                    .body("trail.action", hasItem("rectification-requested"));

            ConsumerRecord<String, String> record = rectifications.awaitRecord(r -> subject.equals(r.key()));
            assertThat(record.value(), not(containsString("Mill Lane")));
            assertThat(record.value(), not(containsString("07700")));
            assertThat(((RectificationRequested) EventCodec.decode(record.value())
                    .payload()).categories(), equalTo(List.of(DataCategory.DELIVERY_ADDRESS, DataCategory.PHONE)));
        }
        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .when().get("/api/v1/requests/{id}/rectification", id)
                .then().statusCode(200)
                .body("categories", contains("DELIVERY_ADDRESS", "PHONE"))
                .body("corrections", equalTo(CORRECTIONS));
        officer(id, "rectification", body("\"EMAIL\"")).statusCode(409)
                .body("type", equalTo("https://privacy.justelegance.com/problems/case-status-conflict"));
        view(id).body("trail.action", hasItem("rectification-requested"));
    }

    @Test
    void onlyARectificationCaseWithASubjectAndNamedCategoriesIsRectified() {
        String access = openCase("ACCESS", "rect." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + newSubject() + "\"");
        officer(access, "rectification", body("\"EMAIL\"")).statusCode(409);
        String rectification = openCase("RECTIFICATION", "rect." + UUID.randomUUID() + "@example.com",
                "\"subjectId\": \"" + newSubject() + "\"");
        officer(rectification, "rectification", body("")).statusCode(400)
                .body("errors.field", hasItem(containsString("categories")));
        officer(rectification, "rectification", body("\"SHOE_SIZE\"")).statusCode(400);
        given().header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .when().get("/api/v1/requests/{id}/rectification", rectification)
                .then().statusCode(404)
                .body("type", equalTo("https://privacy.justelegance.com/problems/rectification-not-requested"));
    }

    private static String body(String categories) {
        return "{\"categories\": [" + categories + "], \"corrections\": \"" + CORRECTIONS + "\"}";
    }
}
