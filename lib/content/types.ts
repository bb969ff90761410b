import type { Root } from 'hast';

/** One problem found in a content file. `line` is 1-based, in the file as written. */
export interface ContentIssue {
  /** Path relative to the project root, with forward slashes: `content/news/foo.md`. */
  file: string;
  line: number;
  /** Dotted field path (`date`, `image.alt`, `byline.name`), `figure.alt` for a body figure, `body` or `slug`. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

export type Status = 'published' | 'draft';

/** An image with everything a `<figure>` needs. Empty parts are undefined, never ''. */
export interface Figure {
  /** Public URL of the image file: `/images/news/<slug>/<file>`. */
  src: string;
  /** Intrinsic pixel size read from the file. */
  width: number;
  height: number;
  /** Required; '' only when `decorative` is true. */
  alt: string;
  decorative: boolean;
  title?: string;
  caption?: string;
  credit?: string;
  /** Normalized (upper-case, file extension stripped) VIRIN. */
  virin?: string;
}

export interface Byline {
  name: string;
  organization?: string;
}

export interface Topic {
  name: string;
  /** URL-safe kebab-case form of the name. */
  slug: string;
}

/** Markdown body converted to a sanitized HAST tree. Figures appear as `<figure data-figure-index="N">` placeholders. */
export interface Body {
  tree: Root;
  figures: Figure[];
}

export interface Article {
  slug: string;
  /** `/news/<slug>` */
  path: string;
  /** `content/news/<slug>.md` */
  sourcePath: string;
  /**
   * SHA-256 of the file's text, everything the article is made of: the build's search index
   * notes it per article, so a file changed since the build is indexed again (lib/search).
   */
  sourceHash: string;
  title: string;
  summary: string;
  /** Publication date as written (ISO 8601): feeds `<time dateTime>`. */
  date: string;
  /** The instant of publication (date-only values are midnight in the site's time zone). */
  publishedAt: Date;
  updated?: string;
  updatedAt?: Date;
  byline?: Byline;
  topics: Topic[];
  status: Status;
  image?: Figure;
  body: Body;
  /** Warnings (never errors) found while loading: legacy VIRIN forms and the like. */
  warnings: ContentIssue[];
}

export interface Page {
  slug: string;
  /** `/<slug>` */
  path: string;
  sourcePath: string;
  title: string;
  summary: string;
  updated?: string;
  updatedAt?: Date;
  body: Body;
  warnings: ContentIssue[];
}
