package com.justelegance.privacy.dsr.mailbox;

import com.justelegance.privacy.events.codes.SubjectRequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.stream.Stream;

import static com.justelegance.privacy.events.codes.SubjectRequestType.ACCESS;
import static com.justelegance.privacy.events.codes.SubjectRequestType.CONSENT_WITHDRAWAL;
import static com.justelegance.privacy.events.codes.SubjectRequestType.ERASURE;
import static com.justelegance.privacy.events.codes.SubjectRequestType.OBJECTION;
import static com.justelegance.privacy.events.codes.SubjectRequestType.PORTABILITY;
import static com.justelegance.privacy.events.codes.SubjectRequestType.RECTIFICATION;
import static com.justelegance.privacy.events.codes.SubjectRequestType.RESTRICTION;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The classifier's guesses on messages as people write them, and its refusal to guess when they are unclear. */
class RequestClassifierTest {

    static Stream<Arguments> clearRequests() {
        return Stream.of(
                Arguments.of(ACCESS, "Subject Access Request",
                        "Under the UK GDPR I would like a copy of all the personal data you hold about me."),
                Arguments.of(ACCESS, "My data",
                        "Hi, can you tell me what information you have on me? I bought a coat from you last year.\n"
                                + "Thanks, Sam"),
                Arguments.of(ACCESS, "SAR", "Please treat this email as a SAR. My customer number is 55120."),
                Arguments.of(ERASURE, "Delete my account",
                        "I no longer shop with you. Please delete my account and all my details."),
                Arguments.of(ERASURE, "Right to be forgotten",
                        "I want you to forget me and erase everything you hold about me."),
                Arguments.of(RECTIFICATION, "Wrong address",
                        "Your records have my old address. Please update my address to 4 Mill Lane, Leeds."),
                Arguments.of(RECTIFICATION, "Name misspelt",
                        "My surname is misspelt on every parcel - it is Smyth not Smith. Please correct it."),
                Arguments.of(OBJECTION, "Stop marketing",
                        "Please stop sending me marketing emails and texts, I never wanted them."),
                Arguments.of(OBJECTION, "unsubscribe", "unsubscribe"),
                Arguments.of(RESTRICTION, "Restrict processing",
                        "I dispute the accuracy of my order history. Please restrict processing of my data "
                                + "while you check it."),
                Arguments.of(PORTABILITY, "Data portability",
                        "I would like my purchase history in a machine-readable format such as CSV so I can "
                                + "move it to another retailer."),
                Arguments.of(CONSENT_WITHDRAWAL, "Consent",
                        "I withdraw my consent to you using my data for personalised recommendations."));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("clearRequests")
    void aClearRequestIsRecognised(SubjectRequestType expected, String subject, String body) {
        assertThat(RequestClassifier.classify(subject, body), equalTo(Optional.of(expected)));
    }

    static Stream<Arguments> unclearMessages() {
        return Stream.of(
                // Nothing a request type is known by.
                Arguments.of("Question", "Hello, do you deliver to Jersey?"),
                Arguments.of("", ""),
                // Two requests at once, equally strong: a person decides.
                Arguments.of("My data",
                        "Please send me a copy of my data, and then delete my account."),
                Arguments.of("Marketing", "Please correct my email address and unsubscribe me."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unclearMessages")
    void anUnclearMessageIsLeftToBeClassified(String subject, String body) {
        assertThat(RequestClassifier.classify(subject, body), equalTo(Optional.empty()));
    }

    @Test
    void theSubjectOutweighsAPassingWordInTheBody() {
        assertThat(RequestClassifier.classify("Delete my data",
                "I know you will need to correct your records afterwards."), equalTo(Optional.of(ERASURE)));
    }

    @Test
    void quotedTextFromOurLetterDoesNotCount() {
        String reply = """
                Yes, please go ahead and erase it.

                On 3 March 2026, Juste Elegance privacy team <privacy@justelegance.example> wrote:
                > Thank you for your request for a copy of your personal data (a subject access request).
                > If you want to correct anything, reply to this e-mail.
                """;
        assertThat(RequestClassifier.classify("Re: We have received your request (ref DSR-2026-0042)", reply),
                equalTo(Optional.of(ERASURE)));
    }

    @Test
    void quotedLinesAreLeftOutEvenWithoutAQuoteHeader() {
        assertThat(RequestClassifier.withoutQuotedText("Stop all marketing please\n> a copy of my data\n"),
                equalTo("Stop all marketing please\n\n"));
    }

    @Test
    void typographicApostrophesAndLineBreaksDoNotHideAPhrase() {
        assertThat(RequestClassifier.classify("Request", "I\u2019d like a copy\nof my personal\ndata please."),
                equalTo(Optional.of(ACCESS)));
    }
}
