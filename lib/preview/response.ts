import { siteConfig } from '../site-config';

/** Headers on every response that belongs to staff preview. */
export const PREVIEW_HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex',
} as const;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small, complete HTML page for the preview route's refusals (401, 404, 503). Route
 * handlers cannot render the site layout, so this carries the USWDS stylesheet-free basics:
 * a language, a title, one heading, the reason, and a way home.
 */
export function previewProblem(status: number, heading: string, detail: string): Response {
  const body = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(heading)} | ${escape(siteConfig.siteName)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<main><h1>${escape(heading)}</h1><p>${escape(detail)}</p>
<p><a href="/">Go to the ${escape(siteConfig.siteName)} home page</a></p></main>
</body></html>`;
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...PREVIEW_HEADERS },
  });
}
