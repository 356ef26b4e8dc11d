package io.shikaku.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.shikaku.common.testing.KafkaTestKit;

/**
 * After every other end-to-end class (issue 13, item 5): no My Number and no person's name that the tests used is in
 * any service's log or on any Kafka topic of this run. A hit names the file or topic and shows the text around it,
 * the hit itself masked.
 */
@Order(Integer.MAX_VALUE)
class PersonalDataOutOfLogsTest {

    @Test
    void noMyNumberAndNoNameTheTestsUsedIsInAnyServiceLogOrKafkaTopic() throws Exception {
        Instant start = Instant.now();
        List<Pattern> myNumbers = PersonalData.myNumbers().stream().map(PersonalData::myNumberPattern).toList();
        List<String> names = PersonalData.NAMES.stream().flatMap(name -> PersonalData.nameForms(name).stream())
                .distinct().toList();
        List<String> hits = new ArrayList<>();

        int files = 0;
        long bytes = 0;
        Path logs = Suite.logDirectory();
        if (Files.isDirectory(logs)) {
            try (Stream<Path> all = Files.list(logs)) {
                for (Path log : all.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                    String text = Files.readString(log, StandardCharsets.UTF_8);
                    files++;
                    bytes += text.length();
                    search("log " + log.getFileName(), text, myNumbers, names, hits);
                }
            }
        }

        Set<String> prefixes = Suite.TOPIC_PREFIXES;
        int[] topicsAndRecords = readTopics(prefixes, myNumbers, names, hits);
        System.out.printf("Personal data out of logs: %d My Numbers and %d names (%d forms) searched in %d log files"
                + " (%d characters) and %d topics (%d records, prefixes %s), %d hits, in %d s%n",
                myNumbers.size(), PersonalData.NAMES.size(), names.size(), files, bytes, topicsAndRecords[0],
                topicsAndRecords[1], prefixes, hits.size(), Duration.between(start, Instant.now()).toSeconds());
        assertTrue(hits.isEmpty(), hits.size() + " hits of personal data:\n" + String.join("\n", hits));
    }

    @Test
    void theSearchFindsAMyNumberWrittenInGroupsAndANameWithoutItsSpaceAndShowsNeither() {
        List<String> hits = new ArrayList<>();
        search("sample", "INFO person 1000-0000-0013 seen; name \\u5c71\\u7530\\u592a\\u90ce; other 9100000000013",
                List.of(PersonalData.myNumberPattern("100000000013")), PersonalData.nameForms("山田 太郎"), hits);
        assertEquals(2, hits.size(), String.join("\n", hits));
        assertTrue(hits.stream().noneMatch(hit -> hit.contains("0013") || hit.contains("\\u592a")),
                String.join("\n", hits));
    }

    private static void search(String where, String text, List<Pattern> myNumbers, List<String> names,
            List<String> hits) {
        for (Pattern myNumber : myNumbers) {
            Matcher matcher = myNumber.matcher(text);
            if (matcher.find()) {
                hits.add(where + ": a My Number: " + maskAll(PersonalData.masked(text, matcher.start(), matcher.end()),
                        myNumbers, names));
            }
        }
        for (String name : names) {
            int at = text.indexOf(name);
            if (at >= 0) {
                hits.add(where + ": a name: " + maskAll(PersonalData.masked(text, at, at + name.length()), myNumbers,
                        names));
            }
        }
    }

    /** An excerpt with every other hit in it masked too, and any run of four or more digits (a cut My Number). */
    private static String maskAll(String excerpt, List<Pattern> myNumbers, List<String> names) {
        String masked = excerpt;
        for (Pattern myNumber : myNumbers) {
            masked = myNumber.matcher(masked).replaceAll(hit -> "*".repeat(hit.group().length()));
        }
        for (String name : names) {
            masked = masked.replace(name, "*".repeat(name.length()));
        }
        return masked.replaceAll("[0-9]{4,}", "****");
    }

    /** Reads every topic of this run from the beginning: keys, values and headers. */
    private static int[] readTopics(Set<String> prefixes, List<Pattern> myNumbers, List<String> names,
            List<String> hits) throws Exception {
        if (prefixes.isEmpty()) {
            return new int[] {0, 0};
        }
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestKit.bootstrap());
        List<String> topics;
        try (Admin client = Admin.create(admin)) {
            topics = client.listTopics().names().get().stream()
                    .filter(topic -> prefixes.stream().anyMatch(topic::startsWith)).sorted().toList();
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestKit.bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-personal-data-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        int records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            ends.entrySet().removeIf(end -> end.getValue() == 0);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!ends.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    StringBuilder text = new StringBuilder();
                    if (record.key() != null) {
                        text.append(new String(record.key(), StandardCharsets.UTF_8)).append(' ');
                    }
                    for (Header header : record.headers()) {
                        text.append(header.key()).append('=').append(header.value() == null
                                ? ""
                                : new String(header.value(), StandardCharsets.UTF_8)).append(' ');
                    }
                    if (record.value() != null) {
                        text.append(new String(record.value(), StandardCharsets.UTF_8));
                    }
                    search("topic " + record.topic() + " offset " + record.offset(), text.toString(), myNumbers, names,
                            hits);
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
            if (!ends.isEmpty()) {
                throw new IOException("Topics not read to their end within two minutes: " + ends.keySet());
            }
        }
        return new int[] {topics.size(), records};
    }
}
