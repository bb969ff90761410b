/**
 * Keyboard operation (ICT Baseline 1.A, 1.B, 2.A–2.C, 4.A): walks the page with Tab from a fresh
 * load, then checks the skip link, and separately the USWDS banner's button.
 */
import type { Frame, Page } from '@playwright/test';
import { findingMaker, PAGE_TARGET, type Finding, type FindingTarget } from '../findings';
import { installDom } from './dom';
import { FocusRecorder, hideCaret, type View } from './focus-indicator';

const finding = findingMaker('keyboard', {
  'skip-link-missing': { wcag: ['2.4.1'], baseline: ['4.A'], impact: 'serious' },
  'skip-link-not-first': { wcag: ['2.4.1'], baseline: ['4.A'], impact: 'moderate' },
  'skip-link-broken': { wcag: ['2.4.1'], baseline: ['4.A'], impact: 'serious' },
  'not-reachable-by-keyboard': { wcag: ['2.1.1'], baseline: ['1.A'], impact: 'critical' },
  'focus-order': { wcag: ['2.4.3'], baseline: ['2.B'], impact: 'serious' },
  'positive-tabindex': { wcag: ['2.4.3'], baseline: ['2.B'], impact: 'serious' },
  'keyboard-trap': { wcag: ['2.1.2'], baseline: ['1.B'], impact: 'critical' },
  'focus-not-visible': { wcag: ['2.4.7'], baseline: ['2.A'], impact: 'serious' },
  'focus-obscured': { wcag: ['2.4.11'], baseline: ['2.A'], impact: 'serious' },
  'focus-changes-context': { wcag: ['3.2.1'], baseline: ['2.C'], impact: 'serious' },
});

const bannerFinding = findingMaker('keyboard', {
  'banner-missing': { wcag: [], baseline: [], impact: 'serious' },
  'banner-enter': { wcag: ['2.1.1', '4.1.2'], baseline: ['1.A', '5.C'], impact: 'serious' },
  'banner-space': { wcag: ['2.1.1', '4.1.2'], baseline: ['1.A', '5.C'], impact: 'serious' },
});

declare global {
  interface Window {
    /** The expected Tab stops (visible focusables in DOM order) of the current walk. */
    __a11yKb?: HTMLElement[];
    /** Elements that took focus without being in __a11yKb. */
    __a11yKbExtra?: Element[];
  }
}

interface FocusState {
  /** Focus left the document's elements (body or nothing has focus). */
  end: boolean;
  /** 'k<index in __a11yKb>' or 'x<index in __a11yKbExtra>'. */
  key: string;
  index: number;
  target: FindingTarget;
  /** Not visible (hidden or off-screen) while focused. */
  hidden: boolean;
  /** Something else is painted at the element's centre. */
  obscuredBy: string | null;
  /** The element's box in the viewport. */
  box: { x: number; y: number; width: number; height: number };
  view: View;
}

/** Where focus is now, with the element scrolled into view if its centre is outside the viewport. */
async function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const dom = window.__a11yDom!;
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) {
      const box = { x: 0, y: 0, width: 0, height: 0 };
      const view = { ...box, ratio: 1 };
      return { end: true, key: 'end', index: -1, target: { selector: '', html: '' }, hidden: false, obscuredBy: null, box, view };
    }
    dom.settleAnimations();
    const expected = window.__a11yKb ?? [];
    const extra = (window.__a11yKbExtra ??= []);
    const index = expected.indexOf(el as HTMLElement);
    let key = `k${index}`;
    if (index < 0) {
      if (!extra.includes(el)) extra.push(el);
      key = `x${extra.indexOf(el)}`;
    }
    const rect = el.getClientRects()[0] ?? el.getBoundingClientRect();
    let cx = rect.left + rect.width / 2;
    let cy = rect.top + rect.height / 2;
    if (cy < 0 || cy > window.innerHeight || cx < 0 || cx > window.innerWidth) {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
      const moved = el.getClientRects()[0] ?? el.getBoundingClientRect();
      cx = moved.left + moved.width / 2;
      cy = moved.top + moved.height / 2;
    }
    const hidden = !dom.isVisible(el);
    let obscuredBy: string | null = null;
    if (!hidden) {
      const hit = document.elementFromPoint(cx, cy);
      const label = el instanceof HTMLInputElement ? [...(el.labels ?? [])] : [];
      const fine = !hit || el.contains(hit) || hit.contains(el) || label.some((l) => l.contains(hit));
      if (!fine) obscuredBy = dom.cssPath(hit);
    }
    const r = el.getBoundingClientRect();
    const box = { x: r.x, y: r.y, width: r.width, height: r.height };
    const view = {
      x: window.scrollX,
      y: window.scrollY,
      width: document.documentElement.clientWidth,
      height: window.innerHeight,
      ratio: window.devicePixelRatio,
    };
    return { end: false, key, index, target: dom.target(el), hidden, obscuredBy, box, view };
  });
}

