package org.mercato.scenarios.cli;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.mercato.scenarios.load.ScenarioYaml;
import org.mercato.scenarios.sweep.CodeVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code mercato} command line: {@code run} and {@code validate} a scenario file, compute a
 * market's Magentic {@code baselines}, recompute a run's summary from its log ({@code report}), run a
 * {@code sweep} (locally, as shards, or coordinating cluster {@code worker}s), explore a run or sweep in the
 * browser ({@code ui}). Exit codes:
 * 0 ok, 1 the run failed, 2 bad input (a scenario problem, an unknown option, a missing file).
 * Errors are one {@code error:} line on stderr, never a stack trace.
 */
@Command(
        name = "mercato",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = "A deterministic simulator of agentic marketplaces.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok",
            "  1  the run failed (or agents failed, unless accepted: --accept-failures)",
            "  2  bad input (scenario, option or file)"
        })
public final class MercatoCli extends CliCommand {
    /** The commands in the order {@code --help} lists them. */
    private static final List<Supplier<Object>> COMMANDS = List.of(
            RunCommand::new,
            ValidateCommand::new,
            BaselinesCommand::new,
            FitCommand::new,
            ReportCommand::new,
            UiCommand::new,
            ListCommand::new,
            SweepCommand::new,
            WorkerCommand::new,
            CommandLine.HelpCommand::new);

    /** Their names, as their {@code @Command} annotations give them, in the same order. */
    private static final List<String> NAMES =
            List.of("run", "validate", "baselines", "fit", "report", "ui", "list", "sweep", "worker", "help");

    /** The commands that load a scenario or a sweep file. */
    private static final Set<String> LOADING = Set.of("run", "validate", "sweep", "baselines");

    public static void main(String[] args) {
        // picocli otherwise looks for Groovy's Closure class, which is not there: a class that is not
        // found opens every jar on the class path first (about 90 ms with the launcher's 93 jars)
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        if (args.length > 0 && LOADING.contains(args[0])) {
            ScenarioYaml.preload(); // overlaps with building the command line's model
        }
        System.exit(commandLine(args).execute(args));
    }

    /** The whole command line, every command registered. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments: when the first names a command other than {@code
     * help}, only that command is registered, since building every command's model by reflection
     * costs a noticeable part of a short command's start; otherwise (help, an option, a typo) all.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new MercatoCli());
        int only = args.length > 0 && !args[0].equals("help") ? NAMES.indexOf(args[0]) : -1;
        for (int i = 0; i < COMMANDS.size(); i++) {
            if (only < 0 || only == i) {
                cli.addSubcommand(COMMANDS.get(i).get());
            }
        }
        return cli;
    }

    @Override
    String describeParseError(Exception e) {
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'; commands: "
                    + String.join(", ", commands(spec));
        }
        return super.describeParseError(e);
    }

    @Override
    int execute() {
        return error(BAD_INPUT, "missing command: " + String.join(", ", commands(spec)) + " (see 'mercato --help')");
    }

    /** The commands a user can run, as registered above (picocli's list, without {@code help}). */
    static List<String> commands(CommandSpec spec) {
        return spec.subcommands().values().stream()
                .map(CommandLine::getCommandName)
                .distinct()
                .filter(name -> !name.equals("help"))
                .toList();
    }

    /** The version, from a resource the build fills in (the one {@link CodeVersion} reads). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mercato " + CodeVersion.projectVersion()};
        }
    }
}
