// Draws images/icon.png (128×128): a report page with a timeline of three milestones on a dark
// rounded square. Written as a PNG by hand (zlib only) so the icon needs no image tooling.
//   node scripts/make-icon.mjs [out.png]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis: 16 samples per pixel smooth the edges

/** Signed distance to a rounded rectangle (negative inside). */
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const cy = Math.max(y0 + r - y, 0, y - (y1 - r));
  if (cx > 0 && cy > 0) return Math.hypot(cx, cy) - r;
  return Math.max(x0 - x, x - x1, y0 - y, y - y1);
}

const BACKGROUND_TOP = [32, 58, 96];
const BACKGROUND_BOTTOM = [18, 34, 60];
const PAGE = [246, 244, 238];
const INK = [120, 132, 150];
const LINE = [72, 88, 112];
const MILESTONES = [
  [226, 76, 60], // start: red
  [240, 170, 40], // detected: amber
  [52, 168, 110], // resolved: green
];

/** The colour (RGBA 0–255) at a point, or undefined where transparent. */
function colourAt(x, y) {
  if (roundedRect(x, y, 4, 4, 124, 124, 22) > 0) return undefined;
  const t = (y - 4) / 120;
  let c = BACKGROUND_TOP.map((v, i) => v + (BACKGROUND_BOTTOM[i] - v) * t);
  // The page, with its top right corner folded down: the corner square is cut on its diagonal,
  // and the half below the diagonal is the back of the fold.
  const inCorner = x > 80 && y < 38;
  const inPage = roundedRect(x, y, 30, 20, 98, 108, 6) <= 0 && !(inCorner && x - 80 > y - 20);
  if (inPage) c = inCorner ? [200, 198, 190] : PAGE;
  if (inPage && !inCorner) {
    // The timeline: a vertical line, three milestone dots and a text line next to each.
    if (Math.abs(x - 46) <= 1.6 && y >= 44 && y <= 94) c = LINE;
    MILESTONES.forEach((colour, i) => {
      const cy = 46 + i * 23;
      if (Math.hypot(x - 46, y - cy) <= 6) c = colour;
      if (roundedRect(x, y, 58, cy - 3, i === 1 ? 78 : 88, cy + 3, 3) <= 0) c = INK;
    });
    if (roundedRect(x, y, 40, 27, 72, 32, 2.5) <= 0) c = LINE; // the title
  }
  return [...c.map(Math.round), 255];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        // Premultiplied, so transparent samples do not darken the edges.
        for (let i = 0; i < 3; i++) sum[i] += c[i];
        sum[3] += 255;
      }
    }
    const n = SAMPLES * SAMPLES;
    const covered = sum[3] / 255;
    const offset = py * (SIZE * 4 + 1) + 1 + px * 4;
    for (let i = 0; i < 3; i++) raw[offset + i] = covered ? Math.round(sum[i] / covered) : 0;
    raw[offset + 3] = Math.round(sum[3] / n);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = process.argv[2] ?? 'images/icon.png';
writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
