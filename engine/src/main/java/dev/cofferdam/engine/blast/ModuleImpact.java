package dev.cofferdam.engine.blast;

/**
 * A module touched by the blast radius.
 *
 * @param id    module id
 * @param files impacted files in it
 * @param score the highest score of its impacted files
 */
public record ModuleImpact(String id, int files, double score) {
}
