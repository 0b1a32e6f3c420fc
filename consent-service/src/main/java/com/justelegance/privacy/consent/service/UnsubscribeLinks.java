package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.config.ConsentConfig;
import com.justelegance.privacy.consent.domain.ConsentChoice;
import com.justelegance.privacy.consent.domain.PolicyVersion;
import com.justelegance.privacy.consent.domain.Purpose;
import com.justelegance.privacy.consent.domain.UnsubscribeToken;
import com.justelegance.privacy.consent.repository.PolicyVersionRepository;
import com.justelegance.privacy.consent.repository.UnsubscribeRedemptionRepository;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.erasure.SubjectTombstones;
import com.justelegance.privacy.kit.problem.ConsentProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One-click unsubscribe (RFC 8058) for marketing messages: signed tokens for the links, and their redemption
 * without login.
 *
 * <p>A token is single-use. The first redemption records an opt-out (WITHDRAWN for a consent purpose, OBJECTED for
 * one on legitimate interest) with source UNSUBSCRIBE_LINK; it is the person's act at that moment, so it applies
 * whatever they chose before. Any later redemption of the same token is a replay (a mail client or scanner posting
 * again, or someone re-using an old link): it changes nothing, so it can never undo a later explicit re-consent.
 * A forged or altered token fails its signature; an expired one is refused, pointing to account settings.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    /** Signature purpose: tokens signed for this use cannot be confused with any other keyed hash. */
    private static final String SIGNATURE_PURPOSE = "consent-unsubscribe-token-v1";
    /** Far longer than any token issued; anything longer is not worth decoding. */
    public static final int MAX_TOKEN_LENGTH = 512;

    private final ConsentLedger ledger;
    private final PolicyVersionRepository policyVersions;
    private final UnsubscribeRedemptionRepository redemptions;
    private final SubjectTombstones tombstones;
    private final KeyedHash keyedHash;
    private final ConsentConfig.Unsubscribe config;
    private final Clock clock;
    private final UnaryOperator<String> mac;

    public UnsubscribeLinks(ConsentLedger ledger, PolicyVersionRepository policyVersions,
                            UnsubscribeRedemptionRepository redemptions, SubjectTombstones tombstones,
                            KeyedHash keyedHash, ConsentConfig config, Clock clock) {
        this.ledger = ledger;
        this.policyVersions = policyVersions;
        this.redemptions = redemptions;
        this.tombstones = tombstones;
        this.keyedHash = keyedHash;
        this.config = config.unsubscribe();
        this.clock = clock;
        this.mac = payload -> keyedHash.of(SIGNATURE_PURPOSE, payload);
    }

    /** A token for one subject, with the URL that goes in the List-Unsubscribe header. */
    public record IssuedLink(String subjectId, String token, String url) {
    }

    /** Links for a marketing send, all expiring at the same moment. */
    public record IssuedLinks(String purpose, Instant expiresAt, List<IssuedLink> links) {
    }

    /** What a redemption did. */
    public enum Outcome {
        /** The opt-out was recorded now. */
        UNSUBSCRIBED,
        /** The token had been used before; nothing changed. */
        ALREADY_REDEEMED
    }

    @Transactional
    public IssuedLinks issue(String purposeCode, List<String> subjectIds) {
        Purpose purpose = ledger.knownPurpose(purposeCode);
        if (!purpose.directMarketing()) {
            throw new ProblemException(ConsentProblem.NOT_A_MARKETING_PURPOSE,
                    "Unsubscribe links exist for direct-marketing purposes; " + purposeCode + " is not one");
        }
        Instant expiresAt = clock.instant().plus(config.tokenValidity());
        List<IssuedLink> links = subjectIds.stream().map(subjectId -> {
            String token = new UnsubscribeToken(UUID.randomUUID(), subjectId, purposeCode, expiresAt).encode(mac);
            return new IssuedLink(subjectId, token, config.baseUrl() + token);
        }).toList();
        return new IssuedLinks(purposeCode, expiresAt, links);
    }

    public record Redemption(String purpose, Outcome outcome) {
    }

    /**
     * What a link would do, for the page a browser shows before the person confirms.
     *
     * @param link               the link itself, which the page's one-click form posts to
     * @param purposeDescription the purpose as the catalogue describes it
     * @param alreadyUsed        whether the link was redeemed before
     */
    public record Preview(String link, String purposeDescription, boolean alreadyUsed) {
    }

    /**
     * Checks a presented token as redemption would (signature, expiry, purpose) without changing anything: mail
     * scanners open links, so only the POST of the one-click form acts.
     */
    @Transactional
    public Preview preview(String presented) {
        UnsubscribeToken token = verified(presented);
        if (token.expiredAt(clock.instant())) {
            throw expired();
        }
        Purpose purpose = ledger.knownPurpose(token.purpose());
        return new Preview(config.baseUrl() + presented, purpose.description(), redemptions.isClaimed(token.tokenId()));
    }

    /** The catalogue's description of the purpose a redemption was for. */
    @Transactional
    public String purposeDescription(String purposeCode) {
        return ledger.knownPurpose(purposeCode).description();
    }

    @Transactional
    public Redemption redeem(String presented) {
        UnsubscribeToken token = verified(presented);
        Instant now = clock.instant();
        if (token.expiredAt(now)) {
            throw expired();
        }
        Purpose purpose = ledger.knownPurpose(token.purpose());
        if (!redemptions.claim(token.tokenId(), now, token.expiresAt())) {
            return new Redemption(purpose.code(), Outcome.ALREADY_REDEEMED);
        }
        if (tombstones.isErased(token.subjectId())) {
            // Nothing is held about an erased subject to opt out of; recording a decision would bring them back.
            return new Redemption(purpose.code(), Outcome.UNSUBSCRIBED);
        }
        ConsentState optOut = purpose.lawfulBasis() == LawfulBasis.LEGITIMATE_INTEREST
                ? ConsentState.OBJECTED : ConsentState.WITHDRAWN;
        PolicyVersion inForce = policyVersions.inForceOn(LocalDate.now(clock))
                .orElseGet(() -> policyVersions.newestFirst().getFirst());
        ledger.record(token.subjectId(), new ConsentLedger.NewDecision(inForce.version(),
                ConsentSource.UNSUBSCRIBE_LINK, ConsentMethod.REJECT, null,
                List.of(new ConsentChoice(purpose.code(), optOut)), null, null, List.of(), false));
        Log.infof("Unsubscribe token %s redeemed for purpose %s", token.tokenId(), purpose.code());
        return new Redemption(purpose.code(), Outcome.UNSUBSCRIBED);
    }

    private static ProblemException expired() {
        return new ProblemException(ConsentProblem.EXPIRED_UNSUBSCRIBE_TOKEN,
                "This unsubscribe link has expired; marketing choices can be changed in account settings");
    }

    private UnsubscribeToken verified(String presented) {
        if (presented == null || presented.length() > MAX_TOKEN_LENGTH) {
            throw new ProblemException(ConsentProblem.MALFORMED_UNSUBSCRIBE_TOKEN, "This is not an unsubscribe token");
        }
        try {
            return UnsubscribeToken.decode(presented, mac);
        } catch (UnsubscribeToken.RejectedException e) {
            throw switch (e.defect()) {
                case MALFORMED -> new ProblemException(ConsentProblem.MALFORMED_UNSUBSCRIBE_TOKEN,
                        "This is not an unsubscribe token");
                case BAD_SIGNATURE -> new ProblemException(ConsentProblem.INVALID_UNSUBSCRIBE_TOKEN,
                        "The unsubscribe token's signature does not match: it was not issued by us or was altered");
            };
        }
    }

    /** Forgets used tokens a day after they expired: an expired token is refused before it is looked up. */
    @Scheduled(identity = "unsubscribe-redemption-cleanup", every = "6h", delayed = "5m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetExpiredRedemptions() {
        int deleted = QuarkusTransaction.requiringNew().call(() ->
                redemptions.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1))));
        Log.debugf("Forgot %d expired unsubscribe redemptions", deleted);
    }
}
