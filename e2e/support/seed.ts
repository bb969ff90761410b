import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The seed article as copied from the original page (e2e/fixtures/seed-article.txt): banner copy,
 * title, deck, body paragraphs with two figure blocks, and a trailing "Related Stories" line.
 * The tests derive everything from this text so a fidelity failure points at the source.
 */
export interface SeedFigure {
  alt: string;
  title: string;
  caption: string;
  credit: string;
  virin: string;
}

export interface SeedArticle {
  slug: string;
  path: string;
  title: string;
  deck: string;
  paragraphs: string[];
  figures: SeedFigure[];
}

export const SEED_SLUG = 'biden-stoltenberg-confer-before-nato-summit';

/** Collapses whitespace (including the no-break spaces the copied page left at line ends). */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A figure block is five lines: alt, title, caption, "Credit: …", "VIRIN: …". */
const FIGURE_LINES = 5;

export function parseSeed(text: string): SeedArticle {
  const lines = text.split(/\r?\n/).map((line) => line.trim());

  const virinLines = lines.flatMap((line, index) => (line.startsWith('VIRIN:') ? [index] : []));
  if (virinLines.length === 0) throw new Error('seed-article.txt: no "VIRIN:" line, so no figure block found');

  const figureBlocks = virinLines.map((virinIndex) => {
    const start = virinIndex - (FIGURE_LINES - 1);
    const [alt, title, caption, creditLine, virinLine] = lines.slice(start, virinIndex + 1);
    if (!alt || !title || !caption || !creditLine?.startsWith('Credit:') || !virinLine) {
      throw new Error(`seed-article.txt: malformed figure block ending on line ${virinIndex + 1}`);
    }
    const figure: SeedFigure = {
      alt,
      title,
      caption,
      credit: normalizeSpace(creditLine.slice('Credit:'.length)),
      virin: normalizeSpace(virinLine.slice('VIRIN:'.length)),
    };
    return { start, end: virinIndex, figure };
  });

  const firstFigureStart = figureBlocks[0]!.start;
  const beforeFigure = lines.slice(0, firstFigureStart).filter((line) => line !== '');
  const deck = beforeFigure.at(-1);
  const title = beforeFigure.at(-2);
  if (!title || !deck) throw new Error('seed-article.txt: expected a title and a deck before the first figure');

  const inFigure = (index: number) => figureBlocks.some((block) => index >= block.start && index <= block.end);
  const paragraphs = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line, index }) => index > firstFigureStart && line !== '' && !inFigure(index))
    .map(({ line }) => line)
    .filter((line) => line !== 'Related Stories');

  return {
    slug: SEED_SLUG,
    path: `/news/${SEED_SLUG}`,
    title,
    deck,
    paragraphs,
    figures: figureBlocks.map((block) => block.figure),
  };
}

export const seed: SeedArticle = parseSeed(
  readFileSync(path.join(__dirname, '..', 'fixtures', 'seed-article.txt'), 'utf8'),
);
