import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenRoot, goodRoot, JPEG_40x30, lines, makeTree, removeTrees } from './__fixtures__/make-tree';
import { ContentError, formatIssue } from './issues';
import { createContentStore } from './store';

afterAll(removeTrees);

const good = createContentStore(goodRoot);
const AFTER_ALL_2023 = new Date('2024-01-01T00:00:00Z');

/** Every issue an editor would see for a tree of files, formatted. */
function report(files: Record<string, string | Buffer>): string[] {
  return createContentStore(makeTree(files)).checkContent().map(formatIssue);
}

const FRONT = ['title: Test Story', 'summary: A test story with a summary long enough for a meta description.', 'date: 2023-06-13', 'topics: [NATO]', 'status: published'];

/** An article whose front matter is FRONT with `edit` applied, then the body lines. */
function article(edit: (front: string[]) => string[] = (front) => front, ...body: string[]): string {
  return lines('---', ...edit([...FRONT]), '---', '', ...(body.length > 0 ? body : ['Text.']));
}

const IMAGES = 'content/images/news/test-story';

describe('a good article', () => {
  const lead = good.getArticles().find((item) => item.slug === 'biden-stoltenberg-confer');

  it('is read into typed values', () => {
    expect(lead).toBeDefined();
    expect(lead).toMatchObject({
      slug: 'biden-stoltenberg-confer',
      path: '/news/biden-stoltenberg-confer',
      sourcePath: 'content/news/2023/biden-stoltenberg-confer.md',
      title: 'Biden, Stoltenberg Confer Before NATO Summit',
      summary:
        'President Joe Biden and NATO Secretary General Jens Stoltenberg met at the White House ahead of the summit in Vilnius.',
      date: '2023-06-13',
      updated: '2023-06-14T09:30:00-04:00',
      byline: { name: 'Jim Garamone', organization: 'DOD News' },
      status: 'published',
    });
  });

  it('starts a date-only publication at midnight in America/New_York', () => {
    expect(lead?.publishedAt.toISOString()).toBe('2023-06-13T04:00:00.000Z');
    expect(lead?.updatedAt?.toISOString()).toBe('2023-06-14T13:30:00.000Z');
  });

  it('gives every topic a kebab-case slug', () => {
    expect(lead?.topics).toEqual([
      { name: 'NATO', slug: 'nato' },
      { name: 'Ukraine', slug: 'ukraine' },
      { name: 'Alliance Summit', slug: 'alliance-summit' },
    ]);
  });

  it('reads the lead image size from the file and normalizes its VIRIN', () => {
    expect(lead?.image).toEqual({
      src: '/images/news/biden-stoltenberg-confer/230613-D-D0439-002.jpg',
      width: 40,
      height: 30,
      alt: 'Two men dressed in business suits smile and talk.',
      decorative: false,
      title: 'Leaders Meeting',
      caption: 'NATO Secretary General Jens Stoltenberg and President Joe Biden meet at the White House, June 13, 2023.',
      credit: 'NATO photo',
      virin: '230613-D-D0439-002',
    });
  });

  it('turns a body figure block into a placeholder and a Figure', () => {
    expect(lead?.body.figures).toEqual([
      {
        src: '/images/news/biden-stoltenberg-confer/230613-O-D0439-001A.jpg',
        width: 32,
        height: 20,
        alt: 'Two men dressed in business suits sit in a room and talk.',
        decorative: false,
        title: 'Leaders Meeting',
        caption: 'NATO Secretary General Jens Stoltenberg and President Joe Biden meet at the White House, June 13, 2023.',
        credit: 'NATO photo',
        virin: '230613-O-D0439-001A',
      },
    ]);
    const placeholder = lead?.body.tree.children.find((node) => node.type === 'element' && node.tagName === 'figure');
    expect(placeholder).toEqual({ type: 'element', tagName: 'figure', properties: { dataFigureIndex: 0 }, children: [] });
  });

  it('keeps typography exactly as written', () => {
    const first = lead?.body.tree.children[0];
    expect(first?.type === 'element' && first.tagName === 'p' && first.children).toEqual([
      {
        type: 'text',
        value:
          'President Joe Biden said "the alliance is stronger than ever," and Stoltenberg’s reply — "[Poland] will host" — came after Zelenskyy’s call from Kyiv; Peña and Renée took notes.',
      },
    ]);
  });

  it('keeps the legacy VIRIN warnings on the article, not as errors', () => {
    expect(lead?.warnings.map(formatIssue)).toEqual([
      'content/news/2023/biden-stoltenberg-confer.md:17: image.virin: warning: 230613-D-D0439-002 has the legacy 3-digit sequence "002"; current VIRINs use 4 digits (scene 1–9, then 001–999)',
      'content/news/2023/biden-stoltenberg-confer.md:28: figure.virin: warning: 230613-O-D0439-001A has the legacy 3-digit sequence "001"; current VIRINs use 4 digits (scene 1–9, then 001–999)',
    ]);
  });

  it('survives JSON serialization (no functions or class instances in the body)', () => {
    expect(JSON.parse(JSON.stringify(lead?.body))).toEqual(lead?.body);
  });
});

