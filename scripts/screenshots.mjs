// Screenshots of each page template at desktop and phone width, for a person to look at
// (axe does not see a broken layout). Needs a running server:
//   npm start   then   npm run screenshots [-- /path /other-path]
// BASE_URL defaults to http://127.0.0.1:3000. Images go to screenshots/ (gitignored).
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findBrowser } from './find-browser.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const paths = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['/', '/news', '/news/biden-stoltenberg-confer-before-nato-summit', '/accessibility', '/no-such-page'];
const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: findBrowser() });
try {
  for (const [name, viewport] of Object.entries(viewports)) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    for (const path of paths) {
      await page.goto(base + path, { waitUntil: 'networkidle' });
      await page.waitForSelector('html:not(.usa-js-loading)');
      const file = `screenshots/${name}${path.replaceAll('/', '_') || '_'}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.goto(base + paths[0]);
    await page.waitForSelector('html:not(.usa-js-loading)');
    await page.getByRole('button', { name: 'Here’s how you know' }).click();
    await page.screenshot({ path: `screenshots/${name}_banner-open.png` });
    console.log(`screenshots/${name}_banner-open.png`);
    await page.close();
  }
} finally {
  await browser.close();
}
