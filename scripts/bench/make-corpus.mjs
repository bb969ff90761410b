// `node scripts/bench/make-corpus.mjs --count 1000 --out /tmp/corpus-1000`: writes a synthetic
// content folder (news/, pages/, images/) for the benchmark, outside content/, to be read with
// CONTENT_DIR. Deterministic for a given count and seed. Articles have valid front matter, a
// lead image and one or two body figures, 450–900 words, 1–3 of 24 topics and dates spread over
// ten years; images are hard links to the real content images (copies across file systems).
// About 1% are drafts and 0.5% scheduled years ahead; each of those carries a sentinel word
// (SENTINEL_PREFIX + d|s + its number) in its title and body, so the benchmark can check that
// nothing the build or the server writes contains one (the leak check).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from '../random.mjs';

const TOPICS = [
  'Readiness', 'Installations', 'Disaster Response', 'NATO', 'Ukraine', 'Military Families',
  'Energy', 'Space', 'Training', 'Logistics', 'Cyber', 'Health', 'Research', 'Recruiting',
  'Veterans', 'Budget', 'Arctic', 'Pacific', 'Europe', 'Africa', 'Partnerships', 'Acquisition',
  'Environment', 'History',
];
const UNITS = ['airmen', 'soldiers', 'sailors', 'Marines', 'Guardians', 'civilian engineers', 'reservists', 'Coast Guard crews'];
const PLACES = [
  'Fort Liberty, North Carolina', 'Joint Base Lewis-McChord, Washington', 'Naval Station Norfolk, Virginia',
  'Keesler Air Force Base, Mississippi', 'Camp Lejeune, North Carolina', 'Grafenwoehr, Germany',
  'Bardufoss, Norway', 'Schriever Space Force Base, Colorado', 'Fort Wainwright, Alaska',
  'Joint Base Pearl Harbor-Hickam, Hawaii', 'Rota, Spain', 'Camp Humphreys, South Korea',
];
const ACTIONS = ['train', 'rebuild', 'test', 'practice', 'restore', 'modernize', 'plan', 'share'];
const OBJECTS = [
  'airfield lighting', 'cold-weather gear', 'supply routes', 'family readiness networks', 'power grids',
  'tracking data', 'medical evacuation drills', 'maintenance skills', 'housing repairs', 'water systems',
];
const SENTENCES = [
  'The exercise brought together {units} from several commands, who spent the week working through scenarios they expect to face.',
  'Planners said the work at {place} had been on the schedule for more than a year before it began.',
  '“We wanted to find the problems here, where they are cheap to fix,” said a senior officer who led the effort.',
  'Teams rotated through the stations in shifts, so that every crew saw each step at least twice.',
  'The lessons will be written into the next revision of the unit’s standard procedures, officials said.',
  'Local officials and partner nations observed several of the events and joined the after-action review.',
  'Weather slowed the first days of the work, and crews adjusted the schedule to keep the most important tasks on track.',
  'The {objects} at the center of the effort date from several decades ago and had not been fully tested since.',
  'Contractors worked alongside the {units}, and the two groups shared tools, spare parts and checklists.',
  'Officials expect the results to shape budget requests for the next two fiscal years.',
  'Family members were invited to an open house at the end of the week to see what the teams had done.',
  'The program is one of several meant to shorten the time it takes to recover after a storm, an outage or an attack.',
  'Participants said the hardest part was communicating across organizations that use different radios and software.',
  'A second phase, planned for next spring, will move the same drills to a different installation and a colder climate.',
];

export { random };

/** The start of every sentinel word; no other text of a corpus contains it. */
export const SENTINEL_PREFIX = 'xqleak';

