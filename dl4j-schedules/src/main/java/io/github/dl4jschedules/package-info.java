/**
 * dl4j-schedules: learning-rate schedules for Deeplearning4j. Start at {@link io.github.dl4jschedules.Schedules}.
 */
package io.github.dl4jschedules;
