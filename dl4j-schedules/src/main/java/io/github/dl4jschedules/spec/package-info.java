/**
 * The one-line spec language: {@link io.github.dl4jschedules.spec.SpecParser} reads text into a
 * {@link io.github.dl4jschedules.spec.SpecNode} tree, {@link io.github.dl4jschedules.spec.ScheduleDefinition}s
 * turn calls into schedules and back into canonical text, and a
 * {@link io.github.dl4jschedules.spec.ScheduleRegistry} maps names to definitions.
 */
package io.github.dl4jschedules.spec;
