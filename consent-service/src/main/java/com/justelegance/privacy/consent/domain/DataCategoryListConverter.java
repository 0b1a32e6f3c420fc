package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.DataCategory;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores a purpose's data categories as a comma-separated list of codes. */
@Converter
public class DataCategoryListConverter implements AttributeConverter<List<DataCategory>, String> {

    @Override
    public String convertToDatabaseColumn(List<DataCategory> categories) {
        return categories == null ? "" : categories.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public List<DataCategory> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(DataCategory::valueOf).toList();
    }
}
