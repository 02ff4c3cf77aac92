/**
 * Command-line pieces the example commands share: picocli mixins for options that mean the same
 * everywhere ({@link io.github.dl4jschedules.examples.cli.DataOptions},
 * {@link io.github.dl4jschedules.examples.cli.UpdaterOption},
 * {@link io.github.dl4jschedules.examples.cli.DataLimits},
 * {@link io.github.dl4jschedules.examples.cli.TrainLimitOption},
 * {@link io.github.dl4jschedules.examples.cli.BatchOption},
 * {@link io.github.dl4jschedules.examples.cli.ResultsFileOption},
 * {@link io.github.dl4jschedules.examples.cli.ModelOption},
 * {@link io.github.dl4jschedules.examples.cli.SeedOption},
 * {@link io.github.dl4jschedules.examples.cli.EpochsOption},
 * {@link io.github.dl4jschedules.examples.cli.ScheduleOption},
 * {@link io.github.dl4jschedules.examples.cli.OutputFolderOption},
 * {@link io.github.dl4jschedules.examples.cli.JobsOption}), the per-command defaults of such an option
 * ({@link io.github.dl4jschedules.examples.cli.OptionDefaults}: a command names a small subclass in its
 * {@code @Command(defaultValueProvider = ...)}; a per-command help text goes in the command's resource
 * bundle, a subclass of {@link io.github.dl4jschedules.examples.cli.HelpTexts}, under the option's
 * {@code descriptionKey}) and the usage checks of option values
 * ({@link io.github.dl4jschedules.examples.cli.Validation}).
 */
package io.github.dl4jschedules.examples.cli;
