/** The types of build-server.mjs, for the TypeScript that imports it (tests, the bench). */
export declare const SERVER_ENTRY_POINTS: {
  main: string;
  cli: string;
  'wal-checkpoint-worker': string;
};

export declare function buildServer(
  entryPoints?: Record<string, string>,
  outdir?: string,
): Promise<void>;