describe('pages', () => {
  it('are read with their path, figures from content/images/pages and a decorative image', () => {
    expect(good.getPages().map((page) => page.slug)).toEqual(['about']);
    const about = good.getPage('about');
    expect(about).toMatchObject({
      slug: 'about',
      path: '/about',
      sourcePath: 'content/pages/about.md',
      title: 'About DOD News',
      summary: 'Who we are, what this newsroom publishes and how to reach the editors.',
      updated: '2024-01-02',
      updatedAt: new Date('2024-01-02T05:00:00Z'),
      warnings: [],
    });
    expect(about?.body.figures).toEqual([
      { src: '/images/pages/about/seal.png', width: 16, height: 12, alt: '', decorative: true, credit: 'DOD graphic' },
    ]);
    expect(good.getPage('missing')).toBeUndefined();
  });

  it('report unknown fields such as article-only keys', () => {
    expect(
      report({ 'content/pages/contact.md': lines('---', 'title: Contact', 'summary: How to reach the newsroom by email, telephone or mail.', 'status: draft', '---', '', 'Hi.') }),
    ).toEqual(['content/pages/contact.md:4: status: unknown field; expected one of title, summary, updated']);
  });
});

describe('what is public', () => {
  it('getArticles has every status, newest first', () => {
    expect(good.getArticles().map((item) => item.slug)).toEqual([
      'nato-summit-scheduled',
      'allies-meet-in-poland',
      'ukraine-aid-update',
      'nato-exercise-draft',
      'biden-stoltenberg-confer',
      'budget-request-released',
    ]);
  });

  it('drafts and future-dated articles are never public', () => {
    expect(good.getPublicArticles(AFTER_ALL_2023).map((item) => item.slug)).toEqual([
      'allies-meet-in-poland',
      'ukraine-aid-update',
      'biden-stoltenberg-confer',
      'budget-request-released',
    ]);
    expect(good.getPublicArticle('nato-exercise-draft', AFTER_ALL_2023)).toBeUndefined();
    expect(good.getPublicArticle('nato-summit-scheduled', AFTER_ALL_2023)).toBeUndefined();
    expect(good.getPublicArticle('ukraine-aid-update', AFTER_ALL_2023)?.title).toBe('Ukraine Aid Update');
  });

  it('a scheduled article becomes public at its publication instant, a draft never does', () => {
    const at = new Date('2030-01-01T15:00:00Z');
    expect(good.getPublicArticle('nato-summit-scheduled', new Date(at.getTime() - 1))).toBeUndefined();
    expect(good.getPublicArticle('nato-summit-scheduled', at)?.slug).toBe('nato-summit-scheduled');
    expect(good.getPublicArticle('nato-exercise-draft', new Date('2099-01-01'))).toBeUndefined();
  });

  it('related stories rank by shared topics, then newest, and skip the article itself, drafts and scheduled ones', () => {
    const lead = good.getPublicArticle('biden-stoltenberg-confer', AFTER_ALL_2023);
    expect(lead).toBeDefined();
    if (!lead) return;
    expect(good.getRelatedArticles(lead, 3, AFTER_ALL_2023).map((item) => item.slug)).toEqual([
      'ukraine-aid-update',
      'allies-meet-in-poland',
    ]);
    expect(good.getRelatedArticles(lead, 1, AFTER_ALL_2023).map((item) => item.slug)).toEqual(['ukraine-aid-update']);
  });
});

