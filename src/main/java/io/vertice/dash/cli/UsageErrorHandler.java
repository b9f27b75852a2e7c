package io.vertice.dash.cli;

import io.vertice.dash.ExitCodes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistyped command line is one line on stderr and exit 2: what is wrong, the closest valid name when
 * there is one ({@code dash exprot}: did you mean 'export'?), and where the full usage is
 * ({@code see 'dash export --help'}) instead of the usage itself, which buried the one line that mattered.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    /** The most edits (insert, delete, replace, swap two neighbours) a typo may be from what was meant. */
    private static final int MAX_EDITS = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("dash: " + problem(e, cl.getCommandSpec()) + " See '"
                + cl.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String problem(ParameterException e, CommandSpec spec) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String typed = u.getUnmatched().get(0);
            if (typed.startsWith("-")) {
                String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
                return "unknown option '" + name + "' for '" + spec.qualifiedName() + "'."
                        + suggestion(name, optionNames(spec));
            }
            if (!spec.subcommands().isEmpty()) {
                return "unknown command '" + typed + "' for '" + spec.qualifiedName() + "'."
                        + suggestion(typed, new ArrayList<>(spec.subcommands().keySet()));
            }
            return "unexpected argument '" + typed + "'; '" + spec.qualifiedName() + "' takes no such argument.";
        }
        String message =
                String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip();
        if (message.isEmpty()) {
            return "invalid command line.";
        }
        message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
        return message.endsWith(".") ? message : message + ".";
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                names.addAll(List.of(o.names()));
                if (o.negatable()) {
                    names.add(o.longestName().replaceFirst("^--", "--no-"));
                }
            }
        }
        return names;
    }

    private static String suggestion(String typed, List<String> candidates) {
        return closest(typed, candidates).map(c -> " Did you mean '" + c + "'?").orElse("");
    }

    /** The candidate fewest edits away from {@code typed}, if it is a plausible typo of it. */
    static Optional<String> closest(String typed, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(typed, c);
            if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        // a short word two edits away is a different word, not a typo: allow about one edit per three letters
        int allowed =
                Math.min(MAX_EDITS, Math.max(1, typed.replaceFirst("^-+", "").length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: Levenshtein plus swapping two neighbouring letters ("exprot"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
