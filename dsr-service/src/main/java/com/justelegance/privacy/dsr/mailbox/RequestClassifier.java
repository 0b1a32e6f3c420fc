package com.justelegance.privacy.dsr.mailbox;

import com.justelegance.privacy.events.codes.SubjectRequestType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A first guess at what kind of request an e-mail makes, from the words people use ("a copy of my data", "delete
 * my account", "my address is wrong", "stop sending me marketing"), for a person to confirm. Each type has its
 * phrases; a phrase in the subject counts twice, one in the body once. The type with the most points wins; when
 * no phrase matches or two types tie, it returns empty: the message is "to be classified" by a person. Quoted text
 * (lines starting with {@code >}, and everything after "On ... wrote:" or an "Original Message" line) is left
 * out, so a reply quoting one of our letters is judged by what the person wrote.
 *
 * <p>Pure: no state, no framework.
 */
public final class RequestClassifier {

    private static final Map<SubjectRequestType, List<Pattern>> PHRASES = new EnumMap<>(SubjectRequestType.class);

    static {
        phrases(SubjectRequestType.ACCESS,
                "subject access", "\\bSARs?\\b", "\\bDSARs?\\b", "right of access", "article 15",
                "cop(y|ies) of (all )?(the |my |any )?(personal )?(data|information|details)",
                "what (personal )?(data|information) (do )?you (hold|have|keep|store)",
                "(see|access|know) (all )?(the |my )?(personal )?(data|information) (that )?you (hold|have|keep)",
                "access (to )?my (personal )?(data|information)");
        phrases(SubjectRequestType.ERASURE,
                "\\bdelet(e|ed|ing|ion)\\b", "\\beras(e|ed|ing|ure)\\b", "\\bforget\\b", "\\bforgotten\\b",
                "remove (all )?(of )?my (personal )?(data|details|information|account)", "wipe my", "article 17");
        phrases(SubjectRequestType.RECTIFICATION,
                "\\bcorrect(ed|ing|ion)?\\b", "\\bwrong\\b", "\\bincorrect\\b", "\\binaccurate\\b", "out of date",
                "update my", "\\brectif(y|ied|ication)\\b", "misspel", "change my (name|address|date of birth)",
                "article 16");
        phrases(SubjectRequestType.OBJECTION,
                "stop (all )?(the )?marketing", "stop (sending|emailing|e-mailing|texting|calling|contacting) me",
                "\\bobject(ion|ing)?\\b", "\\bunsubscribe\\b", "no more (marketing|e-?mails|newsletters|texts)",
                "opt(ed)? (me )?out", "article 21");
        phrases(SubjectRequestType.RESTRICTION,
                "\\brestrict(ion|ing)?\\b", "(suspend|pause|freeze) (the )?(use|processing)",
                "(limit|stop) (the )?(use|using|processing) (of )?my (personal )?(data|information) (until|while)",
                "article 18");
        phrases(SubjectRequestType.PORTABILITY,
                "\\bportab(le|ility)\\b", "machine[- ]readable", "(transfer|move|port) my (personal )?data",
                "\\b(csv|json|xml)\\b", "another (provider|company|retailer|service)", "article 20");
        phrases(SubjectRequestType.CONSENT_WITHDRAWAL,
                "withdraw(ing|n)? (my )?consent", "(revoke|revoking|cancel|cancelling|take back) (my )?consent",
                "no longer (give (my )?)?consent", "consent (is )?withdrawn", "do not consent any more",
                "article 7");
    }

    private static final Pattern QUOTE_INTRO = Pattern.compile(
            "(?im)^(on .{1,200} wrote:|-{2,} ?original message ?-{2,}|from: .+\\n(sent|date): .+)");

    private RequestClassifier() {
    }

    /** The request type the words point to, or empty when none or several do ("to be classified"). */
    public static Optional<SubjectRequestType> classify(String subject, String body) {
        Map<SubjectRequestType, Integer> points = new EnumMap<>(SubjectRequestType.class);
        String subjectText = normalise(subject);
        String bodyText = normalise(withoutQuotedText(body));
        PHRASES.forEach((type, patterns) -> {
            int score = 0;
            for (Pattern pattern : patterns) {
                score += 2 * count(pattern, subjectText) + count(pattern, bodyText);
            }
            if (score > 0) {
                points.put(type, score);
            }
        });
        int best = points.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<SubjectRequestType> leaders = new ArrayList<>();
        points.forEach((type, score) -> {
            if (score == best) {
                leaders.add(type);
            }
        });
        return leaders.size() == 1 ? Optional.of(leaders.getFirst()) : Optional.empty();
    }

    /** The person's own words: quoted lines and everything from a reply's quote header on left out. */
    static String withoutQuotedText(String body) {
        if (body == null) {
            return "";
        }
        String text = body.replace("\r\n", "\n");
        var intro = QUOTE_INTRO.matcher(text);
        if (intro.find()) {
            text = text.substring(0, intro.start());
        }
        StringBuilder own = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.stripLeading().startsWith(">")) {
                own.append(line).append('\n');
            }
        }
        return own.toString();
    }

    private static void phrases(SubjectRequestType type, String... regexes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes) {
            patterns.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        PHRASES.put(type, List.copyOf(patterns));
    }

    /** One line, single spaces, typographic apostrophes made plain: phrases match across line breaks. */
    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return text.replace('\u2019', '\'').replaceAll("\\s+", " ").toLowerCase(Locale.UK);
    }

    private static int count(Pattern pattern, String text) {
        int found = 0;
        var matcher = pattern.matcher(text);
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
