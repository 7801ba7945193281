package io.noetl.embedded.kafka;

import io.noetl.embedded.ChildProcesses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a JVM of the same Java, with this JVM's class path, whose output is appended to a log file. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param heap maximum heap of the child, e.g. {@code 512m}
     * @param log  file the child's standard output and error are appended to
     */
    static Process start(String heap, Path log, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-Xmx" + heap, "-XX:+UseParallelGC", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                // the broker log keeps info even when a simplelogger.properties on the class path quiets Kafka
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info", "-Dorg.slf4j.simpleLogger.log.kafka=info",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        // stdin stays a pipe held by this JVM: ChildJvmMain exits when it closes
        return ChildProcesses.start(command, null, log, "a JVM for " + mainClass);
    }
}
