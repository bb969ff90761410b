import type { Browser, Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT } from './support/playwright-base';
import { ARTICLE_PATH } from './support/site';
import { sitemapPaths } from './support/sitemap';

/**
 * The byte budget of a figure: at most 0.25 byte per device pixel it is displayed at, and never
 * less than 10 KB (small images carry a fixed container overhead). The stand-in photos come in at
 * 0.04–0.06 B/px as WebP; real photos at WebP q75 about 0.1–0.2. A full-size 1200 px JPEG
 * (~100 KB) shown in the 596 px desktop column is about 0.43 B/px, and the last step proves the
 * budget catches it.
 */
const BYTES_PER_DEVICE_PIXEL = 0.25;
const FLOOR_BYTES = 10_000;
const budgetFor = (devicePixels: number) => Math.max(FLOOR_BYTES, Math.ceil(devicePixels * BYTES_PER_DEVICE_PIXEL));

/** At least this many candidate widths in every srcset. */
const MIN_SRCSET_WIDTHS = 4;

const VIEWPORTS = [
  { name: 'desktop 1280×800', viewport: DESKTOP_VIEWPORT, deviceScaleFactor: 1, isMobile: false },
  { name: 'phone 390×844 DPR 3', viewport: PHONE_VIEWPORT, deviceScaleFactor: 3, isMobile: true },
] as const;

interface FigureImage {
  index: number;
  currentSrc: string;
  srcset: string;
  sizes: string;
  loading: string;
  width: string | null;
  height: string | null;
  /** Displayed size in device pixels. */
  devicePixels: number;
  cssWidth: number;
}

async function publicArticlePaths(request: import('@playwright/test').APIRequestContext): Promise<string[]> {
  const paths = (await sitemapPaths(request)).filter((path) => ARTICLE_PATH.test(path));
  return [...new Set(paths)].sort();
}

/** Scrolls every figure into view so lazy images load, then reads what the browser picked. */
async function figureImages(page: Page): Promise<FigureImage[]> {
  const images = page.locator('main figure img');
  const count = await images.count();
  for (let i = 0; i < count; i++) {
    const image = images.nth(i);
    await image.scrollIntoViewIfNeeded();
    await expect(image).toHaveJSProperty('complete', true);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth), `figure ${i + 1} decoded`).toBeGreaterThan(0);
  }
  return images.evaluateAll((nodes) =>
    (nodes as HTMLImageElement[]).map((img, index) => {
      const box = img.getBoundingClientRect();
      const ratio = window.devicePixelRatio;
      return {
        index,
        currentSrc: img.currentSrc,
        srcset: img.getAttribute('srcset') ?? '',
        sizes: img.getAttribute('sizes') ?? '',
        loading: img.getAttribute('loading') ?? '',
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        devicePixels: Math.round(box.width * ratio) * Math.round(box.height * ratio),
        cssWidth: Math.round(box.width),
      };
    }),
  );
}

async function newPage(browser: Browser, baseURL: string, profile: (typeof VIEWPORTS)[number]) {
  const context = await browser.newContext({
    baseURL,
    viewport: profile.viewport,
    deviceScaleFactor: profile.deviceScaleFactor,
    isMobile: profile.isMobile,
    hasTouch: profile.isMobile,
  });
  const page = await context.newPage();
  // What the browser downloaded for each optimizer URL: type and bytes on the wire (decoded body).
  const fetched = new Map<string, Promise<{ type: string; bytes: number }>>();
  page.on('response', (response: Response) => {
    if (!response.url().includes('/_next/image')) return;
    fetched.set(
      response.url(),
      response.body().then((body) => ({ type: response.headers()['content-type'] ?? '', bytes: body.length })),
    );
  });
  return { context, page, fetched };
}

