package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.config.ConsentConfig;
import com.justelegance.privacy.consent.domain.ContactIdentifier;
import com.justelegance.privacy.consent.domain.IdentifierType;
import com.justelegance.privacy.consent.repository.SuppressionRepository.HashedIdentifier;
import com.justelegance.privacy.consent.repository.SuppressionRepository;
import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.problem.ConsentProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The suppression list: who must not be marketed to on which channel, kept as keyed hashes (HMAC) of normalised
 * identifiers so nothing on it can be turned back into an address. It survives erasure and is never exported:
 * the only question it answers is "which of these identifiers are suppressed?".
 *
 * <p>A channel is suppressed for a subject's identifiers while any of its direct-marketing purposes on that
 * channel is opted out (denied, withdrawn or objected); a later explicit grant lifts it.
 */
@ApplicationScoped
public class SuppressionList {

    private final SuppressionRepository repository;
    private final KeyedHash keyedHash;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String defaultPhoneRegion;

    public SuppressionList(SuppressionRepository repository, KeyedHash keyedHash, AuditLog auditLog, Clock clock,
                           ConsentConfig config) {
        this.repository = repository;
        this.keyedHash = keyedHash;
        this.auditLog = auditLog;
        this.clock = clock;
        this.defaultPhoneRegion = config.suppression().defaultPhoneRegion();
    }

    /** An identifier as the caller sent it: personal data, only held until it is hashed. */
    public record RawIdentifier(IdentifierType type, String value) {
    }

    /** One suppressed identifier of a screening request: its position in the request and its channels. */
    public record Suppressed(int index, Set<Channel> channels) {
    }

    /**
     * Normalises and hashes identifiers, refusing the request (400) at the first that is not an e-mail address or
     * phone number; the problem names its position, never its value.
     */
    public List<HashedIdentifier> hash(List<RawIdentifier> identifiers, String field) {
        List<HashedIdentifier> hashed = new ArrayList<>(identifiers.size());
        for (int i = 0; i < identifiers.size(); i++) {
            RawIdentifier raw = identifiers.get(i);
            ContactIdentifier identifier;
            try {
                identifier = ContactIdentifier.of(raw.type(), raw.value(), defaultPhoneRegion);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ConsentProblem.INVALID_IDENTIFIER,
                        field + "[" + i + "]: " + e.getMessage());
            }
            hashed.add(new HashedIdentifier(keyedHash.of(identifier.hashPurpose(), identifier.normalised()),
                    identifier.type()));
        }
        return hashed;
    }

    /** Links the identifiers sent with a decision to the subject (as hashes only). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rememberContacts(String subjectId, List<HashedIdentifier> identifiers, Instant at) {
        repository.rememberContacts(subjectId, identifiers, at);
    }

    /**
     * Brings the subject's identifiers in step with its decisions: channels it explicitly granted again are lifted,
     * channels with an opted-out direct-marketing purpose are suppressed (including for identifiers just added).
     * Returns how many suppression entries are new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int follow(String subjectId, Collection<Channel> explicitlyGranted, Instant at) {
        List<HashedIdentifier> contacts = repository.contacts(subjectId);
        if (contacts.isEmpty()) {
            return 0;
        }
        explicitlyGranted.forEach(channel -> repository.lift(reaching(contacts, channel), channel));
        int added = 0;
        for (Channel channel : repository.optedOutMarketingChannels(subjectId)) {
            added += repository.suppress(reaching(contacts, channel), channel, at);
        }
        return added;
    }

    /** The hashes of those identifiers that can be used on the channel (e-mail addresses for EMAIL, and so on). */
    private static List<String> reaching(List<HashedIdentifier> identifiers, Channel channel) {
        return identifiers.stream().filter(identifier -> identifier.type().reaches(channel))
                .map(HashedIdentifier::hash).toList();
    }

    /** Which of the identifiers are suppressed, by position; on one channel only when one is given. */
    @Transactional
    public List<Suppressed> screen(List<RawIdentifier> identifiers, Channel onlyChannel) {
        List<HashedIdentifier> hashed = hash(identifiers, "identifiers");
        Map<String, Set<Channel>> suppressed = repository.suppressedChannels(
                hashed.stream().map(HashedIdentifier::hash).collect(Collectors.toSet()));
        List<Suppressed> result = new ArrayList<>();
        for (int i = 0; i < hashed.size(); i++) {
            HashedIdentifier identifier = hashed.get(i);
            Set<Channel> channels = new TreeSet<>(suppressed.getOrDefault(identifier.hash(), Set.of()));
            // Entries written before channels were matched to identifier types may pair a phone with EMAIL.
            channels.removeIf(channel -> !identifier.type().reaches(channel));
            if (onlyChannel != null) {
                channels.retainAll(Set.of(onlyChannel));
            }
            if (!channels.isEmpty()) {
                result.add(new Suppressed(i, channels));
            }
        }
        auditLog.record("consent.suppression.screened", null,
                Map.of("identifiers", identifiers.size(), "suppressed", result.size()));
        return result;
    }

    /** Adds identifiers to the list by hand (a person who is not a customer asks never to be contacted). */
    @Transactional
    public void add(List<RawIdentifier> identifiers, Set<Channel> channels) {
        Instant now = clock.instant();
        List<HashedIdentifier> hashed = hash(identifiers, "identifiers");
        for (int i = 0; i < hashed.size(); i++) {
            IdentifierType type = hashed.get(i).type();
            if (channels.stream().noneMatch(type::reaches)) {
                throw new ProblemException(ConsentProblem.CHANNEL_NOT_APPLICABLE, "identifiers[" + i + "]: a " + type
                        + " identifier cannot be used on any of the channels given, so it cannot be suppressed on them");
            }
        }
        for (Channel channel : channels) {
            Set<String> hashes = new LinkedHashSet<>(reaching(hashed, channel));
            repository.suppress(hashes, channel, now);
        }
        auditLog.record("consent.suppression.added", null, Map.of("identifiers", hashed.size(),
                "channels", channels.stream().map(Enum::name).sorted().toList()));
    }

    /** The channels on which the subject's known identifiers are suppressed, for the subject's own access request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Channel> channelsForSubject(String subjectId) {
        List<HashedIdentifier> contacts = repository.contacts(subjectId);
        Map<String, Set<Channel>> suppressed = repository.suppressedChannels(
                contacts.stream().map(HashedIdentifier::hash).toList());
        Set<Channel> channels = new TreeSet<>();
        for (HashedIdentifier contact : contacts) {
            suppressed.getOrDefault(contact.hash(), Set.of()).stream()
                    .filter(channel -> contact.type().reaches(channel))
                    .forEach(channels::add);
        }
        return channels;
    }
}