/** Moves focus to the first expected Tab stop after the element that has focus (escaping a trap). */
async function focusNextAfterCurrent(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const current = document.activeElement;
    const next = (window.__a11yKb ?? []).find(
      (el) => !!current && !!(current.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) && !current.contains(el),
    );
    next?.focus();
    return !!next;
  });
}

export async function checkKeyboard(page: Page): Promise<Finding[]> {
  const findings: Finding[] = [];
  await installDom(page);
  const expected = await page.evaluate(() => {
    const dom = window.__a11yDom!;
    const list = dom.focusables();
    window.__a11yKb = list;
    window.__a11yKbExtra = [];
    return {
      targets: list.map((el) => dom.target(el)),
      positive: list.filter((el) => el.tabIndex > 0).map((el) => ({ ...dom.target(el), tabIndex: el.tabIndex })),
    };
  });
  for (const p of expected.positive) {
    findings.push(finding('positive-tabindex', p, `tabindex="${p.tabIndex}" takes the element out of the DOM order; use 0 and move it in the source.`));
  }

  // Focus must not change the context: no navigation, new window or dialog while tabbing.
  let current: FocusState | null = null;
  const contextChanges: string[] = [];
  const onNavigated = (frame: Frame) => {
    if (frame === page.mainFrame()) contextChanges.push(`navigated to ${frame.url()}`);
  };
  const onPopup = (popup: Page) => contextChanges.push(`opened ${popup.url()}`);
  const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
    contextChanges.push(`opened a dialog: ${dialog.message()}`);
    void dialog.dismiss();
  };
  const reportContextChanges = () => {
    for (const change of contextChanges.splice(0)) {
      findings.push(finding('focus-changes-context', current?.target ?? PAGE_TARGET, `Moving focus to this element ${change}; focus alone must not change the context.`));
    }
  };
  page.on('framenavigated', onNavigated);
  page.on('popup', onPopup);
  page.on('dialog', onDialog);

  const restoreCaret = await hideCaret(page);
  const recorder = new FocusRecorder(page);
  const targets = new Map<string, FindingTarget>();
  const reached = new Set<number>();
  const seen = new Set<string>();
  let firstKey: string | null = null;
  let highest = -1;
  let ended = false;
  let first: FocusState | null = null;
  try {
    for (let press = 0; press < expected.targets.length + 10; press++) {
      await page.keyboard.press('Tab');
      let state = await focusState(page);
      reportContextChanges();
      if (state.end) {
        ended = true;
        break;
      }
      if (state.key === current?.key) {
        findings.push(finding('keyboard-trap', state.target, 'Tab does not move focus away from this element.'));
        if (!(await focusNextAfterCurrent(page))) break;
        state = await focusState(page);
      } else if (seen.has(state.key)) {
        if (state.key === firstKey) {
          ended = true; // the browser wrapped round to the first stop
          break;
        }
        findings.push(finding('keyboard-trap', state.target, `Tab cycles back to this element instead of reaching the end of the page (after ${current?.target.selector}).`));
        break;
      }
      current = state;
      first ??= state;
      firstKey ??= state.key;
      if (seen.has(state.key)) continue;
      seen.add(state.key);

      if (state.index >= 0) {
        reached.add(state.index);
        if (state.index < highest) {
          findings.push(finding('focus-order', state.target, `Focus reached this element after ${expected.targets[highest]?.selector}, which follows it in the DOM.`));
        }
        highest = Math.max(highest, state.index);
      }
      if (state.hidden) {
        findings.push(finding('focus-not-visible', state.target, 'This element takes focus while hidden or off-screen.'));
        continue;
      }
      if (state.obscuredBy) {
        findings.push(finding('focus-obscured', state.target, `The focused element is covered by ${state.obscuredBy}.`));
      }
      targets.set(state.key, state.target);
      await recorder.record(state.key, state.box, state.view);
    }
  } finally {
    page.off('framenavigated', onNavigated);
    page.off('popup', onPopup);
    page.off('dialog', onDialog);
  }
  for (const [key, indicator] of await recorder.results()) {
    if (indicator.visible) continue;
    const target = targets.get(key) ?? PAGE_TARGET;
    findings.push(finding('focus-not-visible', target, `Focusing changes ${indicator.changed} px around the element (fewer than ${indicator.threshold}): no visible focus indicator.`));
  }
  await restoreCaret();
  if (!ended && !findings.some((f) => f.rule === 'keyboard-trap')) {
    findings.push(finding('keyboard-trap', current?.target ?? PAGE_TARGET, `After ${expected.targets.length + 10} Tab presses focus had not left the page.`));
  }
  expected.targets.forEach((target, index) => {
    if (!reached.has(index)) findings.push(finding('not-reachable-by-keyboard', target, 'Tab never reaches this visible interactive element.'));
  });

  findings.push(...(await checkSkipLink(page, first)));
  return findings;
}

