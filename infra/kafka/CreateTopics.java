import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Creates the topics listed in topics.txt that do not exist yet. Run by `stack` as a single-file program
 * (java -cp <kafka classpath> CreateTopics.java <bootstrap> <topics.txt>): one JVM for all topics instead of one
 * kafka-topics run per topic.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        List<NewTopic> wanted = Files.readAllLines(Path.of(args[1])).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+"))
                .map(fields -> new NewTopic(fields[0], Integer.parseInt(fields[1]), (short) 1)
                        .configs(settings(fields)))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            System.out.println("Topics: " + missing.size() + " created, " + (wanted.size() - missing.size())
                    + " already present");
        }
    }

    /** Topic settings after the partition count, as name=value (retention.ms=-1). */
    private static Map<String, String> settings(String[] fields) {
        return Arrays.stream(fields, 2, fields.length)
                .map(setting -> setting.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
