/**
 * Is focus visible? Compares a screenshot of the focused element (its box plus a margin, where
 * outlines and rings are drawn) with the same clip once focus is removed, then gives focus back so
 * a Tab walk continues from the same element. Used by the keyboard and forced-colors checks.
 */
import type { CDPSession, Page } from '@playwright/test';
import sharp from 'sharp';
import './dom';

/** Outlines sit outside the box (USWDS: 0.25rem outline, 0 offset); 8 px covers them. */
const MARGIN = 8;
/** A channel must change by more than this for a pixel to count (anti-aliasing noise). */
const CHANNEL_TOLERANCE = 24;

declare global {
  interface Window {
    __a11yFocused?: Element | null;
    __a11yCaretSheet?: CSSStyleSheet;
  }
}

export interface FocusIndicator {
  /** CSS pixels that differ between focused and unfocused. */
  changed: number;
  /** Fewer changed pixels than this means no visible indicator: half the box's perimeter. */
  threshold: number;
  visible: boolean;
}

type Clip = { x: number; y: number; width: number; height: number };
interface Raw {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

/** Scroll position, viewport size and devicePixelRatio: where a viewport clip is in the document. */
export interface View {
  x: number;
  y: number;
  width: number;
  height: number;
  ratio: number;
}

/** The page's current View. */
export async function viewOf(page: Page): Promise<View> {
  return page.evaluate(() => ({
    x: window.scrollX,
    y: window.scrollY,
    width: document.documentElement.clientWidth,
    height: window.innerHeight,
    ratio: window.devicePixelRatio,
  }));
}

const sessions = new WeakMap<Page, CDPSession | null>();

/**
 * A viewport clip in CSS pixels, decoded. Chromium's own capture of a small clip takes ~30 ms,
 * skipping page.screenshot's waits (fonts, two frames, injected styles); other browsers fall back.
 */
async function capture(page: Page, clip: Clip, view: View): Promise<Raw> {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page).catch(() => null));
  const session = sessions.get(page);
  let png: Buffer;
  if (session) {
    const { data } = await session.send('Page.captureScreenshot', {
      format: 'png',
      clip: { x: clip.x + view.x, y: clip.y + view.y, width: clip.width, height: clip.height, scale: 1 / view.ratio },
    });
    png = Buffer.from(data, 'base64');
  } else {
    png = await page.screenshot({ clip, caret: 'hide', animations: 'disabled', scale: 'css' });
  }
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Pixels whose colour differs beyond the tolerance in any channel (size mismatch: all of them). */
function countChanged(a: Raw, b: Raw): number {
  if (a.width !== b.width || a.height !== b.height) return a.width * a.height;
  let changed = 0;
  for (let i = 0; i < a.data.length; i += a.channels) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0)) > CHANNEL_TOLERANCE) {
        changed++;
        break;
      }
    }
  }
  return changed;
}

/** The element's box plus the margin, clamped to the viewport (whole CSS pixels); null when off-screen. */
function clipFor(box: Clip, view: View): Clip | null {
  const x = Math.max(0, Math.floor(box.x - MARGIN));
  const y = Math.max(0, Math.floor(box.y - MARGIN));
  const right = Math.min(view.width, Math.ceil(box.x + box.width + MARGIN));
  const bottom = Math.min(view.height, Math.ceil(box.y + box.height + MARGIN));
  return right - x < 1 || bottom - y < 1 ? null : { x, y, width: right - x, height: bottom - y };
}

function indicator(changed: number, box: Clip): FocusIndicator {
  const threshold = Math.max(4, Math.round(box.width + box.height));
  return { changed, threshold, visible: changed >= threshold };
}

/** Hides the text caret (it blinks) while focus is measured; returns a function that restores it. */
export async function hideCaret(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { caret-color: transparent !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    window.__a11yCaretSheet = sheet;
  });
  return async () => {
    await page.evaluate(() => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== window.__a11yCaretSheet);
    });
  };
}

/**
 * Measures the focus indicator of the element that has focus now (its viewport box from the
 * caller's last evaluate): focused vs blurred. Focus is back on the element afterwards. Null when
 * the box is outside the viewport.
 */
export async function measureFocusIndicator(page: Page, box: Clip): Promise<FocusIndicator | null> {
  const view = await viewOf(page);
  const clip = clipFor(box, view);
  if (!clip) return null;
  const focused = await capture(page, clip, view);
  await page.evaluate(() => {
    window.__a11yFocused = document.activeElement;
    (window.__a11yFocused as HTMLElement | null)?.blur();
    window.__a11yDom!.settleAnimations();
  });
  const blurred = await capture(page, clip, view);
  await page.evaluate(() => (window.__a11yFocused as HTMLElement | null)?.focus({ preventScroll: true }));
  return indicator(countChanged(focused, blurred), box);
}

/**
 * The same measurement for a whole Tab walk without blurring and refocusing each element: one
 * capture per focused element during the walk, then, with focus removed, the same clips again at
 * each scroll position the walk visited.
 */
export class FocusRecorder {
  private readonly focused: { key: string; box: Clip; clip: Clip; raw: Raw; view: View }[] = [];

  constructor(private readonly page: Page) {}

  /** Captures the element that has focus now; `box` is its viewport box, `view` the page's View. */
  async record(key: string, box: Clip, view: View): Promise<void> {
    const clip = clipFor(box, view);
    if (!clip) return;
    this.focused.push({ key, box, clip, view, raw: await capture(this.page, clip, view) });
  }

  /** Removes focus, captures the clips again and returns the indicator per key. */
  async results(): Promise<Map<string, FocusIndicator>> {
    const results = new Map<string, FocusIndicator>();
    const byScroll = new Map<string, typeof this.focused>();
    for (const f of this.focused) {
      const key = `${f.view.x},${f.view.y}`;
      byScroll.set(key, [...(byScroll.get(key) ?? []), f]);
    }
    for (const group of byScroll.values()) {
      const view = group[0]!.view;
      const reached = await this.page.evaluate((target) => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo({ left: target.x, top: target.y, behavior: 'instant' });
        window.__a11yDom!.settleAnimations();
        return Math.abs(window.scrollX - target.x) < 1 && Math.abs(window.scrollY - target.y) < 1;
      }, view);
      if (!reached) continue;
      for (const f of group) {
        results.set(f.key, indicator(countChanged(f.raw, await capture(this.page, f.clip, view)), f.box));
      }
    }
    return results;
  }
}
