package io.chamber.sse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a directory of load results and writes the performance page and its chart.
 * Usage: {@code Report --results DIR --markdown FILE --chart FILE [--mode full|quick] [--jvm-options TEXT]
 * [--argfile FILE] [--notes FILE]}; the argfile is the {@code jvm.options} the JVM options name, whose options the
 * page lists; the notes (Markdown) explain the missed targets and are included as they are.
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path results = Path.of("bench/results");
        Path markdown = Path.of("docs/performance.md");
        Path chart = Path.of("docs/performance.png");
        String mode = "full";
        String jvmOptions = "";
        String argfileOptions = "";
        String notes = "";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--results" -> results = Path.of(args[i + 1]);
                case "--markdown" -> markdown = Path.of(args[i + 1]);
                case "--chart" -> chart = Path.of(args[i + 1]);
                case "--mode" -> mode = args[i + 1];
                case "--jvm-options" -> jvmOptions = args[i + 1];
                case "--argfile" -> argfileOptions = Files.readAllLines(Path.of(args[i + 1])).stream()
                        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .collect(Collectors.joining(" "));
                case "--notes" -> notes = Files.readString(Path.of(args[i + 1]));
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        ResultSet resultSet = ResultSet.read(results);
        List<TargetCheck> checks = Targets.evaluate(resultSet);
        Path markdownDir = markdown.toAbsolutePath().getParent();
        Files.createDirectories(markdownDir);
        Files.createDirectories(chart.toAbsolutePath().getParent());
        PerformanceChart.write(resultSet, chart);
        String chartLink = markdownDir.relativize(chart.toAbsolutePath()).toString();
        Files.writeString(markdown, PerformanceDocument.render(resultSet, checks, MachineDescription.ofThisMachine(), mode, chartLink,
                jvmOptions, argfileOptions, notes));
        for (TargetCheck check : checks) {
            System.out.printf("%-7s %s: %s%n", check.verdict(), check.target(), check.measured());
        }
    }
}