describe('front matter errors', () => {
  it('a missing required field points at the --- line', () => {
    expect(report({ 'content/news/test-story.md': article((f) => f.filter((l) => !l.startsWith('summary'))) })).toEqual([
      'content/news/test-story.md:1: summary: required field is missing; expected a short summary as text',
    ]);
  });

  it('a wrong-typed field says what was expected and found', () => {
    expect(report({ 'content/news/test-story.md': article((f) => f.with(3, 'topics: "NATO"')) })).toEqual([
      'content/news/test-story.md:5: topics: expected a list of topics, e.g. [NATO, Ukraine], got "NATO"',
    ]);
  });

  it('an unknown key is an error with a suggestion', () => {
    expect(report({ 'content/news/test-story.md': article((f) => f.with(1, 'sumary: A test story.')) })).toEqual([
      'content/news/test-story.md:1: summary: required field is missing; expected a short summary as text',
      'content/news/test-story.md:3: sumary: unknown field; did you mean "summary"?',
    ]);
  });

  it('a prose date is rejected', () => {
    expect(report({ 'content/news/test-story.md': article((f) => f.with(2, 'date: June 13')) })).toEqual([
      'content/news/test-story.md:4: date: expected an ISO 8601 date (YYYY-MM-DD), got "June 13"',
    ]);
  });

  it('an impossible calendar date is rejected', () => {
    expect(report({ 'content/news/test-story.md': article((f) => f.with(2, 'date: 2023-02-30')) })).toEqual([
      'content/news/test-story.md:4: date: expected a real calendar date, got "2023-02-30"',
    ]);
  });

  it('updated must not be before date', () => {
    expect(report({ 'content/news/test-story.md': article((f) => [...f, 'updated: 2023-06-12']) })).toEqual([
      'content/news/test-story.md:7: updated: expected a date on or after date (2023-06-13), got "2023-06-12"',
    ]);
  });

  it('an unknown status is rejected', () => {
    expect(report({ 'content/news/test-story.md': article((f) => f.with(4, 'status: live')) })).toEqual([
      'content/news/test-story.md:6: status: expected "published" or "draft", got "live"',
    ]);
  });

  it('empty and duplicate topics are rejected at their own line', () => {
    expect(
      report({ 'content/news/test-story.md': article((f) => f.with(3, 'topics:\n  - NATO\n  - Ukraine\n  - nato\n  - ""')) }),
    ).toEqual([
      'content/news/test-story.md:8: topics[2]: duplicate topic "nato" (same as "NATO")',
      'content/news/test-story.md:9: topics[3]: expected a topic name, got ""',
    ]);
  });

  it('a byline without a name is rejected inside the byline', () => {
    expect(report({ 'content/news/test-story.md': article((f) => [...f, 'byline:', '  organization: DOD News']) })).toEqual([
      'content/news/test-story.md:7: byline.name: required field is missing; expected the author\'s name',
    ]);
  });

  it('a YAML syntax error is reported at its line', () => {
    expect(report({ 'content/news/test-story.md': article((f) => f.with(0, 'title: Biden: Stoltenberg Meet')) })).toEqual([
      'content/news/test-story.md:2: frontmatter: YAML syntax error: Nested mappings are not allowed in compact mappings; if a value contains ": " or starts with a quote, put the whole value in quotes',
    ]);
  });

  it('a file without front matter says so', () => {
    expect(report({ 'content/news/test-story.md': lines('Just text.') })).toEqual([
      'content/news/test-story.md:1: frontmatter: expected front matter between --- lines at the top of the file, found none',
    ]);
  });

  it('a summary too long for a meta description is a warning', () => {
    const long = 'A'.repeat(161);
    expect(report({ 'content/news/test-story.md': article((f) => f.with(1, `summary: ${long}`)) })).toEqual([
      'content/news/test-story.md:3: summary: warning: summary is 161 characters; search results and link previews show about 160, so keep it shorter',
    ]);
  });

  it('a summary too short for a meta description is an error, for articles and pages', () => {
    const page = lines('---', 'title: Contact Us', 'summary: "  Reach the newsroom.  "', '---', '', 'Hi.');
    expect(
      report({ 'content/news/test-story.md': article((f) => f.with(1, `summary: ${'A'.repeat(49)}`)), 'content/pages/contact.md': page }),
    ).toEqual([
      "content/news/test-story.md:3: summary: summary is 49 characters; it is the page's meta description, which federal website standards require to be at least 50",
      "content/pages/contact.md:3: summary: summary is 19 characters; it is the page's meta description, which federal website standards require to be at least 50",
    ]);
    expect(report({ 'content/news/test-story.md': article((f) => f.with(1, `summary: ${'A'.repeat(50)}`)) })).toEqual([]);
  });
});

