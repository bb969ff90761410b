import { expect, test } from './fixtures';
import { normalizeSpace, seed } from './support/seed';
import { ARTICLE_PATH, pathOf, TITLE_SUFFIX } from './support/site';

// One page load, one step per behaviour: page loads dominate the suite's time on 2 cores.
// Steps use soft assertions, so one run reports every fidelity problem, not just the first.
test('the seed article reproduces its source word for word', async ({ page, request, baseURL }) => {
  const response = await page.goto(seed.path);
  expect(response?.status(), `${seed.path} status`).toBe(200);

  await test.step('the page title and h1 are the seed title', async () => {
    await expect.soft(page).toHaveTitle(`${seed.title}${TITLE_SUFFIX}`);
    await expect.soft(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await expect.soft(page.locator('h1')).toHaveCount(1);
  });

  await test.step('the breadcrumb reads Home › News › title with the title as the current page', async () => {
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumbs' });
    await expect.soft(breadcrumb).toHaveClass(/\busa-breadcrumb\b/);
    const items = breadcrumb.getByRole('listitem');
    await expect.soft(items).toHaveText(['Home', 'News', seed.title]);
    await expect.soft(breadcrumb.getByRole('link', { name: 'Home', exact: true })).toHaveAttribute('href', '/');
    await expect.soft(breadcrumb.getByRole('link', { name: 'News', exact: true })).toHaveAttribute('href', '/news');
    const current = breadcrumb.locator('[aria-current="page"]');
    await expect.soft(current).toHaveCount(1);
    await expect.soft(current).toHaveText(seed.title);
    // aria-current sits on the last item or inside it.
    expect.soft(
      await items.last().evaluate((li) => li.matches('[aria-current="page"]') || !!li.querySelector('[aria-current="page"]')),
      'aria-current="page" is on the last breadcrumb item',
    ).toBe(true);
  });

  await test.step('the deck and every body paragraph appear exactly as paragraphs of the article', async () => {
    const article = page.locator('main article');
    await expect.soft(article).toHaveCount(1);
    const paragraphs = (await article.locator('p').allTextContents()).map(normalizeSpace);

    const expected = [seed.deck, ...seed.paragraphs].map(normalizeSpace);
    const missing = expected.filter((text) => !paragraphs.includes(text));
    expect.soft(missing, `paragraphs not found word for word in a <p> of main article`).toEqual([]);

    // And in the source's order.
    const positions = expected.map((text) => paragraphs.indexOf(text));
    expect.soft(positions, 'paragraph order').toEqual([...positions].sort((a, b) => a - b));
  });

  await test.step('the publication date is June 13, 2023 with a machine-readable time', async () => {
    const article = page.locator('main article');
    await expect.soft(article.getByText('Published June 13, 2023')).toBeVisible();
    const time = article.locator('time', { hasText: 'June 13, 2023' }).first();
    expect.soft(await time.getAttribute('datetime')).toMatch(/^2023-06-13/);
  });

  await test.step('topics are shown as USWDS tags', async () => {
    const tags = page.locator('main article .usa-tag');
    expect.soft(await tags.count(), 'at least one .usa-tag').toBeGreaterThan(0);
    for (const tag of await tags.allTextContents()) expect.soft(normalizeSpace(tag)).not.toBe('');
  });

  await test.step('both figures carry the seed alt text and a caption with title, caption, credit and VIRIN in order', async () => {
    for (const figure of seed.figures) {
      const img = page.locator('main figure').getByAltText(figure.alt, { exact: true });
      await expect.soft(img, `image with alt "${figure.alt}"`).toHaveCount(1);
      const figcaption = page
        .locator('main figure')
        .filter({ has: page.getByAltText(figure.alt, { exact: true }) })
        .locator('figcaption');
      await expect.soft(figcaption).toHaveCount(1);
      if ((await figcaption.count()) !== 1) continue;
      const text = normalizeSpace(await figcaption.innerText());
      const parts = [figure.title, figure.caption, `Credit: ${figure.credit}`, `VIRIN: ${figure.virin}`];
      let from = 0;
      for (const part of parts) {
        const at = text.indexOf(part, from);
        expect.soft(at, `figcaption of ${figure.virin} has "${part}" after the previous part; it reads: ${text}`).toBeGreaterThanOrEqual(0);
        from = at + part.length;
      }
    }
    expect.soft(seed.figures.map((f) => f.virin)).toEqual(['230613-D-D0439-002', '230613-O-D0439-001A']);
  });

  await test.step('article images have sizes, the first loads eagerly and the rest lazily', async () => {
    const images = page.locator('main article img');
    const attributes = await images.evaluateAll((imgs) =>
      imgs.map((img) => ({
        src: img.getAttribute('src'),
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        loading: img.getAttribute('loading'),
      })),
    );
    expect.soft(attributes.length).toBeGreaterThanOrEqual(2);
    for (const image of attributes) {
      expect.soft(image.width, `width on ${image.src}`).toMatch(/^\d+$/);
      expect.soft(image.height, `height on ${image.src}`).toMatch(/^\d+$/);
    }
    const [first, ...rest] = attributes;
    expect.soft(first?.loading, 'first image is not lazy').not.toBe('lazy');
    for (const image of rest) expect.soft(image.loading, `loading on ${image.src}`).toBe('lazy');
  });

  await test.step('the article has no byline', async () => {
    const article = page.locator('main article');
    await expect.soft(article.locator('[rel="author"], .byline, [class*="byline"]')).toHaveCount(0);
    const texts = (await article.locator('p, div, span, address').allTextContents()).map(normalizeSpace);
    expect.soft(texts.filter((text) => /^By [A-Z]/.test(text))).toEqual([]);
  });

  await test.step('Related Stories links to up to three other articles, never itself', async () => {
    const heading = page.getByRole('heading', { level: 2, name: 'Related Stories' });
    await expect.soft(heading).toBeVisible();
    const hrefs = await heading.evaluate((h) => {
      const scope = h.closest('section, aside, nav') ?? h.parentElement;
      return [...(scope?.querySelectorAll('a[href]') ?? [])].map((a) => a.getAttribute('href') ?? '');
    });
    const paths = hrefs.map((href) => pathOf(href, baseURL ?? page.url()));
    expect.soft(paths.length).toBeGreaterThanOrEqual(1);
    expect.soft(paths.length).toBeLessThanOrEqual(3);
    for (const path of paths) {
      expect.soft(path, 'related link points at an article').toMatch(ARTICLE_PATH);
      expect.soft(path.replace(/\/$/, '')).not.toBe(seed.path);
      expect.soft((await request.get(path)).status(), `${path} status`).toBe(200);
    }
  });

  await test.step('the page has a meta description', async () => {
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect.soft(normalizeSpace(description ?? '')).not.toBe('');
  });
});
