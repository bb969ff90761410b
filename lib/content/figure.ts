import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { z } from 'zod';
import { fieldName, type IssueList } from './issues';
import { FIGURE_KEYS, figureShape, reportShapeIssues } from './schema';
import type { Figure } from './types';
import { parseVirin } from './virin';

export const MAX_ALT_LENGTH = 250;

export interface FigureContext {
  issues: IssueList;
  /** 'image' for the front-matter lead image, 'figure' for a body figure. */
  prefix: string;
  basePath: readonly PropertyKey[];
  lineOf(path: readonly PropertyKey[]): number;
  /** Absolute folder holding the images of this article or page. */
  imageDir: string;
  /** The same folder relative to the root, for messages: `content/images/news/<slug>`. */
  imageDirLabel: string;
  /** Public URL of the folder: `/images/news/<slug>`. */
  urlBase: string;
}

/** Missing, empty (`caption:`) or blank all mean "none"; anything else is trimmed. */
export function blankToUndefined(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : value.trim();
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function isBareFileName(src: string): boolean {
  return !src.includes('/') && !src.includes('\\') && !src.includes('..') && !URL_SCHEME.test(src) && !src.startsWith('.');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One figure (lead image or body figure) as a zod schema that produces the `Figure` itself: the
 * shape (figureShape), then each field's rule where it sits: the file on disk and its size for
 * `src`, the VIRIN's form, alt against decorative. Zod has no warnings: they go to
 * `context.issues` as they are found. Made once and given the figure's context by `contextOf` when
 * it parses: zod compiles a schema on its first parse, and a schema made per file (ten times a
 * figure's checking) cost the build two minutes at 100,000 articles. Field rules run whenever their field has the right type, so
 * one pass reports every problem of a figure.
 */
export function figureSchema(contextOf: () => FigureContext) {
  const lineOf = (name: string) => {
    const context = contextOf();
    return context.lineOf([...context.basePath, name]);
  };
  const field = (name: string) => fieldName(contextOf().prefix, [name]);
  const src = figureShape.shape.src.transform((value, ctx) => {
    const context = contextOf();
    const name = value.trim();
    if (!isBareFileName(name)) {
      ctx.addIssue({ code: 'custom', message: `expected a bare file name from ${context.imageDirLabel}/ (no folders, no "..", no URL), got "${name}"` });
      return z.NEVER;
    }
    const file = path.join(context.imageDir, name);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      ctx.addIssue({ code: 'custom', message: `expected an image file at ${context.imageDirLabel}/${name}, but there is none` });
      return z.NEVER;
    }
    try {
      const dimensions = imageSize(fs.readFileSync(file));
      if (!dimensions.width || !dimensions.height) throw new Error('no size');
      return { name, width: dimensions.width, height: dimensions.height };
    } catch {
      ctx.addIssue({ code: 'custom', message: `expected a JPEG, PNG, GIF, WebP or SVG image at ${context.imageDirLabel}/${name}, but its size cannot be read` });
      return z.NEVER;
    }
  });
  const virin = figureShape.shape.virin.transform((value, ctx) => {
    const text = blankToUndefined(value);
    if (text === undefined) return undefined;
    const result = parseVirin(text);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error });
      return z.NEVER;
    }
    for (const warning of result.warnings) contextOf().issues.warn(lineOf('virin'), field('virin'), warning);
    return result.virin;
  });
  const text = (shape: typeof figureShape.shape.title) => shape.transform(blankToUndefined);
  return figureShape
    .extend({ src, virin, title: text(figureShape.shape.title), caption: text(figureShape.shape.caption), credit: text(figureShape.shape.credit) })
    .superRefine(
      (raw, ctx) => {
        // Run whatever else failed: `raw` holds each field as given, or as its rule made it.
        if (!isRecord(raw)) return;
        const context = contextOf();
        if (raw.credit === undefined || raw.credit === null || (typeof raw.credit === 'string' && raw.credit.trim() === '')) {
          context.issues.warn(context.lineOf(context.basePath), field('credit'), 'no credit; add who made the image, e.g. credit: DOD photo by Jane Doe');
        }
        if (typeof raw.alt !== 'string') return;
        const alt = raw.alt.trim();
        const decorative = raw.decorative === true;
        if (decorative && alt !== '') {
          ctx.addIssue({
            code: 'custom',
            path: ['alt'],
            message: `expected alt: "" because decorative is true, got "${alt.length > 60 ? `${alt.slice(0, 57)}...` : alt}"; remove decorative: true if the image carries meaning`,
          });
        } else if (!decorative && alt === '') {
          ctx.addIssue({ code: 'custom', path: ['alt'], message: 'expected a description of the image, got ""; an empty alt is allowed only with decorative: true' });
        } else if (alt.length > MAX_ALT_LENGTH) {
          context.issues.warn(lineOf('alt'), field('alt'), `alt text is ${alt.length} characters; keep it under ${MAX_ALT_LENGTH} and move detail into the caption`);
        }
      },
      { when: () => true },
    )
    .transform((data): Figure => {
      const figure: Figure = { src: `${contextOf().urlBase}/${data.src.name}`, width: data.src.width, height: data.src.height, alt: data.alt.trim(), decorative: data.decorative === true };
      if (data.title) figure.title = data.title;
      if (data.caption) figure.caption = data.caption;
      if (data.credit) figure.credit = data.credit;
      if (data.virin) figure.virin = data.virin;
      return figure;
    });
}

/** Checks one body figure, reporting every problem on its line; the figure when it has no errors. */
export function readFigure(raw: unknown, context: FigureContext): Figure | undefined {
  current = context;
  try {
    const parsed = bodyFigure.safeParse(raw);
    if (parsed.success) return parsed.data;
    reportShapeIssues(parsed.error, { ...context, allowedKeys: () => FIGURE_KEYS });
    return undefined;
  } finally {
    current = undefined;
  }
}

/** The body figure being read (parsing is synchronous: one at a time). */
let current: FigureContext | undefined;
const bodyFigure = figureSchema(() => {
  if (!current) throw new Error('a body figure is checked only through readFigure');
  return current;
});
