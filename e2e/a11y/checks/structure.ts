/**
 * Structure and names (WCAG 1.1.1, 1.3.1, 2.4.2, 2.4.4, 2.4.6, 2.5.8, 3.1.1; Baseline 6.A, 11.A,
 * 13.A, 13.B, 14.A, 15.A): headings, landmarks, title, language, image alternatives, figures, link
 * names and target sizes, read from the DOM as loaded.
 */
import type { Page } from '@playwright/test';
import { findingMaker, type Finding, type FindingTarget } from '../findings';
import { installDom } from './dom';

const finding = findingMaker('structure', {
  'h1-count': { wcag: ['1.3.1', '2.4.6'], baseline: ['13.A'], impact: 'moderate' },
  'heading-level-skipped': { wcag: ['1.3.1'], baseline: ['13.B'], impact: 'moderate' },
  'landmark-main': { wcag: ['1.3.1'], baseline: [], impact: 'moderate' },
  'landmark-banner': { wcag: ['1.3.1'], baseline: [], impact: 'moderate' },
  'landmark-contentinfo': { wcag: ['1.3.1'], baseline: [], impact: 'moderate' },
  'landmark-unnamed': { wcag: ['1.3.1'], baseline: [], impact: 'moderate' },
  'landmark-name-duplicate': { wcag: ['1.3.1'], baseline: [], impact: 'moderate' },
  'content-outside-landmarks': { wcag: ['1.3.1'], baseline: [], impact: 'moderate' },
  'title-missing': { wcag: ['2.4.2'], baseline: ['11.A'], impact: 'serious' },
  'title-not-descriptive': { wcag: ['2.4.2'], baseline: ['11.A'], impact: 'moderate' },
  'lang-missing': { wcag: ['3.1.1'], baseline: ['15.A'], impact: 'serious' },
  'img-alt-missing': { wcag: ['1.1.1'], baseline: ['6.A'], impact: 'critical' },
  'figure-caption-outside-figcaption': { wcag: ['1.3.1'], baseline: [], impact: 'moderate' },
  'link-text-vague': { wcag: ['2.4.4'], baseline: ['14.A'], impact: 'serious' },
  'link-name-missing': { wcag: ['2.4.4', '4.1.2'], baseline: ['14.A'], impact: 'serious' },
  'target-too-small': { wcag: ['2.5.8'], baseline: [], impact: 'serious' },
});
type Rule = Parameters<typeof finding>[0];

export const VAGUE_LINK_TEXT = ['click here', 'here', 'read more', 'more', 'learn more', 'link', 'details', 'this', 'continue'];
/** WCAG 2.5.8: targets at least 24 × 24 CSS px, or a 24 px circle that touches no other target's. */
const MIN_TARGET = 24;

interface Raw {
  rule: Rule;
  target: FindingTarget;
  message: string;
}

