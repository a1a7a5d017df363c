package dev.cofferdam.engine.owners;

/**
 * How much one author wrote of one file recently.
 *
 * @param author the author's e-mail address (after .mailmap), lower case
 * @param score  lines added plus removed, each commit weighted by {@code 0.5^(age days / half-life)}
 */
public record AuthorScore(String author, double score) {
}
