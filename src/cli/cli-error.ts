/** A user mistake: printed as one line (or a line and its details), exit code 1. */
export class CliError extends Error {}
