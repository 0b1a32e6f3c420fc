package com.justelegance.privacy.dsr.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.dsr.access.DataSources;
import com.justelegance.privacy.dsr.access.GatheredData;
import com.justelegance.privacy.dsr.access.PackageAssembler;
import com.justelegance.privacy.dsr.access.PackageDocument;
import com.justelegance.privacy.dsr.access.PackageReport;
import com.justelegance.privacy.dsr.access.WithheldItem;
import com.justelegance.privacy.dsr.config.DsrConfig;
import com.justelegance.privacy.dsr.domain.AccessPackageRecord;
import com.justelegance.privacy.dsr.domain.CaseStatus;
import com.justelegance.privacy.dsr.domain.CaseTrailEntry;
import com.justelegance.privacy.dsr.domain.RequestCase;
import com.justelegance.privacy.dsr.repository.AccessPackageRepository;
import com.justelegance.privacy.dsr.repository.CaseRepository;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.audit.AuditLog;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.crypto.SubjectKeys;
import com.justelegance.privacy.kit.problem.DsrProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Answers access (UK GDPR Art. 15) and portability (Art. 20) cases with a package of the subject's data: gathers it
 * from every source ({@link DataSources}), assembles it ({@link PackageAssembler}), stores it encrypted under the
 * case's key, and hands it out through a download link whose token is the only authority (like consent-service's
 * unsubscribe links): random, stored only as a keyed hash, working for {@code dsr.access.link-valid-for} and
 * {@code dsr.access.max-downloads} downloads, each audited. Packages whose link expired or was used up are deleted
 * by a schedule ({@link #purgeExpired()}).
 *
 * <p>A package is only prepared for a case of the right type, whose subject is resolved and whose requester's
 * identity was verified: handing someone else's data to a requester is the breach this guards against. Gathering
 * calls other services, so it runs outside any transaction: the case is checked, the sources are read, and then
 * the case is locked and checked again before the package is stored. A source that could not be read makes the
 * package incomplete: it is stored so staff see what is missing, but no link is issued until it is prepared again
 * with every source.
 *
 * <p>The officer may first review the package: prepared without release, it is kept (with no link and no letter),
 * read back with what was withheld from it ({@link #preview}), and released later ({@link #release}), which issues
 * the link then; kept unreleased for longer than a link would work, it is purged like an expired one.
 */
@ApplicationScoped
public class AccessPackages {

    private static final Logger LOG = Logger.getLogger(AccessPackages.class);

    /** The keyed hash's purpose: a link token's hash is useless for anything else. */
    private static final String LINK_PURPOSE = "access-package-link";
    /** 32 random bytes, base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Set<SubjectRequestType> ANSWERED_WITH_A_PACKAGE =
            EnumSet.of(SubjectRequestType.ACCESS, SubjectRequestType.PORTABILITY);
    private static final Set<CaseStatus> PREPARABLE = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS);

    private final Cases cases;
    private final CaseRepository caseRepository;
    private final AccessPackageRepository packages;
    private final DataSources sources;
    private final PackageAssembler assembler;
    private final PackageReport report;
    private final SubjectKeys keys;
    private final KeyedHash keyedHash;
    private final AuditLog auditLog;
    private final ObjectMapper json;
    private final DsrConfig config;
    private final SecureRandom random = new SecureRandom();

    public AccessPackages(Cases cases, CaseRepository caseRepository, AccessPackageRepository packages,
                          DataSources sources, PackageAssembler assembler, PackageReport report, SubjectKeys keys,
                          KeyedHash keyedHash, AuditLog auditLog, ObjectMapper json, DsrConfig config) {
        this.cases = cases;
        this.caseRepository = caseRepository;
        this.packages = packages;
        this.sources = sources;
        this.assembler = assembler;
        this.report = report;
        this.keys = keys;
        this.keyedHash = keyedHash;
        this.auditLog = auditLog;
        this.json = json;
        this.config = config;
    }

    /** How a source's reading ended, as the staff view shows it (codes and a short reason only). */
    public record SourceOutcome(String source, GatheredData.Outcome outcome, String reason) {
    }

    /**
     * Where a case's package stands.
     *
     * @param withheld what was left out of it; empty unless asked for by someone who may see it
     */
    public record PackageStatus(UUID caseId, String caseReference, AccessPackageRecord record,
                                List<SourceOutcome> sources, List<WithheldItem> withheld, Instant now) {
    }

    /** A package just prepared, with its download link when it is complete: shown this once, never stored. */
    public record Prepared(PackageStatus status, Optional<String> downloadUrl) {
    }

    /** The forms a package is downloaded in. */
    public enum Format {
        JSON("application/json", "json"),
        HTML("text/html; charset=utf-8", "html"),
        PDF("application/pdf", "pdf");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    /** A download: the package in the form asked for, and a file name for it. */
    public record Download(Format format, byte[] content, String fileName) {
    }

    /** A package as the officer reviews it before release: where it stands, and the document as the requester gets it. */
    public record Preview(PackageStatus status, String document) {
    }

    /**
     * Prepares the case's package, replacing any earlier one (and its link). Blocking: the sources are called.
     *
     * @param release issue the link at once (when the package is complete); false keeps it for the officer to review
     *                and {@link #release} later
     */
    public Prepared prepare(UUID caseId, String actor, boolean release) {
        PackageAssembler.CaseFacts facts = QuarkusTransaction.requiringNew().call(() -> {
            RequestCase requestCase = cases.openCase(caseId);
            requirePreparable(requestCase);
            return new PackageAssembler.CaseFacts(requestCase.reference(), requestCase.type(),
                    requestCase.subjectId(), requestCase.receivedOn(), config.access().controllerName(),
                    config.mail().from());
        });
        GatheredData gathered = sources.gather(facts.subjectId(), facts.caseReference());
        return QuarkusTransaction.requiringNew().call(() -> store(caseId, facts, gathered, actor, release));
    }

    private Prepared store(UUID caseId, PackageAssembler.CaseFacts facts, GatheredData gathered, String actor,
                           boolean release) {
        RequestCase requestCase = cases.openCase(caseId);
        requirePreparable(requestCase);
        if (!facts.subjectId().equals(requestCase.subjectId()) || requestCase.type() != facts.requestType()) {
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT,
                    "The case's subject or type changed while its data was gathered; prepare the package again");
        }
        Instant now = cases.now();
        PackageAssembler.Assembled assembled = assembler.assemble(UUID.randomUUID(), facts, gathered, now);
        PackageDocument document = assembled.document();
        String token = document.complete() && release ? newToken() : null;
        List<SourceOutcome> outcomes = gathered.results().values().stream()
                .map(result -> new SourceOutcome(result.source().code(), result.outcome(), result.reason()))
                .toList();
        AccessPackageRecord record = packages.findByIdOptional(caseId)
                .orElseGet(() -> new AccessPackageRecord(caseId));
        record.prepared(document.packageId(), now, actor, document.complete(), toJson(outcomes),
                keys.encrypt(requestCase.keyOwner(), toJson(document)),
                assembled.withheld().isEmpty() ? null
                        : keys.encrypt(requestCase.keyOwner(), toJson(assembled.withheld())),
                assembled.withheld().size(), token == null ? null : linkHash(token),
                now.plus(config.access().linkValidFor()), config.access().maxDownloads());
        packages.persist(record);

        String action = !document.complete() ? "access-package-incomplete"
                : release ? "access-package-prepared" : "access-package-prepared-for-review";
        String why = document.complete() ? null : "Not read: " + String.join(", ", document.missingSources());
        if (requestCase.status() == CaseStatus.RECEIVED) {
            cases.move(requestCase, CaseStatus.IN_PROGRESS, actor, action, why);
        } else {
            cases.trail(requestCase, actor, action, requestCase.status(), requestCase.status(), why);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("case", requestCase.reference());
        details.put("package", document.packageId().toString());
        details.put("complete", document.complete());
        details.put("missing", document.missingSources());
        details.put("withheld", assembled.withheld().size());
        details.put("released", token != null);
        auditLog.record("dsr.access-package.prepared", requestCase.subjectId(), details);
        PackageStatus status = new PackageStatus(caseId, requestCase.reference(), record, outcomes,
                assembled.withheld(), now);
        return new Prepared(status, Optional.ofNullable(token).map(this::downloadUrl));
    }

    /**
     * Releases a package kept for review: issues its link (working for {@code dsr.access.link-valid-for} from now),
     * to be sent to the requester once this has committed. The case must still be one a package is prepared for.
     */
    public Prepared release(UUID caseId, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RequestCase requestCase = cases.openCase(caseId);
            requirePreparable(requestCase);
            Instant now = cases.now();
            AccessPackageRecord record = packages.findByIdOptional(caseId)
                    .filter(candidate -> candidate.awaitingRelease(now))
                    .orElseThrow(() -> new ProblemException(DsrProblem.ACCESS_PACKAGE_NOT_RELEASABLE,
                            "No package waits for release on case " + caseId + ": prepare one for review first (an "
                                    + "incomplete one, one already sent, or one kept too long is not released)"));
            String token = newToken();
            record.released(linkHash(token), now.plus(config.access().linkValidFor()));
            cases.trail(requestCase, actor, "access-package-released", requestCase.status(), requestCase.status(),
                    null);
            auditLog.record("dsr.access-package.released", requestCase.subjectId(), Map.of(
                    "case", requestCase.reference(), "package", record.packageId().toString()));
            PackageStatus status = new PackageStatus(caseId, requestCase.reference(), record,
                    fromJson(record.sourceOutcomes(), new TypeReference<List<SourceOutcome>>() { }),
                    withheldOf(requestCase, record), now);
            return new Prepared(status, Optional.of(downloadUrl(token)));
        });
    }

    /**
     * The package as the requester would get it, with what was withheld from it, for the officer to review; audited.
     * A package whose document was purged has nothing to show.
     */
    public Preview preview(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RequestCase requestCase = caseRepository.findByIdOptional(caseId)
                    .orElseThrow(() -> new ProblemException(DsrProblem.CASE_NOT_FOUND, "There is no case " + caseId));
            AccessPackageRecord record = packages.findByIdOptional(caseId)
                    .orElseThrow(() -> new ProblemException(DsrProblem.ACCESS_PACKAGE_NOT_PREPARED,
                            "No access package was prepared for case " + caseId));
            String document = record.document() == null ? null
                    : keys.decrypt(requestCase.keyOwner(), record.document()).orElse(null);
            if (document == null) {
                throw new ProblemException(DsrProblem.ACCESS_PACKAGE_NOT_PREPARED,
                        "The package of case " + caseId + " was deleted; prepare it again");
            }
            auditLog.record("dsr.access-package.previewed", requestCase.subjectId(),
                    Map.of("case", requestCase.reference(), "package", record.packageId().toString()));
            PackageStatus status = new PackageStatus(caseId, requestCase.reference(), record,
                    fromJson(record.sourceOutcomes(), new TypeReference<List<SourceOutcome>>() { }),
                    withheldOf(requestCase, record), cases.now());
            return new Preview(status, document);
        });
    }

    private List<WithheldItem> withheldOf(RequestCase requestCase, AccessPackageRecord record) {
        return record.withheld() == null ? List.of() : keys.decrypt(requestCase.keyOwner(), record.withheld())
                .map(text -> fromJson(text, new TypeReference<List<WithheldItem>>() { })).orElse(List.of());
    }

    /** The case's package as staff see it; the withheld items only when {@code withWithheld}. */
    public PackageStatus status(UUID caseId, boolean withWithheld) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RequestCase requestCase = caseRepository.findByIdOptional(caseId)
                    .orElseThrow(() -> new ProblemException(DsrProblem.CASE_NOT_FOUND, "There is no case " + caseId));
            AccessPackageRecord record = packages.findByIdOptional(caseId)
                    .orElseThrow(() -> new ProblemException(DsrProblem.ACCESS_PACKAGE_NOT_PREPARED,
                            "No access package was prepared for case " + caseId));
            List<WithheldItem> withheld = withWithheld ? withheldOf(requestCase, record) : List.of();
            auditLog.record("dsr.access-package.read", requestCase.subjectId(),
                    Map.of("case", requestCase.reference(), "withheldShown", withWithheld));
            return new PackageStatus(caseId, requestCase.reference(), record,
                    fromJson(record.sourceOutcomes(), new TypeReference<List<SourceOutcome>>() { }), withheld,
                    cases.now());
        });
    }

    /**
     * The package behind a download link, in the form asked for; counts and audits the download. A token that is
     * not one of ours is a 404, an expired or used-up link a 410; neither problem quotes the token.
     */
    public Download download(String token, Format format) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (token == null || !TOKEN.matcher(token).matches()) {
                throw linkNotFound();
            }
            AccessPackageRecord record = packages.lockByLinkHash(linkHash(token))
                    .orElseThrow(AccessPackages::linkNotFound);
            Instant now = cases.now();
            if (record.expired(now)) {
                throw new ProblemException(DsrProblem.ACCESS_LINK_EXPIRED,
                        "The link expired; ask us for the package again, quoting your case reference");
            }
            if (record.usedUp()) {
                throw new ProblemException(DsrProblem.ACCESS_LINK_EXPIRED, "The link was used " + record.downloads()
                        + " times, as many as allowed; ask us for the package again, quoting your case reference");
            }
            RequestCase requestCase = caseRepository.findById(record.caseId());
            String document = keys.decrypt(requestCase.keyOwner(), record.document())
                    .orElseThrow(() -> new ProblemException(DsrProblem.ACCESS_LINK_EXPIRED,
                            "The package no longer exists"));
            record.downloaded(now);
            auditLog.record("dsr.access-package.downloaded", requestCase.subjectId(), Map.of(
                    "case", requestCase.reference(), "package", record.packageId().toString(),
                    "format", format.name(), "download", record.downloads()));
            String fileName = "personal-data-" + requestCase.reference() + "." + format.extension();
            return new Download(format, render(document, format), fileName);
        });
    }

    /** Deletes the packages whose link expired or was used up; returns how many. */
    public int purgeExpired() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> purged = packages.purge(cases.now());
            for (UUID caseId : purged) {
                RequestCase requestCase = caseRepository.findById(caseId);
                auditLog.record("dsr.access-package.purged", requestCase.subjectId(),
                        Map.of("case", requestCase.reference()));
            }
            return purged.size();
        });
    }

    @Scheduled(identity = "access-package-purge", every = "${dsr.access.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPurge() {
        int purged = purgeExpired();
        if (purged > 0) {
            LOG.infof("Deleted %d access packages whose link expired or was used up", purged);
        }
    }

    private byte[] render(String document, Format format) {
        return switch (format) {
            case JSON -> document.getBytes(StandardCharsets.UTF_8);
            case HTML -> report.html(fromJson(document, new TypeReference<PackageDocument>() { }))
                    .getBytes(StandardCharsets.UTF_8);
            case PDF -> report.pdf(fromJson(document, new TypeReference<PackageDocument>() { }));
        };
    }

    private void requirePreparable(RequestCase requestCase) {
        if (!ANSWERED_WITH_A_PACKAGE.contains(requestCase.type())) {
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT,
                    "Only an access or portability request is answered with a package; this case is "
                            + (requestCase.type() == null ? "not classified" : requestCase.type()));
        }
        if (requestCase.subjectId() == null) {
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT,
                    "The case's subject is not resolved yet: record whom it concerns first");
        }
        if (!PREPARABLE.contains(requestCase.status())) {
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT,
                    "Cannot prepare the package while the case is " + requestCase.status() + "; allowed while "
                            + PREPARABLE);
        }
        if (!identityVerified(requestCase)) {
            throw new ProblemException(DsrProblem.CASE_STATUS_CONFLICT,
                    "The requester's identity is not verified: record a verified identity check first");
        }
    }

    /** Whether the latest identity check on the trail verified the requester. */
    private boolean identityVerified(RequestCase requestCase) {
        List<CaseTrailEntry> trail = caseRepository.trail(requestCase.id());
        for (int i = trail.size() - 1; i >= 0; i--) {
            String action = trail.get(i).action();
            if (action.startsWith("identity-verified:")) {
                return true;
            }
            if (action.startsWith("identity-failed:")) {
                return false;
            }
        }
        return false;
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String linkHash(String token) {
        return keyedHash.of(LINK_PURPOSE, token);
    }

    private String downloadUrl(String token) {
        if (config.access().downloadLinkPrefix().isPresent()) {
            return config.access().downloadLinkPrefix().get() + token;
        }
        String base = config.access().downloadBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/access-packages/"
                + token;
    }

    private static ProblemException linkNotFound() {
        return new ProblemException(DsrProblem.ACCESS_LINK_NOT_FOUND,
                "No package has this link: check that it was copied whole, or ask us for the package again");
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An access package could not be written", e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored access package is unreadable", e);
        }
    }
}
