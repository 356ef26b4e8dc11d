import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Deletes the topics a usage-stream run created (those of the names given that exist), leaving a shared broker clean. */
public class DeleteTopics {

    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            List<String> wanted = Arrays.asList(args).subList(1, args.length);
            List<String> topics = admin.listTopics().names().get().stream().filter(wanted::contains).toList();
            admin.deleteTopics(topics).all().get();
            System.out.println("deleted topics " + topics);
        }
    }
}
