/**
 * Known, accepted accessibility findings. Keep this empty unless a fix is impossible right now.
 * An exception is a fingerprint, never a rule switched off: one rule on one element (the target
 * selector exactly as the ledger reports it), optionally on one page. Each needs a reason, a
 * tracking link and an expiry date (YYYY-MM-DD); after that date it stops applying and the
 * finding fails the audit again. Excepted findings still appear in the ledger (level "excepted").
 *
 * `rule` is an axe rule id ("color-contrast") or a suite check's "<check>/<rule>"
 * ("keyboard/focus-not-visible").
 */
export interface A11yException {
  rule: string;
  /** The element's selector exactly as the ledger's `selector` column shows it. */
  target: string;
  /** Only on this path (exact match); every page when omitted. */
  path?: string;
  reason: string;
  /** Issue or ticket where the fix is tracked. */
  tracking: string;
  expires: string;
}

export const a11yExceptions: A11yException[] = [];

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The exception that covers this finding today, if any. */
export function exceptionFor(
  rule: string,
  target: string,
  path: string,
  list: readonly A11yException[] = a11yExceptions,
  on: string = today(),
): A11yException | undefined {
  return list.find((e) => e.rule === rule && e.target === target && (e.path === undefined || e.path === path) && e.expires >= on);
}

/** Problems with the list itself: a missing reason or tracking link, a malformed date. */
export function exceptionListProblems(list: readonly A11yException[]): string[] {
  return list.flatMap((e, index) => {
    const at = `a11yExceptions[${index}] (${e.rule} on ${e.target})`;
    const problems: string[] = [];
    if (!e.reason.trim()) problems.push(`${at}: reason is empty`);
    if (!e.tracking.trim()) problems.push(`${at}: tracking is empty`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.expires) || Number.isNaN(Date.parse(e.expires))) problems.push(`${at}: expires "${e.expires}" is not a YYYY-MM-DD date`);
    return problems;
  });
}
