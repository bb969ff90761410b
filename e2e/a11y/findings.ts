/**
 * What every check of the accessibility audit returns: one Finding per problem, never an
 * assertion. The specs fail when a check returns findings on the site; the self-test fails when a
 * check returns none on the deliberately broken fixture page. The reporter writes findings into
 * the violations ledger beside axe's.
 */
export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';

export interface Finding {
  /** The check that found it: 'keyboard', 'reflow', 'text-resize', 'text-spacing', 'forced-colors', 'reduced-motion', 'structure', 'no-js'. */
  check: string;
  /** Stable id of the rule within the check, kebab-case, e.g. 'focus-not-visible'. */
  rule: string;
  /** WCAG success criteria, e.g. ['2.4.7']. */
  wcag: string[];
  /** Section 508 ICT Testing Baseline test ids, e.g. ['2.A']. */
  baseline: string[];
  impact: Impact;
  /** CSS selector of the element ('' for a finding about the whole page). */
  selector: string;
  /** The element's outer HTML, whitespace collapsed, at most 300 characters ('' for the page). */
  html: string;
  /** What is wrong, in a sentence a developer can act on. */
  message: string;
}

/** One line per finding, for an assertion message. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => `  [${f.impact}] ${f.check}/${f.rule} (WCAG ${f.wcag.join(', ') || '-'}): ${f.message}${f.selector ? `\n    at ${f.selector}` : ''}${f.html ? `\n    ${f.html}` : ''}`)
    .join('\n');
}

/** What a rule always reports: its WCAG criteria, ICT Baseline tests and impact. */
export interface RuleInfo {
  wcag: string[];
  baseline: string[];
  impact: Impact;
}

/** Where a finding points: an element (selector and HTML) or the whole page (both ''). */
export interface FindingTarget {
  selector: string;
  html: string;
}

export const PAGE_TARGET: FindingTarget = { selector: '', html: '' };

/**
 * One check's finding maker: the rule table is written once per check, so every finding of a rule
 * carries the same WCAG and Baseline ids.
 */
export function findingMaker<R extends string>(check: string, rules: Record<R, RuleInfo>) {
  return (rule: R, target: FindingTarget, message: string): Finding => ({
    check,
    rule,
    wcag: [...rules[rule].wcag],
    baseline: [...rules[rule].baseline],
    impact: rules[rule].impact,
    selector: target.selector,
    html: target.html,
    message,
  });
}