for (const profile of VIEWPORTS) {
  test(`every article figure is responsive, modern-format and within its byte budget (${profile.name})`, async ({
    browser,
    request,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const base = baseURL ?? '';
    const paths = await publicArticlePaths(request);
    expect(paths.length, 'public articles in the sitemap').toBeGreaterThan(5);
    const { context, page, fetched } = await newPage(browser, base, profile);
    const report: string[] = [];
    let figuresSeen = 0;

    for (const path of paths) {
      await test.step(path, async () => {
        expect((await page.goto(path))?.status(), `${path} status`).toBe(200);
        const figures = await figureImages(page);
        for (const figure of figures) {
          figuresSeen++;
          const label = `${path} figure ${figure.index + 1}`;
          const widths = figure.srcset.split(',').filter((candidate) => / \d+w$/.test(candidate.trim()));
          expect.soft(widths.length, `${label}: srcset widths`).toBeGreaterThanOrEqual(MIN_SRCSET_WIDTHS);
          expect.soft(figure.sizes, `${label}: sizes`).not.toBe('');
          expect.soft(figure.width, `${label}: width attribute`).toMatch(/^\d+$/);
          expect.soft(figure.height, `${label}: height attribute`).toMatch(/^\d+$/);
          if (figure.index === 0) expect.soft(figure.loading, `${label}: the first figure is not lazy`).not.toBe('lazy');
          else expect.soft(figure.loading, `${label}: later figures are lazy`).toBe('lazy');

          const download = await fetched.get(figure.currentSrc);
          expect.soft(download, `${label}: the browser fetched ${figure.currentSrc}`).toBeDefined();
          if (!download) continue;
          expect.soft(download.type, `${label}: format the browser got`).toMatch(/^image\/(avif|webp)$/);
          const budget = budgetFor(figure.devicePixels);
          expect.soft(download.bytes, `${label}: bytes for ${figure.devicePixels} device px (budget ${budget})`).toBeLessThanOrEqual(budget);
          const chosen = new URL(figure.currentSrc).searchParams.get('w');
          report.push(
            `${label}: ${figure.cssWidth} CSS px, picked w=${chosen}, ${download.type} ${download.bytes} B, ` +
              `${(download.bytes / figure.devicePixels).toFixed(3)} B/device px (budget ${budget} B)`,
          );

          // A browser that accepts neither AVIF nor WebP gets the original format.
          const fallback = await request.get(figure.currentSrc, { headers: { Accept: '*/*' } });
          expect.soft(fallback.status(), `${label}: Accept */* status`).toBe(200);
          expect.soft(fallback.headers()['content-type'], `${label}: Accept */* format`).toMatch(/^image\/(jpeg|png)$/);
        }
      });
    }

    // At DPR 3 on a phone a 1200 px original is about the right size; in the desktop column it is twice too big.
    if (profile.deviceScaleFactor === 1) {
      await test.step('an unoptimized full-size JPEG would break the budget', async () => {
        // The first figure of an article, as the content route serves it, against that figure's budget.
        let first: FigureImage | undefined;
        for (const path of paths) {
          await page.goto(path);
          [first] = await figureImages(page);
          if (first) break;
        }
        const original = new URL(first?.currentSrc ?? base).searchParams.get('url') ?? '';
        const response = await request.get(original);
        expect(response.headers()['content-type']).toBe('image/jpeg');
        const bytes = (await response.body()).length;
        const devicePixels = first?.devicePixels ?? 0;
        report.push(`original ${original}: ${bytes} B = ${(bytes / devicePixels).toFixed(3)} B/device px`);
        expect(bytes, `original JPEG vs the budget for ${devicePixels} device px`).toBeGreaterThan(budgetFor(devicePixels));
      });
    }

    expect(figuresSeen, 'figures checked').toBeGreaterThan(paths.length);
    await test.info().attach(`image bytes ${profile.name}.txt`, { body: report.join('\n'), contentType: 'text/plain' });
    console.log(`${profile.name}\n${report.join('\n')}`);
    await context.close();
  });
}
