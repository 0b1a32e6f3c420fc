package com.justelegance.privacy.dsr.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every source answered about one subject: its data, that it holds nothing, or that it could not be read. */
public record GatheredData(Map<DataSource, SourceResult> results) {

    /** How reading one source ended. */
    public enum Outcome {
        /** The source answered with its data. */
        INCLUDED,
        /** The source answered that it holds nothing about the subject. */
        NOTHING_HELD,
        /** The source could not be read, even after retries: the package is incomplete. */
        MISSING
    }

    /**
     * One source's answer.
     *
     * @param data   as the source gave it; null unless included
     * @param reason why it is missing (an HTTP status or the kind of failure); null otherwise
     */
    public record SourceResult(DataSource source, Outcome outcome, JsonNode data, String reason) {
    }

    public Optional<JsonNode> data(DataSource source) {
        SourceResult result = results.get(source);
        return result == null ? Optional.empty() : Optional.ofNullable(result.data());
    }

    /** The sources that could not be read. */
    public List<DataSource> missing() {
        return results.values().stream().filter(r -> r.outcome() == Outcome.MISSING).map(SourceResult::source)
                .toList();
    }
}
