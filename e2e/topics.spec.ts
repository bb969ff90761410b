import { expect, test } from './fixtures';
import { seed } from './support/seed';

test.describe('topics', () => {
  test('an article links each topic tag to a topic page that lists it', async ({ page, expectNoAxeViolations }) => {
    await page.goto(seed.path);
    const tags = page.getByRole('list', { name: 'Topics' }).getByRole('link');
    const names = await tags.allTextContents();
    expect(names.length, 'topic tags on the seed article').toBeGreaterThan(0);
    await tags.first().click();
    await expect(page).toHaveURL(/\/topics\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(names[0]!, { ignoreCase: true });
    await expect(page.locator(`main .usa-card a[href="${seed.path}"]`)).toHaveCount(1);
    await expectNoAxeViolations(page, 'topic page');
  });

  test('the topics index lists every topic with its article count', async ({ page, expectNoAxeViolations }) => {
    await page.goto('/topics');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Topics');
    const items = page.locator('main li');
    expect(await items.count()).toBeGreaterThan(2);
    for (const text of await items.allTextContents()) expect(text).toMatch(/\(\d+ articles?\)$/);
    const nato = page.getByRole('link', { name: 'NATO', exact: true });
    await nato.click();
    await expect(page).toHaveURL(/\/topics\/nato$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('NATO');
    const cards = await page.locator('main .usa-card').count();
    await page.goBack();
    await expect(page.locator('main li', { has: page.getByRole('link', { name: 'NATO', exact: true }) })).toContainText(
      `(${cards} ${cards === 1 ? 'article' : 'articles'})`,
    );
    await expectNoAxeViolations(page, 'topics index');
  });

  test('an unknown topic answers 404', async ({ request }) => {
    expect((await request.get('/topics/no-such-topic')).status()).toBe(404);
  });
});
