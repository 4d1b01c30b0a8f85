/**
 * The flags Node runs the server with (`npm start`, `otpd serve`): V8 reads them when the
 * process starts, so they are on the command line, not set from code.
 *
 * `--max-semi-space-size=8`: a young generation of 2 × 8 MB instead of 2 × 16 MB. otpd
 * allocates fast and keeps little, so a smaller young generation collects more often at the
 * same cost per collection (what survives, not its size, sets that) and promotes no more;
 * the server then holds about 60 MB less after a load (docs/performance.md). Limiting how
 * far the old generation grows instead saves as much, but its full collections, every 2 s,
 * held requests up long enough to double a check's p99.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8'] as const;
