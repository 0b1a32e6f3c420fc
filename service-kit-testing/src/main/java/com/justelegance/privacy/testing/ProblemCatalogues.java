package com.justelegance.privacy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Holds the problem catalogues (service-kit's {@code KitProblem}, each service's {@code <Service>Problem}) to their
 * rules: a slug names one kind of problem, and every type a catalogue lists is one the code really throws. The
 * catalogues are read through their {@code slug()}, {@code title()} and {@code status()} methods, so this library
 * needs no dependency on service-kit.
 */
public final class ProblemCatalogues {

    /** The one pair of statuses a slug may be answered with: named in a body (400) or addressed by the path (404). */
    private static final Set<Integer> REFERENCED_OR_ADDRESSED = Set.of(400, 404);

    private ProblemCatalogues() {
    }

    /** One problem type of a catalogue. */
    public record Type(String catalogue, String name, String slug, String title, int status) {

        @Override
        public String toString() {
            return catalogue + "." + name + " (" + status + " " + slug + ")";
        }
    }

    /** The types a catalogue enum lists. */
    public static List<Type> of(Class<? extends Enum<?>> catalogue) {
        return Arrays.stream(catalogue.getEnumConstants()).map(constant -> {
            try {
                return new Type(catalogue.getSimpleName(), constant.name(),
                        (String) catalogue.getMethod("slug").invoke(constant),
                        (String) catalogue.getMethod("title").invoke(constant),
                        (Integer) catalogue.getMethod("status").invoke(constant));
            } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException(catalogue + " is not a catalogue of problem types", e);
            }
        }).toList();
    }

    /**
     * Where the catalogues together break the slug rules; empty when they keep them. A slug is unique across all
     * of them, with one exception: the same kind of problem may be listed twice in one catalogue with the same
     * title, once answered 400 (a request names something unknown) and once 404 (the path addresses it), since
     * clients already switch on that one slug for both. Every slug is lower-case words joined by hyphens, and
     * every title is set.
     */
    @SafeVarargs
    public static List<String> clashes(Class<? extends Enum<?>>... catalogues) {
        List<Type> types = Stream.of(catalogues).flatMap(catalogue -> of(catalogue).stream()).toList();
        List<String> clashes = new ArrayList<>();
        for (Type type : types) {
            if (!type.slug().matches("[a-z]+(-[a-z]+)*")) {
                clashes.add(type + ": the slug is not lower-case words joined by hyphens");
            }
            if (type.title() == null || type.title().isBlank()) {
                clashes.add(type + ": no title");
            }
            if (type.status() < 400 || type.status() > 599) {
                clashes.add(type + ": " + type.status() + " is not an error status");
            }
        }
        Map<String, List<Type>> bySlug = types.stream()
                .collect(Collectors.groupingBy(Type::slug, LinkedHashMap::new, Collectors.toList()));
        bySlug.forEach((slug, same) -> {
            if (same.size() == 1) {
                return;
            }
            boolean referencedOrAddressed = same.size() == 2
                    && same.stream().map(Type::catalogue).distinct().count() == 1
                    && same.stream().map(Type::title).distinct().count() == 1
                    && same.stream().map(Type::status).collect(Collectors.toSet()).equals(REFERENCED_OR_ADDRESSED);
            if (!referencedOrAddressed) {
                clashes.add("slug " + slug + " is listed more than once: " + same);
            }
        });
        return clashes;
    }

    /**
     * The types of a catalogue that no source file under {@code sources} names ({@code ConsentProblem.NO_CHOICES}),
     * the catalogue itself aside: a listed problem nobody throws documents something that cannot happen.
     */
    public static List<String> unused(Class<? extends Enum<?>> catalogue, Path sources) {
        String code;
        try (Stream<Path> files = Files.walk(sources)) {
            code = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals(catalogue.getSimpleName() + ".java"))
                    .map(ProblemCatalogues::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> unused = new TreeSet<>();
        for (Type type : of(catalogue)) {
            if (!Pattern.compile("\\b" + catalogue.getSimpleName() + "\\s*\\.\\s*" + type.name() + "\\b").matcher(code)
                    .find()) {
                unused.add(type.toString());
            }
        }
        return List.copyOf(unused);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