describe('file names', () => {
  it('the same slug in two folders is an error on both files', () => {
    expect(report({ 'content/news/2023/test-story.md': article(), 'content/news/2024/test-story.md': article() })).toEqual([
      'content/news/2023/test-story.md:1: slug: the slug "test-story" is also used by content/news/2024/test-story.md; every slug must be unique',
      'content/news/2024/test-story.md:1: slug: the slug "test-story" is also used by content/news/2023/test-story.md; every slug must be unique',
    ]);
  });

  it('an article slug of digits only is an error: /news/<digits> is the archive by date', () => {
    expect(report({ 'content/news/2023.md': article(), 'content/news/2023-budget-request.md': article() })).toEqual([
      'content/news/2023.md:1: slug: the slug "2023" is only digits, which /news/2023 keeps for the archive by date; add a word to the file name (e.g. 2023-budget-request.md)',
    ]);
    // A content page is at /<slug>, beside no archive: digits are fine there.
    const page = lines('---', 'title: The year 2023 in review', `summary: ${'A'.repeat(60)}`, '---', '', 'Hi.');
    expect(report({ 'content/pages/2023.md': page })).toEqual([]);
  });

  it('a file name that is not a slug is an error', () => {
    expect(report({ 'content/news/Test_Story.md': article() })).toEqual([
      'content/news/Test_Story.md:1: slug: expected a file name of lower-case letters, digits and single hyphens (e.g. biden-stoltenberg-meet.md), got "Test_Story.md"',
    ]);
  });
});

