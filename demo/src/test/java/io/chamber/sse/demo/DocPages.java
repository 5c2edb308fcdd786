package io.chamber.sse.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code curl} lines of the repository's pages ({@code README.md} and {@code docs/*.md}) and the output each
 * page documents for them. Read as a newcomer reads them:
 * <ul>
 * <li>a fenced {@code bash}/{@code shell}/{@code sh} block holds commands; its {@code curl} commands (a command
 * continued over several lines is joined as bash would) are one example, run in order;</li>
 * <li>the fenced block that follows it, with only blank lines between, is their output, unless it is a command
 * block itself;</li>
 * <li>comment lines right after a command that look like output ({@code # id: …}, {@code # HTTP/1.1 204 …}) are
 * lines of its output, and a comment at the end of a command line that names a status ({@code # 400: …}) or a
 * header ({@code # X-Accel-Buffering: no}) is what it answers;</li>
 * <li>shell variables set in a command block ({@code SSE=…}) hold for the page's later commands;</li>
 * <li>a {@code curl} command in an inline code span (the tables' "See it" column) is an example too, and the code
 * spans after it in the same table cell, outside parentheses, are parts of its output.</li>
 * </ul>
 */
final class DocPages {

    /** One {@code curl} command as a page shows it. */
    record Command(String text, String trailingComment, List<String> outputComments) {
    }

    /**
     * Commands a page shows together, and what it documents for them.
     *
     * @param page the page, relative to the repository's root
     * @param line where the example starts (1-based)
     * @param prelude the page's shell variables set before it, as shell lines
     * @param output the fenced output block after the commands, or {@code null}
     * @param outputSpans code spans that must occur in the output (inline examples)
     */
    record Example(String page, int line, String prelude, List<Command> commands, String output,
            List<String> outputSpans) {

        String where() {
            return page + ":" + line;
        }
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}```\\s*([\\w-]*).*$");
    private static final List<String> SHELL = List.of("bash", "shell", "sh", "console", "zsh");
    private static final Pattern CURL = Pattern.compile("(^|[\\s;|&(])curl\\s");
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=\\S.*$");
    private static final Pattern OUTPUT_COMMENT = Pattern.compile("^#\\s?((?:id|event|data|retry):.*|HTTP/\\S+ \\d{3}.*)$");
    private static final Pattern ANNOTATION = Pattern.compile("\\s{2,}\\(.*\\)\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    private DocPages() {
    }

    /** {@code README.md} and every {@code docs/*.md} page under {@code root}, in name order. */
    static List<Path> pages(Path root) {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    static List<Example> examples(Path root, Path page) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = root.relativize(page).toString();
        List<Example> examples = new ArrayList<>();
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                examples.addAll(inlineExamples(name, i + 1, lines.get(i), prelude(variables)));
                continue;
            }
            String language = fence.group(1).toLowerCase();
            int end = closingFence(lines, i);
            List<String> body = lines.subList(i + 1, end);
            if (SHELL.contains(language)) {
                String prelude = prelude(variables);
                List<Command> commands = commands(body, variables);
                if (!commands.isEmpty()) {
                    examples.add(new Example(name, i + 1, prelude, commands, outputAfter(lines, end), List.of()));
                }
            }
            i = end;
        }
        return examples;
    }

    private static int closingFence(List<String> lines, int open) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).trim().startsWith("```")) {
                return j;
            }
        }
        return lines.size();
    }

    /** The fenced block right after the closing fence at {@code end}, if it is not a command block. */
    private static String outputAfter(List<String> lines, int end) {
        int next = end + 1;
        while (next < lines.size() && lines.get(next).isBlank()) {
            next++;
        }
        if (next >= lines.size()) {
            return null;
        }
        Matcher fence = FENCE.matcher(lines.get(next));
        if (!fence.matches() || SHELL.contains(fence.group(1).toLowerCase())) {
            return null;
        }
        return String.join("\n", lines.subList(next + 1, closingFence(lines, next)));
    }

    private static List<Command> commands(List<String> body, Map<String, String> variables) {
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i).strip();
            if (ASSIGNMENT.matcher(line).matches() && !CURL.matcher(line).find()) {
                String[] parts = splitComment(line);
                variables.put(parts[0].substring(0, parts[0].indexOf('=')), parts[0].strip());
                continue;
            }
            if (line.startsWith("#") || !CURL.matcher(" " + line).find()) {
                continue;
            }
            StringBuilder command = new StringBuilder(body.get(i).strip());
            while (!complete(command.toString()) && i + 1 < body.size()) {
                command.append('\n').append(body.get(++i));
            }
            List<String> outputComments = new ArrayList<>();
            while (i + 1 < body.size()) {
                Matcher comment = OUTPUT_COMMENT.matcher(body.get(i + 1).strip());
                if (!comment.matches()) {
                    break;
                }
                outputComments.add(ANNOTATION.matcher(comment.group(1)).replaceFirst("").stripTrailing());
                i++;
            }
            String[] parts = splitComment(command.toString());
            commands.add(new Command(parts[0].strip(), parts[1], outputComments));
        }
        return commands;
    }

    /** Whether bash reads {@code command} as a whole command (not cut off in a quote, a pipe or a loop). */
    private static boolean complete(String command) {
        if (command.endsWith("\\")) {
            return false;
        }
        if (!command.endsWith("|") && !command.endsWith("&&")
                && command.chars().filter(c -> c == '\'').count() % 2 == 0
                && command.chars().filter(c -> c == '"').count() % 2 == 0
                && !command.matches("(?s).*\\b(do|then)\\s*$")) {
            if (!command.matches("(?s).*\\b(while|for|if|case)\\b.*")) {
                return true;
            }
        }
        try {
            Process check = new ProcessBuilder("bash", "-n", "-c", command).redirectErrorStream(true).start();
            check.getInputStream().readAllBytes();
            return check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The command and the comment at its end ({@code ""} for none): a {@code #} after a space, outside quotes. */
    private static String[] splitComment(String command) {
        boolean single = false;
        boolean dquote = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'' && !dquote) {
                single = !single;
            } else if (c == '"' && !single) {
                dquote = !dquote;
            } else if (c == '#' && !single && !dquote && i > 0 && Character.isWhitespace(command.charAt(i - 1))) {
                return new String[] { command.substring(0, i), command.substring(i + 1).strip() };
            }
        }
        return new String[] { command, "" };
    }

    private static String prelude(Map<String, String> variables) {
        return String.join("\n", variables.values());
    }

    /** Examples in inline code spans of a line outside fenced blocks; in a table, the cell's later spans are output. */
    private static List<Example> inlineExamples(String page, int lineNumber, String line, String prelude) {
        if (!line.contains("`curl ")) {
            return List.of();
        }
        List<Example> examples = new ArrayList<>();
        boolean table = line.strip().startsWith("|");
        for (String cell : table ? line.split("(?<!\\\\)\\|") : new String[] { line }) {
            Matcher span = CODE_SPAN.matcher(cell);
            while (span.find()) {
                String code = span.group(1).replace("\\|", "|");
                if (!code.startsWith("curl ") || !(code.contains("://") || code.contains("$"))) {
                    continue;
                }
                List<String> outputSpans = new ArrayList<>();
                if (table) {
                    String rest = cell.substring(span.end()).replaceAll("\\([^)]*\\)", "");
                    Matcher later = CODE_SPAN.matcher(rest);
                    while (later.find()) {
                        outputSpans.add(later.group(1).replace("\\|", "|"));
                    }
                }
                examples.add(new Example(page, lineNumber, prelude, List.of(new Command(code, "", List.of())), null,
                        outputSpans));
                if (table) {
                    break;
                }
            }
        }
        return examples;
    }
}
