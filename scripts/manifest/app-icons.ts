// The two icons Teams requires, drawn by code: a shield with a tick. color.png is 192x192, the
// glyph in white on the app's accent colour; outline.png is 32x32, the same glyph in pure white
// on a transparent background (Teams tints it, so any other colour is wrong). pngjs encodes them.
import { PNG } from 'pngjs';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

const SUBSAMPLES = 4; // 4x4 samples a pixel: smooth edges without an antialiasing rasteriser

/** Shield half-width at height v (0 = top, 1 = bottom) in glyph units; sides then a pointed base. */
function shieldHalfWidth(v: number, inset: number): number {
  const top = 0.12 + inset;
  const tip = 0.9 - inset * 1.6;
  if (v < top || v > tip) return -1;
  const shoulder = 0.5;
  const full = 0.3 - inset;
  if (v <= shoulder) return full;
  const t = (v - shoulder) / (tip - shoulder);
  return full * (1 - t * t);
}

function insideShield(u: number, v: number, inset: number): boolean {
  return Math.abs(u - 0.5) <= shieldHalfWidth(v, inset);
}

function distanceToSegment(u: number, v: number, a: [number, number], b: [number, number]): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (ax + t * dx), v - (ay + t * dy));
}

const TICK: [number, number][] = [
  [0.37, 0.47],
  [0.47, 0.59],
  [0.65, 0.37],
];

/** Is the glyph point (u, v) inked? Both coordinates in 0..1. */
function glyph(u: number, v: number): boolean {
  const stroke = 0.075;
  const outline = insideShield(u, v, 0) && !insideShield(u, v, stroke);
  const tick = distanceToSegment(u, v, TICK[0]!, TICK[1]!) <= stroke / 2 + 0.005 || distanceToSegment(u, v, TICK[1]!, TICK[2]!) <= stroke / 2 + 0.005;
  return outline || tick;
}

/** Fraction of the pixel's area covered by the glyph drawn at `scale` of the icon, centred. */
function coverage(x: number, y: number, size: number, scale: number): number {
  let hits = 0;
  for (let sy = 0; sy < SUBSAMPLES; sy++) {
    for (let sx = 0; sx < SUBSAMPLES; sx++) {
      const px = (x + (sx + 0.5) / SUBSAMPLES) / size;
      const py = (y + (sy + 0.5) / SUBSAMPLES) / size;
      if (glyph((px - 0.5) / scale + 0.5, (py - 0.5) / scale + 0.5)) hits++;
    }
  }
  return hits / (SUBSAMPLES * SUBSAMPLES);
}

export function parseHexColor(hex: string): [number, number, number] {
  const match = /^#([0-9a-fA-F]{6})$/.exec(hex);
  if (!match) throw new Error(`ICON.BAD_COLOR: '${hex}' is not #RRGGBB`);
  const n = Number.parseInt(match[1]!, 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** Straight (not premultiplied) RGBA, row by row; pngjs starts it all zero (transparent black). */
function blankImage(size: number): PNG {
  return new PNG({ width: size, height: size });
}

export function drawColorIcon(accentColor: string): PNG {
  const [r, g, b] = parseHexColor(accentColor);
  const image = blankImage(COLOR_ICON_SIZE);
  for (let y = 0; y < COLOR_ICON_SIZE; y++) {
    for (let x = 0; x < COLOR_ICON_SIZE; x++) {
      const c = coverage(x, y, COLOR_ICON_SIZE, 0.75);
      const i = (y * COLOR_ICON_SIZE + x) * 4;
      // White glyph blended over the opaque accent background.
      image.data[i] = Math.round(r + (255 - r) * c);
      image.data[i + 1] = Math.round(g + (255 - g) * c);
      image.data[i + 2] = Math.round(b + (255 - b) * c);
      image.data[i + 3] = 255;
    }
  }
  return image;
}

export function drawOutlineIcon(): PNG {
  const image = blankImage(OUTLINE_ICON_SIZE);
  for (let y = 0; y < OUTLINE_ICON_SIZE; y++) {
    for (let x = 0; x < OUTLINE_ICON_SIZE; x++) {
      const alpha = Math.round(coverage(x, y, OUTLINE_ICON_SIZE, 1) * 255);
      const i = (y * OUTLINE_ICON_SIZE + x) * 4;
      // Fully transparent pixels stay 0,0,0,0; inked ones are white with partial alpha at edges.
      if (alpha > 0) image.data.set([255, 255, 255, alpha], i);
    }
  }
  return image;
}

/** 8-bit RGBA (colour type 6), as the drawing is; same pixels, same bytes. */
const encode = (image: PNG): Buffer => PNG.sync.write(image, { colorType: 6, inputColorType: 6, bitDepth: 8 });

export function renderIcons(accentColor: string): { color: Buffer; outline: Buffer } {
  return { color: encode(drawColorIcon(accentColor)), outline: encode(drawOutlineIcon()) };
}
