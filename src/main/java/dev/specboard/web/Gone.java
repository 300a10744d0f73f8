package dev.specboard.web;

/**
 * A failure meaning that what a request reads was removed while it ran (a repository deleted under a file page): the
 * answer is 404 with the failure's message, not a 500.
 */
public interface Gone {
}
