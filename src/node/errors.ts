/** A bad command line: the CLI prints one line on stderr and exits 2. */
export class UsageError extends Error {}
