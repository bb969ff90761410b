import { expect, test } from './fixtures';
import { normalizeSpace, seed } from './support/seed';
import { ARTICLE_PATH, pathOf, TITLE_SUFFIX } from './support/site';

test.describe('seed article reproduces its source word for word', () => {
  test.beforeEach(async ({ page }) => {
    const response = await page.goto(seed.path);
    expect(response?.status(), `${seed.path} status`).toBe(200);
  });

  test('the page title and h1 are the seed title', async ({ page }) => {
    await expect(page).toHaveTitle(`${seed.title}${TITLE_SUFFIX}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await expect(page.locator('h1')).toHaveCount(1);
  });

  test('the breadcrumb reads Home › News › title with the title as the current page', async ({ page }) => {
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumbs' });
    await expect(breadcrumb).toHaveClass(/\busa-breadcrumb\b/);
    const items = breadcrumb.getByRole('listitem');
    await expect(items).toHaveText(['Home', 'News', seed.title]);
    await expect(breadcrumb.getByRole('link', { name: 'Home', exact: true })).toHaveAttribute('href', '/');
    await expect(breadcrumb.getByRole('link', { name: 'News', exact: true })).toHaveAttribute('href', '/news');
    const current = breadcrumb.locator('[aria-current="page"]');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText(seed.title);
    // aria-current sits on the last item or inside it.
    expect(
      await items.last().evaluate((li) => li.matches('[aria-current="page"]') || !!li.querySelector('[aria-current="page"]')),
      'aria-current="page" is on the last breadcrumb item',
    ).toBe(true);
  });

  test('the deck and every body paragraph appear exactly as paragraphs of the article', async ({ page }) => {
    const article = page.locator('main article');
    await expect(article).toHaveCount(1);
    const paragraphs = (await article.locator('p').allTextContents()).map(normalizeSpace);

    const expected = [seed.deck, ...seed.paragraphs].map(normalizeSpace);
    const missing = expected.filter((text) => !paragraphs.includes(text));
    expect(missing, `paragraphs not found word for word in a <p> of main article`).toEqual([]);

    // And in the source's order.
    const positions = expected.map((text) => paragraphs.indexOf(text));
    expect(positions, 'paragraph order').toEqual([...positions].sort((a, b) => a - b));
  });

  test('the publication date is June 13, 2023 with a machine-readable time', async ({ page }) => {
    const article = page.locator('main article');
    await expect(article.getByText('Published June 13, 2023')).toBeVisible();
    const time = article.locator('time', { hasText: 'June 13, 2023' }).first();
    expect(await time.getAttribute('datetime')).toMatch(/^2023-06-13/);
  });

  test('topics are shown as USWDS tags', async ({ page }) => {
    const tags = page.locator('main article .usa-tag');
    expect(await tags.count(), 'at least one .usa-tag').toBeGreaterThan(0);
    for (const tag of await tags.allTextContents()) expect(normalizeSpace(tag)).not.toBe('');
  });

  test('both figures carry the seed alt text and a caption with title, caption, credit and VIRIN in order', async ({
    page,
  }) => {
    for (const figure of seed.figures) {
      const img = page.locator('main figure img').and(page.getByAltText(figure.alt, { exact: true }));
      await expect(img, `image with alt "${figure.alt}"`).toHaveCount(1);
      const figcaption = page.locator('main figure', { has: img }).locator('figcaption');
      await expect(figcaption).toHaveCount(1);
      const text = normalizeSpace(await figcaption.innerText());
      const parts = [figure.title, figure.caption, `Credit: ${figure.credit}`, `VIRIN: ${figure.virin}`];
      let from = 0;
      for (const part of parts) {
        const at = text.indexOf(part, from);
        expect(at, `figcaption of ${figure.virin} has "${part}" after the previous part; it reads: ${text}`).toBeGreaterThanOrEqual(0);
        from = at + part.length;
      }
    }
    expect(seed.figures.map((f) => f.virin)).toEqual(['230613-D-D0439-002', '230613-O-D0439-001A']);
  });

  test('article images have sizes, the first loads eagerly and the rest lazily', async ({ page }) => {
    const images = page.locator('main article img');
    const attributes = await images.evaluateAll((imgs) =>
      imgs.map((img) => ({
        src: img.getAttribute('src'),
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        loading: img.getAttribute('loading'),
      })),
    );
    expect(attributes.length).toBeGreaterThanOrEqual(2);
    for (const image of attributes) {
      expect(image.width, `width on ${image.src}`).toMatch(/^\d+$/);
      expect(image.height, `height on ${image.src}`).toMatch(/^\d+$/);
    }
    const [first, ...rest] = attributes;
    expect(first?.loading, 'first image is not lazy').not.toBe('lazy');
    for (const image of rest) expect(image.loading, `loading on ${image.src}`).toBe('lazy');
  });

  test('the article has no byline', async ({ page }) => {
    const article = page.locator('main article');
    await expect(article.locator('[rel="author"], .byline, [class*="byline"]')).toHaveCount(0);
    const texts = (await article.locator('p, div, span, address').allTextContents()).map(normalizeSpace);
    expect(texts.filter((text) => /^By [A-Z]/.test(text))).toEqual([]);
  });

  test('Related Stories links to up to three other articles, never itself', async ({ page, request, baseURL }) => {
    const heading = page.getByRole('heading', { level: 2, name: 'Related Stories' });
    await expect(heading).toBeVisible();
    const hrefs = await heading.evaluate((h) => {
      const scope = h.closest('section, aside, nav') ?? h.parentElement;
      return [...(scope?.querySelectorAll('a[href]') ?? [])].map((a) => a.getAttribute('href') ?? '');
    });
    const paths = hrefs.map((href) => pathOf(href, baseURL ?? page.url()));
    expect(paths.length).toBeGreaterThanOrEqual(1);
    expect(paths.length).toBeLessThanOrEqual(3);
    for (const path of paths) {
      expect(path, 'related link points at an article').toMatch(ARTICLE_PATH);
      expect(path.replace(/\/$/, '')).not.toBe(seed.path);
      expect((await request.get(path)).status(), `${path} status`).toBe(200);
    }
  });

  test('the page has a meta description', async ({ page }) => {
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(normalizeSpace(description ?? '')).not.toBe('');
  });
});