describe('figures', () => {
  const leadImage = (...fields: string[]) => (f: string[]) => [...f, 'image:', ...fields.map((field) => `  ${field}`)];
  const figureBlock = (...fields: string[]) => ['```figure', ...fields, '```'];

  it('one pass reports every problem of the front matter and its lead image, the rules that compare two fields included', () => {
    const front = [
      'title: ""',
      'summary: Too short.',
      'date: 2023-06-13',
      'updated: 2023-06-12',
      'topics: [NATO, "", nato]',
      'status: live',
      'colour: blue',
      'image:',
      '  src: ../a.jpg',
      '  alt: A photo.',
      '  decorative: true',
      '  virin: 230613-D-D0439',
      '  captoin: Typo.',
    ];
    expect(report({ 'content/news/test-story.md': lines('---', ...front, '---', '', 'Text.') })).toEqual([
      'content/news/test-story.md:2: title: expected the headline as text, got ""',
      "content/news/test-story.md:3: summary: summary is 10 characters; it is the page's meta description, which federal website standards require to be at least 50",
      'content/news/test-story.md:5: updated: expected a date on or after date (2023-06-13), got "2023-06-12"',
      'content/news/test-story.md:6: topics[1]: expected a topic name, got ""',
      'content/news/test-story.md:6: topics[2]: duplicate topic "nato" (same as "NATO")',
      'content/news/test-story.md:7: status: expected "published" or "draft", got "live"',
      'content/news/test-story.md:8: colour: unknown field; expected one of title, summary, date, updated, byline, topics, status, image',
      'content/news/test-story.md:9: image.credit: warning: no credit; add who made the image, e.g. credit: DOD photo by Jane Doe',
      `content/news/test-story.md:10: image.src: expected a bare file name from ${IMAGES}/ (no folders, no "..", no URL), got "../a.jpg"`,
      'content/news/test-story.md:11: image.alt: expected alt: "" because decorative is true, got "A photo."; remove decorative: true if the image carries meaning',
      'content/news/test-story.md:13: image.virin: expected a VIRIN like 230613-D-D0439-1001 (YYMMDD-S-XXXXX-NNNN), got "230613-D-D0439": expected four parts (date, service, ID, sequence), got 3',
      'content/news/test-story.md:14: image.captoin: unknown field; did you mean "caption"?',
    ]);
  });

  it('a missing image file is an error naming the expected path', () => {
    expect(
      report({ 'content/news/test-story.md': article(leadImage('src: photo.jpg', 'alt: A photo.', 'credit: DOD photo')) }),
    ).toEqual([
      'content/news/test-story.md:8: image.src: expected an image file at content/images/news/test-story/photo.jpg, but there is none',
    ]);
  });

  it.each([['../secret.jpg'], ['/etc/passwd'], ['https://example.com/a.jpg'], ['sub\\\\a.jpg']])(
    'src %s cannot leave the article image folder',
    (src) => {
      expect(
        report({
          'content/news/test-story.md': article(leadImage(`src: "${src}"`, 'alt: A photo.', 'credit: DOD photo')),
          'public/secret.jpg': JPEG_40x30,
        }),
      ).toEqual([
        `content/news/test-story.md:8: image.src: expected a bare file name from content/images/news/test-story/ (no folders, no "..", no URL), got "${src.replace('\\\\', '\\')}"`,
      ]);
    },
  );

  it('a file that is not an image is an error', () => {
    expect(
      report({
        'content/news/test-story.md': article(leadImage('src: notes.jpg', 'alt: A photo.', 'credit: DOD photo')),
        [`${IMAGES}/notes.jpg`]: 'not an image',
      }),
    ).toEqual([
      'content/news/test-story.md:8: image.src: expected a JPEG, PNG, GIF, WebP or SVG image at content/images/news/test-story/notes.jpg, but its size cannot be read',
    ]);
  });

  it('a body figure without alt is an error at the fence line', () => {
    expect(
      report({
        'content/news/test-story.md': article(undefined, 'Intro.', '', ...figureBlock('src: a.jpg', 'credit: DOD photo')),
        [`${IMAGES}/a.jpg`]: JPEG_40x30,
      }),
    ).toEqual([
      'content/news/test-story.md:11: figure.alt: required field is missing; describe the image for people who cannot see it (or write alt: "" with decorative: true)',
    ]);
  });

  it('an empty alt needs decorative: true, and a decorative image needs an empty alt', () => {
    expect(
      report({
        'content/news/test-story.md': article(
          undefined,
          ...figureBlock('src: a.jpg', "alt: ''", 'credit: DOD photo'),
          '',
          ...figureBlock('src: a.jpg', 'alt: A seal.', 'decorative: true', 'credit: DOD photo'),
        ),
        [`${IMAGES}/a.jpg`]: JPEG_40x30,
      }),
    ).toEqual([
      'content/news/test-story.md:11: figure.alt: expected a description of the image, got ""; an empty alt is allowed only with decorative: true',
      'content/news/test-story.md:17: figure.alt: expected alt: "" because decorative is true, got "A seal."; remove decorative: true if the image carries meaning',
    ]);
  });

  it('long alt text and a missing credit are warnings', () => {
    const issues = report({
      'content/news/test-story.md': article(undefined, ...figureBlock('src: a.jpg', `alt: ${'x'.repeat(251)}`)),
      [`${IMAGES}/a.jpg`]: JPEG_40x30,
    });
    expect(issues).toEqual([
      'content/news/test-story.md:9: figure.credit: warning: no credit; add who made the image, e.g. credit: DOD photo by Jane Doe',
      'content/news/test-story.md:11: figure.alt: warning: alt text is 251 characters; keep it under 250 and move detail into the caption',
    ]);
  });

  it('an unknown figure field and a wrong type are reported at their lines', () => {
    expect(
      report({
        'content/news/test-story.md': article(
          undefined,
          ...figureBlock('src: a.jpg', 'alt: A photo.', 'credit: DOD photo', 'captoin: Typo.', 'decorative: yes'),
        ),
        [`${IMAGES}/a.jpg`]: JPEG_40x30,
      }),
    ).toEqual([
      'content/news/test-story.md:13: figure.captoin: unknown field; did you mean "caption"?',
      'content/news/test-story.md:14: figure.decorative: expected true or false, got "yes"',
    ]);
  });

  it.each([
    ['231301-D-D0439-002', '231301 is not a real date (YYMMDD)'],
    ['230613-DD-D0439-002', 'the second part must be a one-letter service code (e.g. D, A, N), got "DD"'],
    ['230613-D-D043-002', 'the third part must be a five-character VISION ID or DVIAN (e.g. AA987 or D0439), got "D043"'],
    ['230613-D-D0439', 'expected four parts (date, service, ID, sequence), got 3'],
  ])('a malformed VIRIN %s is an error at the virin line', (virin, why) => {
    expect(
      report({
        'content/news/test-story.md': article(leadImage('src: a.jpg', 'alt: A photo.', 'credit: DOD photo', `virin: ${virin}`)),
        [`${IMAGES}/a.jpg`]: JPEG_40x30,
      }),
    ).toEqual([
      `content/news/test-story.md:11: image.virin: expected a VIRIN like 230613-D-D0439-1001 (YYMMDD-S-XXXXX-NNNN), got "${virin}": ${why}`,
    ]);
  });

  it('legacy VIRIN forms are warnings, and the article still loads', () => {
    const root = makeTree({
      'content/news/test-story.md': article(
        undefined,
        ...figureBlock('src: a.jpg', 'alt: A photo.', 'credit: USMC photo', 'virin: 060515-m-1234s-001.jpg'),
      ),
      [`${IMAGES}/a.jpg`]: JPEG_40x30,
    });
    const store = createContentStore(root);
    expect(store.checkContent().map(formatIssue)).toEqual([
      'content/news/test-story.md:13: figure.virin: warning: 060515-M-1234S-001 uses the legacy ID form "1234S" (last four SSN digits and an initial); consider not re-publishing it',
      'content/news/test-story.md:13: figure.virin: warning: 060515-M-1234S-001 has the legacy 3-digit sequence "001"; current VIRINs use 4 digits (scene 1–9, then 001–999)',
    ]);
    expect(store.getArticles()[0]?.body.figures[0]?.virin).toBe('060515-M-1234S-001');
  });
});

