/** Names remembered at most; past it the oldest goes first. */
const MAX_APPS = 10_000;

/**
 * The names of apps found, by id, each trusted for `refreshMs` after it was read: the message
 * made for each queued code then costs no store read for the name it is signed with. A rename
 * made here applies at once (`forget`); one made elsewhere (the CLI, another instance) within
 * `refreshMs`, as for API keys. An app not found is never remembered.
 */
export function createAppNameCache(
  refreshMs: number,
  read: (appId: string) => Promise<string | undefined>,
) {
  const entries = new Map<string, { name: string; readAt: number }>();
  /** Bumped by each forget, so a read that started before a rename is not kept. */
  let generation = 0;

  return {
    async nameOf(appId: string, now: number): Promise<string | undefined> {
      const entry = entries.get(appId);
      if (entry && now - entry.readAt < refreshMs) return entry.name;
      entries.delete(appId);
      const readGeneration = generation;
      const name = await read(appId);
      if (name === undefined || refreshMs <= 0 || readGeneration !== generation) return name;
      if (entries.size >= MAX_APPS) entries.delete(entries.keys().next().value as string);
      entries.set(appId, { name, readAt: now });
      return name;
    },
    /** Drops what is known of an app: it was renamed here. */
    forget(appId: string): void {
      generation += 1;
      entries.delete(appId);
    },
  };
}