/** Whether the article at `index` is a draft, scheduled (published, dated years ahead) or public. */
export function hiddenKind(index) {
  if (index % 97 === 13) return 'draft';
  if (index % 199 === 57) return 'scheduled';
  return undefined;
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const fill = (text, rand) =>
  text.replace('{units}', pick(rand, UNITS)).replace('{place}', pick(rand, PLACES)).replace('{objects}', pick(rand, OBJECTS));
const slugify = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const yamlString = (text) => JSON.stringify(text);

function paragraph(rand) {
  const count = 3 + Math.floor(rand() * 3);
  return Array.from({ length: count }, () => fill(pick(rand, SENTENCES), rand)).join(' ');
}

function figureBlock(fence, figure) {
  const lines = [`src: ${figure.src}`, `alt: ${yamlString(figure.alt)}`, `caption: ${yamlString(figure.caption)}`, `credit: ${yamlString(figure.credit)}`];
  return fence ? ['```figure', ...lines, '```'].join('\n') : lines.map((line) => `  ${line}`).join('\n');
}

/**
 * The Markdown files of a corpus of `count` articles, newest first by index, as
 * `{ slug, markdown, images: [file names] }`; `imageNames` are the available image files.
 */
export function makeArticles(options) {
  return [...generateArticles(options)];
}

/** makeArticles one at a time, so that writing 100,000 does not hold them all. */
function* generateArticles({ count, seed = 1, imageNames, newest = new Date(Date.UTC(2026, 10, 20, 15)), years = 10 }) {
  if (imageNames.length === 0) throw new Error('make-corpus: no source images to use for figures');
  const rand = random(seed);
  const span = years * 365.25 * 24 * 3600 * 1000;
  const year = 365.25 * 24 * 3600 * 1000;
  for (let i = 0; i < count; i += 1) {
    const kind = hiddenKind(i);
    // Not in the slug, which is built from the title before it is added.
    const sentinel = kind ? `${SENTINEL_PREFIX}${kind[0]}${i + 1}` : undefined;
    const units = pick(rand, UNITS);
    const action = pick(rand, ACTIONS);
    const objects = pick(rand, OBJECTS);
    const place = pick(rand, PLACES);
    const title = `${capitalize(units)} ${action} ${objects} at ${place.split(',')[0]}`;
    const slug = `${slugify(title)}-${i + 1}`;
    // Evenly spread from `newest` back over `years`, with jitter, so listings span every year.
    const spread = new Date(newest.getTime() - (i / Math.max(1, count)) * span - Math.floor(rand() * 3600 * 1000));
    const published = kind === 'scheduled' ? new Date(newest.getTime() + (2 + (i % 3)) * year) : spread;
    const topicCount = 1 + Math.floor(rand() * 3);
    const topics = [];
    while (topics.length < topicCount) {
      const topic = pick(rand, TOPICS);
      if (!topics.includes(topic)) topics.push(topic);
    }
    const lead = pick(rand, imageNames);
    const others = imageNames.length > 1 ? imageNames.filter((name) => name !== lead) : imageNames;
    const uniqueFigures = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(rand, others)))];
    const describe = (name) => ({
      src: name,
      alt: `${capitalize(units)} ${action} ${objects} at ${place}.`,
      caption: `${capitalize(units)} ${action} ${objects} at ${place}, ${published.toISOString().slice(0, 10)}.`,
      credit: 'Photo by the public affairs office',
    });
    const paragraphs = Array.from({ length: 6 + Math.floor(rand() * 5) }, () => paragraph(rand));
    if (sentinel) paragraphs.splice(1, 0, `The briefing notes for this story carry the reference ${sentinel} for the archive.`);
    const body = [];
    paragraphs.forEach((text, index) => {
      body.push(text);
      const figure = uniqueFigures[index - 2];
      if (index >= 2 && figure) body.push(figureBlock(true, describe(figure)));
    });
    const summary = `${capitalize(units)} at ${place} ${action} ${objects}, part of a wider effort to keep the force ready and its installations working.`.slice(0, 158);
    const markdown = [
      '---',
      `title: ${yamlString(sentinel ? `${title} ${sentinel}` : title)}`,
      `summary: ${yamlString(summary)}`,
      `date: ${published.toISOString().slice(0, 19)}Z`,
      `topics: [${topics.join(', ')}]`,
      `status: ${kind === 'draft' ? 'draft' : 'published'}`,
      'image:',
      figureBlock(false, describe(lead)),
      '---',
      body.join('\n\n'),
      '',
    ].join('\n');
    yield { slug, markdown, images: [lead, ...uniqueFigures], ...(kind ? { hidden: { kind, sentinel } } : {}) };
  }
}

/** Where writeCorpus lists a corpus's drafts and scheduled articles. */
export const hiddenListFile = (outDir) => `${path.resolve(outDir)}.hidden.json`;

function linkOrCopy(from, to) {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    if (error.code === 'EEXIST') return;
    fs.copyFileSync(from, to);
  }
}

/**
 * Writes the corpus to `outDir` (replacing it); the pages and their images are copied from `sourceDir`.
 * Its drafts and scheduled articles are listed in `<outDir>.hidden.json` (beside it, not in the content).
 */
export function writeCorpus({ count, outDir, sourceDir, seed = 1 }) {
  const sourceImages = new Map();
  const newsImages = path.join(sourceDir, 'images', 'news');
  for (const folder of fs.existsSync(newsImages) ? fs.readdirSync(newsImages).sort() : []) {
    for (const name of fs.readdirSync(path.join(newsImages, folder)).sort()) {
      if (/\.(jpe?g|png|webp)$/i.test(name) && !sourceImages.has(name)) sourceImages.set(name, path.join(newsImages, folder, name));
    }
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'news'), { recursive: true });
  fs.cpSync(path.join(sourceDir, 'pages'), path.join(outDir, 'pages'), { recursive: true });
  if (fs.existsSync(path.join(sourceDir, 'images', 'pages'))) {
    fs.cpSync(path.join(sourceDir, 'images', 'pages'), path.join(outDir, 'images', 'pages'), { recursive: true });
  }
  let articles = 0;
  const hidden = [];
  for (const article of generateArticles({ count, seed, imageNames: [...sourceImages.keys()] })) {
    articles += 1;
    if (article.hidden) hidden.push({ slug: article.slug, ...article.hidden });
    fs.writeFileSync(path.join(outDir, 'news', `${article.slug}.md`), article.markdown);
    const dir = path.join(outDir, 'images', 'news', article.slug);
    fs.mkdirSync(dir, { recursive: true });
    for (const name of article.images) linkOrCopy(sourceImages.get(name), path.join(dir, name));
  }
  fs.writeFileSync(hiddenListFile(outDir), `${JSON.stringify({ count, seed, hidden })}\n`);
  return {
    articles,
    drafts: hidden.filter((h) => h.kind === 'draft').length,
    scheduled: hidden.filter((h) => h.kind === 'scheduled').length,
    hidden,
  };
}

function parseArgs(argv) {
  const args = Object.fromEntries(
    argv.flatMap((arg, i) => (arg.startsWith('--') ? [[arg.slice(2).split('=')[0], arg.includes('=') ? arg.split('=')[1] : argv[i + 1]]] : [])),
  );
  const count = Number(args.count ?? 1000);
  if (!Number.isInteger(count) || count < 1) throw new Error(`make-corpus: --count must be a whole number ≥ 1, got ${args.count}`);
  return { count, outDir: path.resolve(args.out ?? `bench/work/corpus-${count}`), seed: Number(args.seed ?? 1) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { count, outDir, seed } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const result = writeCorpus({ count, outDir, seed, sourceDir: path.join(process.cwd(), 'content') });
  console.log(`Wrote ${result.articles} articles (${result.drafts} drafts, ${result.scheduled} scheduled) to ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
