/**
 * Draws the app icons into public/icons/ from one SVG: the favicon's blue square with a white
 * "7". The "7" is a path, not text, so the PNGs do not depend on the fonts of the machine that
 * runs this. Run it once after changing the design (`node scripts/make-icons.mjs`) and commit the
 * PNGs; the build does not redraw them.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ACCENT = '#1d4ed8';
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');

/** The "7" on a 64-unit grid, centred; `scale` shrinks it about the centre. */
function seven(scale) {
  const t = (1 - scale) * 32;
  return `<g transform="translate(${t} ${t}) scale(${scale})"><path fill="#fff" d="M18 14h28v7L32 52h-8.5l13.5-31H18z"/></g>`;
}

/**
 * `rounded`: transparent corners like the favicon (for "any" purpose icons).
 * `glyphScale`: a maskable icon keeps its glyph inside the central 80% safe zone.
 */
function iconSvg({ rounded, glyphScale }) {
  const radius = rounded ? 14 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="${radius}" fill="${ACCENT}"/>${seven(glyphScale)}</svg>`;
}

const icons = [
  { file: 'icon-192.png', size: 192, rounded: true, glyphScale: 1 },
  { file: 'icon-512.png', size: 512, rounded: true, glyphScale: 1 },
  { file: 'maskable-512.png', size: 512, rounded: false, glyphScale: 0.7 },
  // iOS draws its own rounded corners and shows transparency as black: a full square.
  { file: 'apple-touch-icon.png', size: 180, rounded: false, glyphScale: 0.85 },
];

mkdirSync(outDir, { recursive: true });
for (const icon of icons) {
  const svg = Buffer.from(iconSvg(icon));
  await sharp(svg, { density: (72 * icon.size) / 64 })
    .resize(icon.size, icon.size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(join(outDir, icon.file));
  console.log(`public/icons/${icon.file} (${icon.size}×${icon.size})`);
}
