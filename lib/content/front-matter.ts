import path from 'node:path';
import { z } from 'zod';
import { MIN_DESCRIPTION_LENGTH } from '../metadata';
import { parseContentDate } from './dates';
import { blankToUndefined, figureSchema } from './figure';
import type { IssueList } from './issues';
import { articleFrontMatterShape, BYLINE_KEYS, ARTICLE_KEYS, FIGURE_KEYS, PAGE_KEYS, pageFrontMatterShape, reportShapeIssues } from './schema';
import type { Article, Byline, Figure, Page, Topic } from './types';
import type { YamlBlock } from './yaml-source';

/** Search results and link previews show about this many characters of a summary. */
export const MAX_SUMMARY_LENGTH = 160;

/** Where a file's front matter is read: its problems, its lines, the site's time zone, its images. */
export interface FrontMatterContext {
  issues: IssueList;
  block: YamlBlock;
  timeZone: string;
  contentDir: string;
  collection: 'news' | 'pages';
  slug: string;
}

/** A date as written and the instant it names in the site's time zone. */
interface DatedText {
  text: string;
  instant: Date;
}

const isDated = (value: unknown): value is DatedText => typeof value === 'object' && value !== null && (value as DatedText).instant instanceof Date;

/**
 * The zod schemas that turn a file's front matter into the typed fields of an `Article` or a
 * `Page`: the shape (lib/content/schema.ts), then each field's rule as a transform or refinement
 * with the file in context (the site's time zone for dates, the image folder for the lead image,
 * the line of each field for warnings, which zod does not have). Errors are zod issues, reported
 * on their lines by `reportShapeIssues`; one pass reports every problem of the file. Made once, and
 * given the file being read by `contextOf` (zod compiles a schema on its first parse: made per file,
 * they cost the build two minutes at 100,000 articles).
 */
