/**
 * The deliberately broken page for the audit's self-test. It is served inside the browser by
 * page.route on the test's own origin and never reaches the server or the public site.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';

export const BROKEN_FIXTURE_PATH = '/__a11y-fixture__/broken';
const FILE = path.join(__dirname, 'fixtures', 'broken.html');

/** Routes the fixture's URL (and its dead links) in this page and loads it. */
export async function openBrokenFixture(page: Page): Promise<void> {
  await page.route('**/__a11y-fixture__/**', (route) =>
    new URL(route.request().url()).pathname === BROKEN_FIXTURE_PATH
      ? route.fulfill({ path: FILE, contentType: 'text/html; charset=utf-8' })
      : route.fulfill({ status: 204, body: '' }),
  );
  await page.goto(BROKEN_FIXTURE_PATH);
}