/** The first Tab stop is a skip link to <main>, and Enter on it moves focus into <main>. */
async function checkSkipLink(page: Page, first: FocusState | null): Promise<Finding[]> {
  const skip = await page.evaluate(() => {
    const dom = window.__a11yDom!;
    const main = document.querySelector('main');
    const link =
      document.querySelector<HTMLAnchorElement>('a.usa-skipnav') ??
      (main?.id ? document.querySelector<HTMLAnchorElement>(`a[href="#${CSS.escape(main.id)}"]`) : null);
    return link ? dom.target(link) : null;
  });
  if (!skip) return [finding('skip-link-missing', PAGE_TARGET, 'No skip link (a.usa-skipnav or a link to #<id of main>) to bypass the repeated header.')];
  const findings: Finding[] = [];
  if (first?.target.selector !== skip.selector) {
    findings.push(finding('skip-link-not-first', first?.target ?? PAGE_TARGET, `The first Tab stop is not the skip link (${skip.selector}).`));
  }
  await page.locator(skip.selector).focus();
  await page.keyboard.press('Enter');
  const inMain = await page
    .waitForFunction(() => !!document.activeElement?.closest('main'), undefined, { timeout: 1_000 })
    .then(() => true)
    .catch(() => false);
  if (!inMain) findings.push(finding('skip-link-broken', skip, 'Activating the skip link with Enter does not move focus into <main>.'));
  return findings;
}

interface BannerState {
  expanded: boolean;
  panelVisible: boolean;
}

async function bannerState(page: Page): Promise<BannerState> {
  return page.evaluate(() => {
    const button = document.querySelector('button.usa-banner__button');
    const panel = document.getElementById(button?.getAttribute('aria-controls') ?? '');
    return { expanded: button?.getAttribute('aria-expanded') === 'true', panelVisible: !!panel && window.__a11yDom!.isVisible(panel) };
  });
}

/** Presses a key on the banner button; true when the state toggled and the panel follows it. */
async function bannerToggles(page: Page, key: string): Promise<{ ok: boolean; before: BannerState; after: BannerState }> {
  const before = await bannerState(page);
  await page.keyboard.press(key);
  const toggled = await page
    .waitForFunction((was) => {
      const button = document.querySelector('button.usa-banner__button');
      const panel = document.getElementById(button?.getAttribute('aria-controls') ?? '');
      const expanded = button?.getAttribute('aria-expanded') === 'true';
      return expanded !== was && !!panel && window.__a11yDom!.isVisible(panel) === expanded;
    }, before.expanded, { timeout: 1_000 })
    .then(() => true)
    .catch(() => false);
  return { ok: toggled, before, after: await bannerState(page) };
}

export async function checkBannerKeyboard(page: Page): Promise<Finding[]> {
  await installDom(page);
  const button = await page.evaluate(() => {
    const el = document.querySelector('button.usa-banner__button');
    return el ? window.__a11yDom!.target(el) : null;
  });
  if (!button) return [bannerFinding('banner-missing', PAGE_TARGET, 'The page has no USWDS banner button (button.usa-banner__button).')];
  const findings: Finding[] = [];
  await page.locator(button.selector).focus();
  const describe = (s: BannerState) => `aria-expanded=${s.expanded}, panel ${s.panelVisible ? 'visible' : 'hidden'}`;
  const enter = await bannerToggles(page, 'Enter');
  if (!enter.ok) findings.push(bannerFinding('banner-enter', button, `Enter did not toggle the banner (before: ${describe(enter.before)}; after: ${describe(enter.after)}).`));
  const space = await bannerToggles(page, 'Space');
  if (!space.ok) findings.push(bannerFinding('banner-space', button, `Space did not toggle the banner (before: ${describe(space.before)}; after: ${describe(space.after)}).`));
  return findings;
}
