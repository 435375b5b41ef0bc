package org.mercato.scenarios.cli;

import java.util.List;
import org.mercato.scenarios.sweep.CodeVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code mercato} command line: {@code run} and {@code validate} a scenario file, compute a
 * market's Magentic {@code baselines}, recompute a run's summary from its log ({@code report}), run a
 * {@code sweep} (locally, as shards, or coordinating cluster {@code worker}s). Exit codes:
 * 0 ok, 1 the run failed, 2 bad input (a scenario problem, an unknown option, a missing file).
 * Errors are one {@code error:} line on stderr, never a stack trace.
 */
@Command(
        name = "mercato",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = "A deterministic simulator of agentic marketplaces.",
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            BaselinesCommand.class,
            FitCommand.class,
            ReportCommand.class,
            ListCommand.class,
            SweepCommand.class,
            WorkerCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok",
            "  1  the run failed (or agents failed, unless accepted: --accept-failures)",
            "  2  bad input (scenario, option or file)"
        })
public final class MercatoCli extends CliCommand {
    public static void main(String[] args) {
        System.exit(new CommandLine(new MercatoCli()).execute(args));
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
