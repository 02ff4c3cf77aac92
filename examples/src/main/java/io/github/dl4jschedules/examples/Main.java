package io.github.dl4jschedules.examples;

import io.github.dl4jschedules.examples.benchmark.BenchmarkCommand;
import io.github.dl4jschedules.examples.cli.RunFailure;
import io.github.dl4jschedules.examples.lrfind.LrFindCommand;
import io.github.dl4jschedules.examples.parallel.ParallelCommand;
import io.github.dl4jschedules.examples.preview.PreviewCommand;
import io.github.dl4jschedules.examples.run.Provenance;
import io.github.dl4jschedules.examples.speed.SpeedCommand;
import io.github.dl4jschedules.examples.train.TrainCommand;
import io.github.dl4jschedules.examples.tune.TuneCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The examples' command line: {@code examples/run <command> [options]}; {@code examples/run --help} lists the commands. */
@Command(name = "examples/run", mixinStandardHelpOptions = true, versionProvider = Main.Versions.class,
        description = "dl4j-schedules examples: MNIST trainings with learning-rate schedules.",
        subcommands = {TrainCommand.class, PreviewCommand.class, SpeedCommand.class, BenchmarkCommand.class,
                LrFindCommand.class, TuneCommand.class, ParallelCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --version}: the library's and DL4J's versions, and the Java running them. */
    static final class Versions implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{
                "dl4j-schedules " + Provenance.mavenVersion("io.github.dl4jschedules", "dl4j-schedules"),
                "deeplearning4j " + Provenance.mavenVersion("org.deeplearning4j", "deeplearning4j-nn"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling ({@link RunFailure#install}). */
    public static CommandLine commandLine() {
        return RunFailure.install(new CommandLine(new Main()));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