export async function checkStructure(page: Page): Promise<Finding[]> {
  await installDom(page);
  const pathname = new URL(page.url()).pathname;
  const raw = await page.evaluate(
    ({ vague, minTarget, isHome }) => {
      const dom = window.__a11yDom!;
      const out: { rule: string; target: { selector: string; html: string }; message: string }[] = [];
      const page = { selector: '', html: '' };
      const add = (rule: string, el: Element | null, message: string) => out.push({ rule, target: el ? dom.target(el) : page, message });
      const text = (el: Element) => dom.accessibleName(el);
      const shown = (el: Element) => dom.isRendered(el) || dom.isVisuallyHidden(el);

      // Headings.
      const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')].filter(shown);
      const level = (h: Element) => Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)) || 2;
      const h1s = headings.filter((h) => level(h) === 1 && dom.isRendered(h));
      if (h1s.length !== 1) add('h1-count', h1s[1] ?? null, `The page has ${h1s.length} visible h1 elements; it needs exactly one.`);
      let previous = 0;
      for (const h of headings) {
        if (level(h) > previous + 1) add('heading-level-skipped', h, `h${level(h)} follows ${previous ? `h${previous}` : 'the start of the page'}: a heading level is skipped.`);
        previous = level(h);
      }
      const main = document.querySelectorAll('main, [role=main]');
      const firstInMain = main[0] ? headings.find((h) => main[0]!.contains(h)) : undefined;
      if (firstInMain && level(firstInMain) !== 1) add('heading-level-skipped', firstInMain, `The first heading in main is h${level(firstInMain)}; it should be the page's h1.`);

      // Landmarks.
      if (main.length !== 1) add('landmark-main', main[1] ?? null, `The page has ${main.length} main landmarks; it needs exactly one.`);
      const sectioning = 'article, aside, main, nav, section';
      const topLevel = (selector: string, role: string) =>
        [...document.querySelectorAll(`${selector}, [role=${role}]`)].filter((el) => el.getAttribute('role') === role || !el.parentElement?.closest(sectioning));
      const banners = topLevel('header', 'banner');
      if (banners.length > 1) add('landmark-banner', banners[1] ?? null, `${banners.length} banner landmarks (top-level header); keep one.`);
      const footers = topLevel('footer', 'contentinfo');
      if (footers.length > 1) add('landmark-contentinfo', footers[1] ?? null, `${footers.length} contentinfo landmarks (top-level footer); keep one.`);
      const named = (el: Element) => (el.getAttribute('aria-label') ?? '').trim() || (el.getAttribute('aria-labelledby') ? dom.accessibleName(el) : '');
      const roles: Record<string, Element[]> = {
        navigation: [...document.querySelectorAll('nav, [role=navigation]')],
        region: [...document.querySelectorAll('section[aria-label], section[aria-labelledby], [role=region]')],
        complementary: [...document.querySelectorAll('aside, [role=complementary]')].filter((el) => !el.parentElement?.closest(sectioning)),
        form: [...document.querySelectorAll('form[aria-label], form[aria-labelledby], [role=form]')],
        search: [...document.querySelectorAll('search, [role=search]')],
      };
      for (const [role, list] of Object.entries(roles)) {
        if (list.length < 2) continue;
        const names = new Map<string, Element>();
        for (const el of list) {
          const name = named(el);
          if (!name) add('landmark-unnamed', el, `${list.length} ${role} landmarks: each needs a distinct name (aria-label or aria-labelledby).`);
          else if (names.has(name)) add('landmark-name-duplicate', el, `Another ${role} landmark is also named "${name}".`);
          else names.set(name, el);
        }
      }
      const landmark = 'main, nav, aside, header, footer, section[aria-label], section[aria-labelledby], form[aria-label], search, [role=main], [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=region], [role=search], [role=form], .usa-skipnav';
      const outside = new Set<Element>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const owner = node.parentElement;
        if (!owner || !/\S/.test(node.textContent ?? '') || owner.closest(landmark) || owner.closest('script, style, noscript, template')) continue;
        if (!dom.isRendered(owner) && !dom.isVisuallyHidden(owner)) continue;
        if (owner.closest('[aria-live], [role=alert], [role=status], next-route-announcer')) continue;
        outside.add(owner);
      }
      for (const el of [...outside].filter((el) => ![...outside].some((o) => o !== el && o.contains(el))).slice(0, 10)) {
        add('content-outside-landmarks', el, 'This text is not inside any landmark (header, nav, main, footer, named section…).');
      }

      // Title and language.
      const title = document.title.replace(/\s+/g, ' ').trim();
      const h1 = h1s[0] ? dom.accessibleName(h1s[0]).toLowerCase() : '';
      if (!title) add('title-missing', null, 'The page has no <title>.');
      else if (!isHome && h1 && !title.toLowerCase().includes(h1) && !h1.includes(title.toLowerCase().split(' | ')[0] ?? title.toLowerCase())) {
        add('title-not-descriptive', null, `The title "${title}" does not contain the page's h1 "${h1}".`);
      }
      const lang = document.documentElement.getAttribute('lang') ?? '';
      if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang)) add('lang-missing', document.documentElement, lang ? `html lang="${lang}" is not a valid language tag.` : 'html has no lang attribute.');

      // Images and figures.
      for (const img of document.querySelectorAll('img')) {
        if (!img.hasAttribute('alt') && img.getAttribute('role') !== 'presentation') add('img-alt-missing', img, 'This img has no alt attribute (use alt="" when it is decorative).');
      }
      for (const svg of document.querySelectorAll('svg[role=img]')) {
        if (!svg.closest('[aria-hidden=true]') && !dom.accessibleName(svg)) add('img-alt-missing', svg, 'This svg role="img" has no accessible name (aria-label, aria-labelledby or <title>).');
      }
      for (const figure of document.querySelectorAll('figure')) {
        const caption = figure.querySelector(':scope > figcaption');
        const stray = [...figure.childNodes].some(
          (n) => n !== caption && (n.nodeType === Node.TEXT_NODE ? /\S/.test(n.textContent ?? '') : n instanceof Element && !!n.textContent?.trim() && !n.matches('figure, table, pre, blockquote')),
        );
        if (!caption) add('figure-caption-outside-figcaption', figure, 'This figure has no figcaption; put its caption in one (or drop the figure element).');
        else if (stray) add('figure-caption-outside-figcaption', figure, 'This figure has text outside its figcaption; move the caption and credit into the figcaption.');
      }

      // Links.
      for (const link of document.querySelectorAll('a[href]')) {
        if (!dom.isRendered(link) && !dom.isVisuallyHidden(link)) continue;
        const name = text(link);
        if (!name) {
          add('link-name-missing', link, 'This link has no accessible name.');
          continue;
        }
        const bare = name.toLowerCase().replace(/[.…:»›→]+$/u, '').trim();
        if (vague.includes(bare) && !link.hasAttribute('aria-describedby')) add('link-text-vague', link, `The link text "${name}" does not say where it goes.`);
      }

      // Target size.
      const targets = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [tabindex]:not([tabindex="-1"])')].filter(
        (el) => dom.isVisible(el),
      );
      const inline = (el: Element) => {
        if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
        const block = el.parentElement?.closest('p, li, td, th, dd, figcaption, caption, blockquote, label');
        return !!block && (block.textContent ?? '').replace(/\s+/g, ' ').trim().length > (el.textContent ?? '').trim().length + 2;
      };
      const boxes = targets.map((el) => {
        const labelled = el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type) && el.labels?.[0] ? el.labels[0] : el;
        const r = labelled.getBoundingClientRect();
        return { el, r, cx: r.left + r.width / 2, cy: r.top + r.height / 2 };
      });
      for (const b of boxes) {
        if (b.r.width >= minTarget - 0.5 && b.r.height >= minTarget - 0.5) continue;
        if (inline(b.el)) continue;
        // The 24 px circle round this target's centre meets another undersized target's circle or a full-size target's box.
        const crowded = boxes.some((o) => {
          if (o === b || o.el.contains(b.el) || b.el.contains(o.el)) return false;
          if (o.r.width < minTarget - 0.5 || o.r.height < minTarget - 0.5) return Math.hypot(o.cx - b.cx, o.cy - b.cy) < minTarget;
          const dx = Math.max(o.r.left - b.cx, 0, b.cx - o.r.right);
          const dy = Math.max(o.r.top - b.cy, 0, b.cy - o.r.bottom);
          return Math.hypot(dx, dy) < minTarget / 2;
        });
        if (crowded) add('target-too-small', b.el, `This target is ${Math.round(b.r.width)}×${Math.round(b.r.height)} px and another target is within ${minTarget} px: make it at least ${minTarget}×${minTarget}.`);
      }
      return out;
    },
    { vague: VAGUE_LINK_TEXT, minTarget: MIN_TARGET, isHome: pathname === '/' },
  );
  return (raw as Raw[]).map((r) => finding(r.rule, r.target, r.message));
}
