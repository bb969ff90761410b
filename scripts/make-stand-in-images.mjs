#!/usr/bin/env node
/**
 * Generates photo-like stand-in JPEGs for every image referenced by the
 * articles in content/news/ (the lead `image:` and every ```figure block).
 *
 * The original photos are not part of this repository. Each stand-in is
 * written under the exact name the original would have
 * (content/images/news/<slug>/<src>), so dropping an original in replaces it.
 *
 * Output is deterministic: the picture depends only on the file name.
 * Every stand-in carries the EXIF ImageDescription "Stand-in image"; the
 * script only ever overwrites files that carry that marker, so real photos
 * that have been dropped in are never clobbered.
 *
 * Usage: node scripts/make-stand-in-images.mjs [--check]
 *   --check  report missing images and exit 1 if any, write nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import YAML from 'yaml';
import { random } from './random.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The site's content folder: CONTENT_DIR when set, as for lib/content.
const contentDir = process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : path.join(root, 'content');
const newsDir = path.join(contentDir, 'news');
const imagesDir = path.join(contentDir, 'images', 'news');
const MARKER = 'Stand-in image';
const checkOnly = process.argv.includes('--check');

/** FNV-1a 32-bit hash: seeds the generator from the file name. */
function hash(str) {
  let h = 0x811c9dc5;
  for (const ch of str) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Lists { slug, src } for every image an article references. */
function referencedImages() {
  const out = [];
  for (const file of fs.readdirSync(newsDir).filter((f) => f.endsWith('.md')).sort()) {
    const slug = file.slice(0, -3);
    const text = fs.readFileSync(path.join(newsDir, file), 'utf8');
    const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    if (fm) {
      const data = YAML.parse(fm[1]) ?? {};
      if (data.image?.src) out.push({ slug, src: String(data.image.src) });
    }
    const fence = /^(`{3,}|~{3,})figure[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*$/gm;
    for (const m of text.matchAll(fence)) {
      const fig = YAML.parse(m[2]) ?? {};
      if (fig.src) out.push({ slug, src: String(fig.src) });
    }
  }
  return out;
}

function escapeXml(s) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Builds one stand-in picture as a JPEG buffer. */
async function makeImage(name) {
  const rand = random(hash(name));
  const wide = rand() < 0.5;
  const width = 1200;
  const height = wide ? 675 : 800;

  // Palette: a sky-like top color, a ground-like bottom color, a horizon.
  const hue = rand() * 360;
  const hsl = (h, s, l) => {
    h = ((h % 360) + 360) % 360;
    const c = (1 - Math.abs(2 * l - 1)) * s;
    const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
    const m = l - c / 2;
    const [r, g, b] =
      h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
    return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
  };
  const top = hsl(hue, 0.35 + rand() * 0.2, 0.62 + rand() * 0.12);
  const bottom = hsl(hue + 140 + rand() * 80, 0.2 + rand() * 0.2, 0.25 + rand() * 0.15);
  const horizon = 0.45 + rand() * 0.2;

  // Soft blobs, like out-of-focus subjects.
  const blobs = Array.from({ length: 7 + Math.floor(rand() * 6) }, () => ({
    x: rand() * width,
    y: height * (0.3 + rand() * 0.7),
    r: 60 + rand() * 220,
    col: hsl(hue + rand() * 240, 0.15 + rand() * 0.3, 0.2 + rand() * 0.5),
    a: 0.35 + rand() * 0.4,
  }));

  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const v = y / height;
    // Smooth transition around the horizon line.
    const t = 1 / (1 + Math.exp(-(v - horizon) * 14));
    for (let x = 0; x < width; x++) {
      const vignette = 1 - 0.35 * (((x / width - 0.5) ** 2 + (v - 0.5) ** 2) * 2);
      let r = top[0] * (1 - t) + bottom[0] * t;
      let g = top[1] * (1 - t) + bottom[1] * t;
      let b = top[2] * (1 - t) + bottom[2] * t;
      for (const bl of blobs) {
        const d2 = ((x - bl.x) ** 2 + (y - bl.y) ** 2) / (bl.r * bl.r);
        if (d2 < 4) {
          const w = bl.a * Math.exp(-d2 * 1.5);
          r += (bl.col[0] - r) * w;
          g += (bl.col[1] - g) * w;
          b += (bl.col[2] - b) * w;
        }
      }
      const n = (rand() - 0.5) * 26; // film-grain noise
      const i = (y * width + x) * 3;
      px[i] = Math.max(0, Math.min(255, r * vignette + n));
      px[i + 1] = Math.max(0, Math.min(255, g * vignette + n));
      px[i + 2] = Math.max(0, Math.min(255, b * vignette + n));
    }
  }

  const label = escapeXml(name);
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect x="${width / 2 - 380}" y="${height / 2 - 70}" width="760" height="140" rx="12" fill="#000" fill-opacity="0.55"/>
  <text x="50%" y="${height / 2 - 8}" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="48" font-weight="bold" fill="#fff">${MARKER}</text>
  <text x="50%" y="${height / 2 + 42}" text-anchor="middle" font-family="DejaVu Sans Mono, Liberation Mono, monospace" font-size="30" fill="#fff">${label}</text>
</svg>`);

  return sharp(px, { raw: { width, height, channels: 3 } })
    .composite([{ input: svg, top: 0, left: 0 }])
    .jpeg({ quality: 80, mozjpeg: true })
    .withExif({ IFD0: { ImageDescription: `${MARKER}: ${name}`, Software: 'make-stand-in-images.mjs' } })
    .toBuffer();
}

async function isStandIn(file) {
  try {
    const meta = await sharp(file).metadata();
    return Boolean(meta.exif && meta.exif.includes(Buffer.from(MARKER)));
  } catch {
    return false;
  }
}

const refs = referencedImages();
let missing = 0;
for (const { slug, src } of refs) {
  const file = path.join(imagesDir, slug, src);
  const rel = path.relative(root, file);
  const exists = fs.existsSync(file);
  if (checkOnly) {
    if (!exists) {
      console.error(`missing: ${rel}`);
      missing++;
    }
    continue;
  }
  if (exists && !(await isStandIn(file))) {
    console.log(`keep (original photo): ${rel}`);
    continue;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const buf = await makeImage(src);
  fs.writeFileSync(file, buf);
  console.log(`wrote ${rel} (${Math.round(buf.length / 1024)} KB)`);
}
if (checkOnly) {
  console.log(`${refs.length} images referenced, ${missing} missing`);
  process.exit(missing ? 1 : 0);
}
