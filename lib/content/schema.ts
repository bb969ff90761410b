import { z } from 'zod';
import { DATE_EXPECTED } from './dates';
import { describeValue, fieldName, type IssueList } from './issues';

/**
 * The shapes of front matter and figures (which fields, which types), with messages written for
 * an editor: what was expected, what was found. lib/content/front-matter.ts and figure.ts extend
 * them with the rules that need the file in context (dates in the site's time zone, image files,
 * VIRINs, alt against decorative), as transforms that produce the typed values.
 */

function typeError(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `required field is missing; expected ${expected}`
      : `expected ${expected}, got ${describeValue(issue.input)}`;
}

function requiredText(expected: string) {
  return z
    .string({ error: typeError(expected) })
    .refine((value) => value.trim() !== '', { error: `expected ${expected}, got ""` });
}

/** Optional text: missing, empty (`caption:`) or blank all mean "none". */
const optionalText = z.string({ error: typeError('text') }).nullable().optional();

export const ARTICLE_KEYS = ['title', 'summary', 'date', 'updated', 'byline', 'topics', 'status', 'image'] as const;
export const PAGE_KEYS = ['title', 'summary', 'updated'] as const;
export const BYLINE_KEYS = ['name', 'organization'] as const;
export const FIGURE_KEYS = ['src', 'alt', 'decorative', 'title', 'caption', 'credit', 'virin'] as const;

const dateText = requiredText(DATE_EXPECTED);

const frontMatterError = typeError('front matter fields (title: …, summary: …) between --- lines');

export const articleFrontMatterShape = z.strictObject(
  {
    title: requiredText('the headline as text'),
    summary: requiredText('a short summary as text'),
    date: dateText,
    updated: dateText.optional(),
    byline: z
      .strictObject(
        { name: requiredText("the author's name"), organization: optionalText },
        { error: typeError('a name and an optional organization (byline: then name: on the next line)') },
      )
      .optional(),
    topics: z
      .array(requiredText('a topic name'), { error: typeError('a list of topics, e.g. [NATO, Ukraine]') })
      .min(1, { error: 'expected at least one topic, e.g. [NATO, Ukraine], got an empty list' }),
    status: z.enum(['published', 'draft'], {
      error: (issue) =>
        issue.input === undefined
          ? 'required field is missing; expected "published" or "draft"'
          : `expected "published" or "draft", got ${describeValue(issue.input)}`,
    }),
    // The figure's own schema (lib/content/figure.ts), put in by lib/content/front-matter.ts.
    image: z.unknown().optional(),
  },
  { error: frontMatterError },
);

export const pageFrontMatterShape = z.strictObject(
  {
    title: requiredText('the page title as text'),
    summary: requiredText('a short summary as text (used as the meta description)'),
    updated: dateText.optional(),
  },
  { error: frontMatterError },
);

/** A figure's shape: which fields, which types (lib/content/figure.ts adds each field's rule). */
export const figureShape = z.strictObject(
  {
    src: requiredText('the image file name, e.g. 230613-D-D0439-002.jpg'),
    alt: z.string({
      error: (issue) =>
        issue.input === undefined
          ? 'required field is missing; describe the image for people who cannot see it (or write alt: "" with decorative: true)'
          : `expected text describing the image, got ${describeValue(issue.input)}`,
    }),
    decorative: z.boolean({ error: typeError('true or false') }).optional(),
    title: optionalText,
    caption: optionalText,
    credit: optionalText,
    virin: optionalText,
  },
  { error: typeError('the image fields src, alt, caption, credit and virin, one per line') },
);

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

export function unknownFieldMessage(key: string, allowed: readonly string[]): string {
  const close = allowed.find((name) => editDistance(key.toLowerCase(), name) <= 2);
  return close
    ? `unknown field; did you mean "${close}"?`
    : `unknown field; expected one of ${allowed.join(', ')}`;
}

export interface ShapeContext {
  issues: IssueList;
  /** Field prefix for messages: '' (front matter), 'image' or 'figure'. */
  prefix: string;
  /** Where this object sits inside its YAML block (`['image']` for the lead image). */
  basePath: readonly PropertyKey[];
  lineOf(path: readonly PropertyKey[]): number;
  allowedKeys(path: readonly PropertyKey[]): readonly string[];
}

/** Turns zod issues into editor-facing content issues, one per problem, each on its own line. */
export function reportShapeIssues(error: z.ZodError, context: ShapeContext): void {
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        context.issues.error(
          context.lineOf([...context.basePath, ...path]),
          fieldName(context.prefix, path),
          unknownFieldMessage(key, context.allowedKeys(issue.path)),
        );
      }
      continue;
    }
    context.issues.error(
      context.lineOf([...context.basePath, ...issue.path]),
      fieldName(context.prefix, issue.path) || 'frontmatter',
      issue.message,
    );
  }
}
