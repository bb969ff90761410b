import { expect, test } from './fixtures';
import { FEEDBACK_TEXTS, REQUIRED_TEXT_TOKENS, REQUIRED_URL_TOKENS } from './support/site-scan';
import { FOOTER_REQUIRED_LINKS } from './support/site';
import { sitemapPaths } from './support/sitemap';

// The links every federal site must carry, on every page, worded as GSA Site Scanning looks for
// them; and the pages they lead to, with the content each must have.

/** Each <a> of a server-rendered page: its href and its text with tags and entities resolved. */
function anchors(html: string): { href: string; text: string }[] {
  const decode = (text: string) =>
    text.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)].map((m) => ({
    href: decode(/\bhref="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? ''),
    text: decode((m[2] ?? '').replace(/<[^>]*>/g, '')),
  }));
}

test.describe('required links', () => {
  test('every page in the sitemap links to every required page with the words the scanner looks for', async ({ request }) => {
    const paths = await sitemapPaths(request);
    expect(paths.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const path of paths) {
      const links = anchors(await (await request.get(path)).text());
      const hrefs = links.map((link) => link.href.toLowerCase());
      const texts = links.map((link) => link.text.toLowerCase());
      for (const token of REQUIRED_URL_TOKENS) {
        if (!hrefs.some((href) => href.includes(token))) problems.push(`${path}: no link whose href contains "${token}"`);
      }
      for (const token of REQUIRED_TEXT_TOKENS) {
        if (!texts.some((text) => text.includes(token))) problems.push(`${path}: no link whose text contains "${token}"`);
      }
      if (!texts.some((text) => FEEDBACK_TEXTS.includes(text))) problems.push(`${path}: no feedback link (text exactly "Contact")`);
    }
    expect(problems).toEqual([]);
  });

  test('the footer carries About us, Budget and performance, Vulnerability disclosure policy and Contact, each answering 200', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    const footer = page.locator('footer.usa-footer');
    for (const { name, path } of FOOTER_REQUIRED_LINKS) {
      const link = footer.getByRole('link', { name, exact: true });
      await expect(link, `footer link "${name}"`).toHaveAttribute('href', path);
      expect((await request.get(path)).status(), `${name} → ${path}`).toBe(200);
    }
    // feedback-links.ts compares the whole textContent: no surrounding whitespace allowed.
    const contactText = await footer.getByRole('link', { name: 'Contact', exact: true }).evaluate((a) => a.textContent);
    expect(contactText).toBe('Contact');
  });
});

test.describe('required pages', () => {
  const MONTH = '(?:Jan\\.|Feb\\.|March|April|May|June|July|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.|January|February|August|September|October|November|December)';

  test('the accessibility statement names WCAG 2.2 AA and Section 508, limitations, how to report a problem, a contact and its date', async ({
    page,
  }) => {
    await page.goto('/');
    await page.locator('.usa-identifier').getByRole('link', { name: 'Accessibility statement' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Accessibility/);
    const main = page.locator('main');
    const text = (await main.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/WCAG\)? 2\.2/);
    expect(text).toMatch(/Level AA/);
    expect(text).toMatch(/Section 508/);
    expect(text).toMatch(/Known limitations/i);
    expect(text).toMatch(/trouble using any part of this site/i);
    await expect(main.locator('a[href^="mailto:"]').first()).toBeVisible();
    expect(text).toMatch(new RegExp(`Last updated ${MONTH} \\d{1,2}, \\d{4}`));
  });

  test('the privacy policy says what is collected automatically and how to opt out of web measurement', async ({ page }) => {
    await page.goto('/privacy');
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/collected automatically/i);
    expect(text).toMatch(/opt out/i);
    expect(text).toMatch(/Digital Analytics Program/);
    expect(text).toMatch(/cookies/i);
  });

  test('the contact page offers email and telephone', async ({ page }) => {
    await page.goto('/contact');
    await expect(page.locator('main a[href^="mailto:"]').first()).toBeVisible();
    await expect(page.locator('main a[href^="tel:"]').first()).toBeVisible();
  });
});
