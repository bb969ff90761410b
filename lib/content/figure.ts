import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { fieldName, type IssueList } from './issues';
import { FIGURE_KEYS, figureSchema, reportShapeIssues } from './schema';
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

function blankToUndefined(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : value.trim();
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function isBareFileName(src: string): boolean {
  return !src.includes('/') && !src.includes('\\') && !src.includes('..') && !URL_SCHEME.test(src) && !src.startsWith('.');
}

/** Checks one figure (lead image or body figure); returns it when it has no errors. */
export function readFigure(raw: unknown, context: FigureContext): Figure | undefined {
  const { issues } = context;
  const errorsBefore = issues.errorCount;
  const lineOf = (field: string) => context.lineOf([...context.basePath, field]);
  const field = (name: string) => fieldName(context.prefix, [name]);

  const parsed = figureSchema.safeParse(raw);
  if (!parsed.success) {
    reportShapeIssues(parsed.error, { ...context, allowedKeys: () => FIGURE_KEYS });
  }
  // Field rules run on whatever has the right type, so one pass reports every problem.
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const record: Record<string, unknown> = isObject ? (raw as Record<string, unknown>) : {};
  const src = typeof record.src === 'string' ? record.src.trim() : undefined;
  const alt = typeof record.alt === 'string' ? record.alt.trim() : undefined;
  const decorative = record.decorative === true;
  const virinRaw = typeof record.virin === 'string' ? blankToUndefined(record.virin) : undefined;

  let size: { width: number; height: number } | undefined;
  if (src) {
    if (!isBareFileName(src)) {
      issues.error(
        lineOf('src'),
        field('src'),
        `expected a bare file name from ${context.imageDirLabel}/ (no folders, no "..", no URL), got "${src}"`,
      );
    } else {
      const file = path.join(context.imageDir, src);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
        issues.error(lineOf('src'), field('src'), `expected an image file at ${context.imageDirLabel}/${src}, but there is none`);
      } else {
        try {
          const dimensions = imageSize(fs.readFileSync(file));
          if (!dimensions.width || !dimensions.height) throw new Error('no size');
          size = { width: dimensions.width, height: dimensions.height };
        } catch {
          issues.error(
            lineOf('src'),
            field('src'),
            `expected a JPEG, PNG, GIF, WebP or SVG image at ${context.imageDirLabel}/${src}, but its size cannot be read`,
          );
        }
      }
    }
  }

  if (alt !== undefined) {
    if (decorative && alt !== '') {
      issues.error(
        lineOf('alt'),
        field('alt'),
        `expected alt: "" because decorative is true, got "${alt.length > 60 ? `${alt.slice(0, 57)}...` : alt}"; remove decorative: true if the image carries meaning`,
      );
    } else if (!decorative && alt === '') {
      issues.error(
        lineOf('alt'),
        field('alt'),
        'expected a description of the image, got ""; an empty alt is allowed only with decorative: true',
      );
    } else if (alt.length > MAX_ALT_LENGTH) {
      issues.warn(
        lineOf('alt'),
        field('alt'),
        `alt text is ${alt.length} characters; keep it under ${MAX_ALT_LENGTH} and move detail into the caption`,
      );
    }
  }

  const credit = record.credit;
  if (isObject && (credit === undefined || credit === null || (typeof credit === 'string' && credit.trim() === ''))) {
    issues.warn(
      context.lineOf(context.basePath),
      field('credit'),
      'no credit; add who made the image, e.g. credit: DOD photo by Jane Doe',
    );
  }

  let virin: string | undefined;
  if (virinRaw !== undefined) {
    const result = parseVirin(virinRaw);
    if (!result.ok) {
      issues.error(lineOf('virin'), field('virin'), result.error);
    } else {
      virin = result.virin;
      for (const warning of result.warnings) issues.warn(lineOf('virin'), field('virin'), warning);
    }
  }

  if (!parsed.success || issues.errorCount > errorsBefore || !src || alt === undefined || !size) return undefined;
  const data = parsed.data;
  const figure: Figure = {
    src: `${context.urlBase}/${src}`,
    width: size.width,
    height: size.height,
    alt,
    decorative,
  };
  const title = blankToUndefined(data.title);
  const caption = blankToUndefined(data.caption);
  const creditText = blankToUndefined(data.credit);
  if (title) figure.title = title;
  if (caption) figure.caption = caption;
  if (creditText) figure.credit = creditText;
  if (virin) figure.virin = virin;
  return figure;
}