describe('Markdown body rules', () => {
  const body = (...text: string[]) => report({ 'content/news/test-story.md': article(undefined, ...text) });

  it('raw HTML blocks, inline tags, scripts and comments are errors', () => {
    expect(body('<div class="x">Hi</div>', '', 'Some <b>bold</b> text.', '', '<script>alert(1)</script>', '', '<!-- note -->')).toEqual([
      'content/news/test-story.md:9: body: raw HTML is not allowed in Markdown; found "<div class="x">Hi</div>"',
      'content/news/test-story.md:11: body: raw HTML is not allowed in Markdown; found "<b>"',
      'content/news/test-story.md:11: body: raw HTML is not allowed in Markdown; found "</b>"',
      'content/news/test-story.md:13: body: raw HTML is not allowed in Markdown; found "<script>alert(1)</script>"',
      'content/news/test-story.md:15: body: raw HTML is not allowed in Markdown; found "<!-- note -->"',
    ]);
  });

  it('a raw figure placeholder cannot be forged', () => {
    expect(body('<figure data-figure-index="0"></figure>')).toEqual([
      'content/news/test-story.md:9: body: raw HTML is not allowed in Markdown; found "<figure data-figure-index="0"></figure>"',
    ]);
  });

  it('a Markdown image is an error pointing to figure blocks', () => {
    expect(body('Look: ![A photo](a.jpg)')).toEqual([
      'content/news/test-story.md:9: body: Markdown images are not allowed; use a ```figure block so the image has alt text, credit and VIRIN',
    ]);
  });

  it('links with schemes other than http, https, mailto and tel are errors', () => {
    expect(
      body('[click](javascript:alert(1)) and [data](data:text/html,hi)', '', '[ref]: JAVASCRIPT:alert(1)', '', '[ok](/news) [mail](mailto:a@b.gov) [x][ref] [y](jav&#x09;ascript:alert(1))'),
    ).toEqual([
      'content/news/test-story.md:9: body: link to "javascript:alert(1)" is not allowed: expected an http, https, mailto or tel address (or a path on this site)',
      'content/news/test-story.md:9: body: link to "data:text/html,hi" is not allowed: expected an http, https, mailto or tel address (or a path on this site)',
      'content/news/test-story.md:11: body: link to "JAVASCRIPT:alert(1)" is not allowed: expected an http, https, mailto or tel address (or a path on this site)',
      'content/news/test-story.md:13: body: link to "jav\\tascript:alert(1)" is not allowed: expected an http, https, mailto or tel address (or a path on this site)',
    ]);
  });

  it('h1, h5 and h6 are errors; h2 to h4 are fine', () => {
    expect(body('# Title', '', '## Two', '', '### Three', '', '#### Four', '', '##### Five', '', 'Six', '======')).toEqual([
      'content/news/test-story.md:9: body: h1 heading is not allowed: use ## to ####; the page title is the only h1',
      'content/news/test-story.md:17: body: h5 heading is not allowed: use ## to ####; the page title is the only h1',
      'content/news/test-story.md:19: body: h1 heading is not allowed: use ## to ####; the page title is the only h1',
    ]);
  });

  it('code blocks in other languages are just code', () => {
    expect(body('```yaml', 'src: not-a-figure.jpg', '```', '', '```', '<div>in code</div>', '```')).toEqual([]);
  });
});

