/**
 * {@code examples/run tune}: choosing alpha0 and the decay rate by random search with successive halving.
 *
 * <ul>
 *   <li>{@link io.github.dl4jschedules.examples.tune.TuneCommand}: options, the trials' training, output;</li>
 *   <li>{@link io.github.dl4jschedules.examples.tune.SearchSpace}: a spec with {@code key=low..high} ranges, and the draws;</li>
 *   <li>{@link io.github.dl4jschedules.examples.tune.SuccessiveHalving}: rungs, budgets, who is kept and who is cut;</li>
 *   <li>{@code TrialTables}: the trial table as CSV and Markdown.</li>
 * </ul>
 */
package io.github.dl4jschedules.examples.tune;
