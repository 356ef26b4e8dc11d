package io.shikaku.fault;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A one-node KRaft Kafka of this module's own: the same jars as {@code bin/infra}'s broker (resolved through
 * {@code infra/kafka/pom.xml}), its own ports and log directory under target/, so that killing it leaves the shared
 * broker alone. The broker is a child process of the tests: {@code kill -9} is {@link Process#destroyForcibly()}.
 */
final class OwnKafka {

    private final int port;
    private final int controllerPort;
    private final Path root;
    private final Path home;
    private final Path log;
    private String classpath;
    private Process broker;

    OwnKafka(int port, int controllerPort, Path root, Path target) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.root = root;
        this.home = target.resolve("fault-kafka");
        this.log = target.resolve("fault-logs/kafka.log");
    }

    String bootstrap() {
        return "localhost:" + port;
    }

    Path log() {
        return log;
    }

    /** Fresh storage, formatted, and the broker started (not awaited: see {@link #awaitListening}). */
    void createAndStart() throws IOException, InterruptedException {
        OwnPostgres.deleteRecursively(home);
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(log.getParent());
        classpath = classpath();
        Path config = home.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=1",
                "default.replication.factor=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=2", ""));
        Process format = new ProcessBuilder(java(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dshikaku.kafka.log.level=WARN", "kafka.tools.StorageTool", "format", "--ignore-formatted", "-t",
                clusterId(), "-c", config.toString()))).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (format.waitFor() != 0) {
            throw new IllegalStateException("Formatting the Kafka storage failed; see " + log);
        }
        start();
    }

    /** Starts the broker on the existing storage. */
    void start() throws IOException {
        broker = new ProcessBuilder(java(List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "kafka.Kafka", home.resolve("server.properties").toString())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Until the broker accepts connections on its port. */
    void awaitListening(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (broker != null && !broker.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + broker.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Kafka not listening within " + patience + "; see " + log);
    }

    /** {@code kill -9} of the broker, and its end awaited. */
    void kill() throws InterruptedException {
        if (broker != null) {
            broker.destroyForcibly().waitFor();
        }
    }

    void stop() {
        if (broker != null && broker.isAlive()) {
            broker.destroyForcibly();
        }
    }

    private List<String> java(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", classpath, "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + root.resolve("infra/kafka/log4j2.xml"),
                "-Dkafka.logs.dir=" + log.getParent()));
        command.addAll(arguments);
        return command;
    }

    private static String clusterId() {
        // what StorageTool random-uuid makes: a v4 UUID's 16 bytes, base64url without padding (one that does not
        // start with a dash, which the tool would read as an option)
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    /** The broker's classpath, resolved through Maven from {@code infra/kafka/pom.xml} (cached in ~/.m2). */
    private String classpath() throws IOException, InterruptedException {
        Path file = home.getParent().resolve("fault-kafka-classpath.txt");
        if (!Files.exists(file)) {
            String maven = Files.isExecutable(root.resolve("mvnw")) ? root.resolve("mvnw").toString() : "mvn";
            for (boolean offline : new boolean[] {true, false}) {
                List<String> command = new ArrayList<>(List.of(maven, "-B", "-q", "-f",
                        root.resolve("infra/kafka/pom.xml").toString(), "dependency:build-classpath",
                        "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + file));
                if (offline) {
                    command.add(1, "-o");
                }
                Process mvn = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                if (mvn.waitFor() == 0 && Files.exists(file)) {
                    break;
                }
            }
        }
        if (!Files.exists(file)) {
            throw new IllegalStateException("Could not resolve the Kafka jars (infra/kafka/pom.xml); see " + log);
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
}