describe('every problem is reported', () => {
  const expected = [
    'content/news/2023/same-slug.md:1: slug: the slug "same-slug" is also used by content/news/2024/same-slug.md; every slug must be unique',
    'content/news/2024/same-slug.md:1: slug: the slug "same-slug" is also used by content/news/2023/same-slug.md; every slug must be unique',
    'content/news/Bad_Name.md:1: slug: expected a file name of lower-case letters, digits and single hyphens (e.g. biden-stoltenberg-meet.md), got "Bad_Name.md"',
    'content/news/several-problems.md:1: summary: required field is missing; expected a short summary as text',
    'content/news/several-problems.md:3: sumary: unknown field; did you mean "summary"?',
    'content/news/several-problems.md:4: date: expected an ISO 8601 date (YYYY-MM-DD), got "June 13, 2023"',
    'content/news/several-problems.md:6: status: expected "published" or "draft", got "live"',
    'content/news/several-problems.md:8: image.src: expected an image file at content/images/news/several-problems/missing.jpg, but there is none',
    'content/news/several-problems.md:13: body: h1 heading is not allowed: use ## to ####; the page title is the only h1',
    'content/news/several-problems.md:15: body: raw HTML is not allowed in Markdown; found "<b>"',
    'content/news/several-problems.md:15: body: raw HTML is not allowed in Markdown; found "</b>"',
    'content/pages/about.md:1: summary: required field is missing; expected a short summary as text (used as the meta description)',
    'content/pages/about.md:5: body: Markdown images are not allowed; use a ```figure block so the image has alt text, credit and VIRIN',
  ];

  it('checkContent returns all errors of all files, sorted by file then line, without throwing', () => {
    expect(createContentStore(brokenRoot).checkContent().map(formatIssue)).toEqual(expected);
  });

  it('every getter throws a ContentError listing every error', () => {
    const store = createContentStore(brokenRoot);
    for (const get of [() => store.getArticles(), () => store.getPublicArticles(), () => store.getPages(), () => store.getPage('about')]) {
      expect(get).toThrow(ContentError);
    }
    try {
      store.getArticles();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).message).toBe(`Content has 13 errors:\n${expected.join('\n')}`);
      expect((error as ContentError).issues).toHaveLength(13);
    }
  });

  it('a single error reads "1 error", and warnings are not listed', () => {
    const error = new ContentError([
      { file: 'content/news/a.md', line: 4, field: 'date', message: 'expected x, got "y"', severity: 'error' },
      { file: 'content/news/a.md', line: 2, field: 'summary', message: 'too long', severity: 'warning' },
    ]);
    expect(error.message).toBe('Content has 1 error:\ncontent/news/a.md:4: date: expected x, got "y"');
  });
});

