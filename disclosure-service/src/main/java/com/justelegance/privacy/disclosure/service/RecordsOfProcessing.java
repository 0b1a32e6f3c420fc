package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.repository.DisclosureRepository.VolumeRow;
import com.justelegance.privacy.disclosure.repository.DisclosureRepository;
import com.justelegance.privacy.disclosure.repository.RecipientRepository;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.kit.problem.DisclosureProblem;
import com.justelegance.privacy.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recipients part of the records of processing (UK GDPR Art. 30): every registered recipient with what the
 * registry says about it and how much went to it in a period, erased subjects' disclosures included as counts.
 */
@ApplicationScoped
public class RecordsOfProcessing {

    private final RecipientRepository recipients;
    private final DisclosureRepository disclosures;

    public RecordsOfProcessing(RecipientRepository recipients, DisclosureRepository disclosures) {
        this.recipients = recipients;
        this.disclosures = disclosures;
    }

    @Transactional
    public List<RecipientVolume> summary(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new ProblemException(DisclosureProblem.INVALID_PERIOD, "to must not be before from");
        }
        Map<String, VolumeRow> totals = new HashMap<>();
        Map<String, Map<DataCategory, Long>> perCategory = new HashMap<>();
        for (VolumeRow row : disclosures.volumes(from, to)) {
            if (row.dataCategory() == null) {
                totals.put(row.recipientCode(), row);
            } else {
                perCategory.computeIfAbsent(row.recipientCode(), code -> new EnumMap<>(DataCategory.class))
                        .put(DataCategory.valueOf(row.dataCategory()), row.disclosures());
            }
        }
        return recipients.allByCode().stream().map(recipient -> {
            VolumeRow total = totals.get(recipient.code());
            return new RecipientVolume(recipient, total == null ? 0 : total.disclosures(),
                    total == null ? 0 : total.anonymised(), perCategory.getOrDefault(recipient.code(), Map.of()));
        }).toList();
    }

    /**
     * @param anonymisedDisclosures how many of the disclosures belong to erased subjects and survive only as counts
     */
    public record RecipientVolume(Recipient recipient, long disclosures, long anonymisedDisclosures,
                                  Map<DataCategory, Long> disclosuresPerCategory) {
    }
}
