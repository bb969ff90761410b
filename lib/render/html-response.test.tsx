import { describe, expect, it, vi } from 'vitest';
import { htmlResponse, servePage } from './html-response';
import { page } from './outcome';

// The built asset names come from the build's manifest, which a unit run may not have.
vi.mock('@/lib/assets', () => ({
  siteAssets: () => ({ stylesheet: '/assets/site.test.css', script: '/assets/uswds.test.js', preloads: [] }),
}));

const PUBLIC = { kind: 'public' } as const;
const scripts = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);

describe('htmlResponse', () => {
  it('renders a whole document with the site script only, and an ETag for caches', async () => {
    const response = await htmlResponse(page({ title: 'A page title for the test', description: 'd' }, <p>Body text</p>), PUBLIC);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(html).toContain('<p>Body text</p>');
    expect(html).toContain('<title>A page title for the test | ');
    expect(html).not.toMatch(/_next\/static|__next_f|__NEXT_DATA__/);
    expect(scripts(html)).toEqual(['<script>', '<script src="/assets/uswds.test.js" defer="">']);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
    expect(response.headers.get('cache-control')).toBeNull();
  });

  it('gives a 404 page, a permanent redirect, and an error page that no cache keeps', async () => {
    const missing = await htmlResponse({ kind: 'not-found' }, PUBLIC);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<h1>Page not found</h1>');
    const moved = await htmlResponse({ kind: 'redirect', location: '/news', permanent: true }, PUBLIC);
    expect([moved.status, moved.headers.get('location')]).toEqual([308, '/news']);
    const failed = await htmlResponse({ kind: 'error' }, PUBLIC);
    expect(failed.status).toBe(500);
    expect(failed.headers.get('cache-control')).toContain('no-store');
    expect(await failed.text()).toContain('<h1>Something went wrong</h1>');
  });

  it('never lets a preview page into a cache, and marks it noindex', async () => {
    const response = await htmlResponse(page({ title: 'A draft article title', description: 'd' }, <p>Draft</p>), { kind: 'expired', credential: 'link' });
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(response.headers.get('etag')).toBeNull();
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).toContain('This preview link has expired');
  });
});

describe('servePage', () => {
  const failing = () => {
    throw new Error('render failed');
  };

  it('answers a failed per-request page with the error page', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await servePage(failing, PUBLIC, { dynamic: true });
    expect(response.status).toBe(500);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('hands a failed cached page to Next, which keeps the last good copy', async () => {
    await expect(servePage(failing, PUBLIC)).rejects.toThrow('render failed');
  });
});