describe('memoization', () => {
  it('parses once per store, and { fresh: true } re-reads from disk', () => {
    const root = makeTree({ 'content/news/test-story.md': article() });
    const store = createContentStore(root);
    const first = store.load();
    expect(store.load()).toBe(first);
    fs.writeFileSync(path.join(root, 'content/news/test-story.md'), article((f) => f.with(0, 'title: Changed')));
    expect(store.getArticles()[0]?.title).toBe('Test Story');
    expect(store.getArticles({ fresh: true })[0]?.title).toBe('Changed');
  });

  it('an empty tree has no content and no issues', () => {
    const store = createContentStore(makeTree({}));
    expect(store.getArticles()).toEqual([]);
    expect(store.checkContent()).toEqual([]);
  });
});

describe('the public list at scale', () => {
  it('changes exactly when a scheduled article’s time comes, even when asked with times out of order', () => {
    const store = createContentStore(goodRoot);
    const all = store.getArticles().filter((a) => a.status === 'published');
    const times = [...new Set(all.map((a) => a.publishedAt.getTime()))].sort((a, b) => a - b);
    const probes = times.flatMap((t) => [t - 1, t, t + 1]).reverse();
    for (const at of [...probes, ...probes.reverse()]) {
      const expected = all.filter((a) => a.publishedAt.getTime() <= at).map((a) => a.slug);
      expect(store.getPublicArticles(new Date(at)).map((a) => a.slug)).toEqual(expected);
    }
  });

  it('hands out a copy, so a caller sorting or trimming it cannot change what others see', () => {
    const store = createContentStore(goodRoot);
    const now = new Date();
    const first = store.getPublicArticles(now);
    first.length = 0;
    expect(store.getPublicArticles(now).length).toBeGreaterThan(0);
  });
});