function schemasFor(contextOf: () => FrontMatterContext) {
  const date = (shape: z.ZodType<string>) =>
    shape.transform((value, ctx): DatedText => {
      const result = parseContentDate(value, contextOf().timeZone);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message });
        return z.NEVER;
      }
      return { text: result.value, instant: result.instant };
    });
  const summary = (shape: z.ZodType<string>) =>
    shape
      .superRefine((value, ctx) => {
        const length = value.trim().length;
        // An empty summary is the shape's "required" error; the meta description minimum is about real text.
        if (length > 0 && length < MIN_DESCRIPTION_LENGTH) {
          ctx.addIssue({
            code: 'custom',
            message: `summary is ${length} characters; it is the page's meta description, which federal website standards require to be at least ${MIN_DESCRIPTION_LENGTH}`,
          });
        }
        if (length > MAX_SUMMARY_LENGTH) {
          const { issues, block } = contextOf();
          issues.warn(block.lineOf(['summary']), 'summary', `summary is ${length} characters; search results and link previews show about ${MAX_SUMMARY_LENGTH}, so keep it shorter`);
        }
      })
      .transform((value) => value.trim());
  const trimmed = (shape: z.ZodType<string>) => shape.transform((value) => value.trim());
  /** `updated` is not before `date`: run whatever else failed, when both dates were read. */
  const updatedAfterDate = (data: { date?: unknown; updated?: unknown }, ctx: z.RefinementCtx) => {
    if (isDated(data.date) && isDated(data.updated) && data.updated.instant < data.date.instant) {
      ctx.addIssue({ code: 'custom', path: ['updated'], message: `expected a date on or after date (${data.date.text}), got "${data.updated.text}"` });
    }
  };
  const a = articleFrontMatterShape.shape;
  const article = articleFrontMatterShape
    .extend({
      title: trimmed(a.title),
      summary: summary(a.summary),
      date: date(a.date),
      updated: date(a.updated.unwrap()).optional(),
      byline: a.byline.transform((byline): Byline | undefined => {
        if (!byline) return undefined;
        const organization = blankToUndefined(byline.organization);
        return organization ? { name: byline.name.trim(), organization } : { name: byline.name.trim() };
      }),
      topics: a.topics
        .superRefine(
          (names, ctx) => {
            // Each name the shape accepted: one with letters or digits, and no two the same.
            if (!Array.isArray(names)) return;
            const seen = new Map<string, string>();
            names.forEach((name: unknown, index) => {
              if (typeof name !== 'string' || name.trim() === '') return;
              const slug = topicSlug(name);
              if (slug === '') {
                ctx.addIssue({ code: 'custom', path: [index], message: `expected a topic name with letters or digits, got "${name}"` });
                return;
              }
              const first = seen.get(slug);
              if (first !== undefined) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate topic "${name.trim()}" (same as "${first}")` });
              else seen.set(slug, name.trim());
            });
          },
          { when: () => true },
        )
        .transform((names): Topic[] => names.map((name) => ({ name: name.trim(), slug: topicSlug(name) }))),
      image: figureSchema(() => {
        const { issues, block, contentDir, collection, slug } = contextOf();
        return {
          issues,
          prefix: 'image',
          basePath: ['image'],
          lineOf: block.lineOf,
          imageDir: path.join(contentDir, 'images', collection, slug),
          imageDirLabel: `content/images/${collection}/${slug}`,
          urlBase: `/images/${collection}/${slug}`,
        };
      }).optional(),
    })
    .superRefine(updatedAfterDate, { when: () => true });

  const p = pageFrontMatterShape.shape;
  const page = pageFrontMatterShape
    .extend({ title: trimmed(p.title), summary: summary(p.summary), updated: date(p.updated.unwrap()).optional() });

  return { article, page };
}

/** The slug of a topic name: lower-case ASCII letters and digits joined by single hyphens. */
export function topicSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The fields of an article its front matter gives. */
export type ArticleFrontMatter = Pick<Article, 'title' | 'summary' | 'date' | 'publishedAt' | 'updated' | 'updatedAt' | 'byline' | 'topics' | 'status' | 'image'>;
/** The fields of a page its front matter gives. */
export type PageFrontMatter = Pick<Page, 'title' | 'summary' | 'updated' | 'updatedAt'>;

function report(error: z.ZodError, context: FrontMatterContext, allowedKeys: (at: readonly PropertyKey[]) => readonly string[]): undefined {
  reportShapeIssues(error, { issues: context.issues, prefix: '', basePath: [], lineOf: context.block.lineOf, allowedKeys });
  return undefined;
}

/** The file being read (parsing is synchronous: one at a time). */
let current: FrontMatterContext | undefined;
const schemas = schemasFor(() => {
  if (!current) throw new Error('front matter is read only through readArticleFrontMatter or readPageFrontMatter');
  return current;
});

function parseWith<T>(schema: z.ZodType<T>, context: FrontMatterContext): ReturnType<z.ZodType<T>['safeParse']> {
  current = context;
  try {
    return schema.safeParse(context.block.data);
  } finally {
    current = undefined;
  }
}

/** An article's front matter as typed fields, or undefined with every problem reported on its line. */
export function readArticleFrontMatter(context: FrontMatterContext): ArticleFrontMatter | undefined {
  const parsed = parseWith(schemas.article, context);
  if (!parsed.success) return report(parsed.error, context, (at) => (at[0] === 'byline' ? BYLINE_KEYS : at[0] === 'image' ? FIGURE_KEYS : ARTICLE_KEYS));
  const { title, summary, date, updated, byline, topics, status, image } = parsed.data;
  const fields: ArticleFrontMatter = { title, summary, date: date.text, publishedAt: date.instant, topics, status };
  if (updated) Object.assign(fields, { updated: updated.text, updatedAt: updated.instant });
  if (byline) fields.byline = byline;
  if (image) fields.image = image satisfies Figure;
  return fields;
}

/** A page's front matter as typed fields, or undefined with every problem reported on its line. */
export function readPageFrontMatter(context: FrontMatterContext): PageFrontMatter | undefined {
  const parsed = parseWith(schemas.page, context);
  if (!parsed.success) return report(parsed.error, context, () => PAGE_KEYS);
  const { title, summary, updated } = parsed.data;
  const fields: PageFrontMatter = { title, summary };
  if (updated) Object.assign(fields, { updated: updated.text, updatedAt: updated.instant });
  return fields;
}
