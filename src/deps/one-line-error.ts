/**
 * An error as one line, for start-up failures; a failed connect to a name with several
 * addresses has no message of its own, only its attempts'.
 */
export function oneLine(error: unknown): string {
  const text =
    error instanceof AggregateError && !error.message
      ? error.errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')
      : error instanceof Error
        ? error.message
        : String(error);
  return text.replace(/\s*\n\s*/g, ' ');
}
