/**
 * The deliberately broken pages for the audit's self-test (e2e/a11y/fixtures/). They are served
 * inside the browser by page.route on the test's own origin and never reach the server or the
 * public site.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';

export const BROKEN_FIXTURE_PATH = '/__a11y-fixture__/broken';
const FIXTURES: Record<string, string> = {
  [BROKEN_FIXTURE_PATH]: path.join(__dirname, 'fixtures', 'broken.html'),
  '/__a11y-fixture__/broken-landmarks': path.join(__dirname, 'fixtures', 'broken-landmarks.html'),
};

/** Routes the fixtures' URLs (and their dead links) in this page and loads one. */
export async function openFixture(page: Page, fixturePath: string): Promise<void> {
  await page.route('**/__a11y-fixture__/**', (route) => {
    const file = FIXTURES[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ path: file, contentType: 'text/html; charset=utf-8' }) : route.fulfill({ status: 204, body: '' });
  });
  await page.goto(fixturePath);
}

/** The page with one of nearly everything wrong (fixtures/broken.html). */
export async function openBrokenFixture(page: Page): Promise<void> {
  await openFixture(page, BROKEN_FIXTURE_PATH);
}

/** The page whose skip link, landmarks and title are wrong (fixtures/broken-landmarks.html). */
export async function openBrokenLandmarksFixture(page: Page): Promise<void> {
  await openFixture(page, '/__a11y-fixture__/broken-landmarks');
}
