/**
 * A destination as logs may show it: enough to tell two apart, not enough to contact
 * anyone. `+905551234567` → `+905•••••••67`; `ada@example.com` → `a••@example.com`.
 */
export function maskDestination(to: string): string {
  const at = to.indexOf('@');
  if (at > 0) return `${to[0]}••${to.slice(at)}`;
  if (to.length <= 6) return '•'.repeat(to.length);
  const keep = Math.min(6, Math.floor(to.length / 3));
  return `${to.slice(0, keep)}${'•'.repeat(to.length - keep - 2)}${to.slice(-2)}`;
}
