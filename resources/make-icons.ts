// Draws Inkling's icons as PNG files: the app icon (512 px) and the tray icon per state (16 px and
// @2x 32 px, coloured, plus black-and-alpha *Template.png variants that macOS tints for the menu
// bar). Shapes are distance functions sampled 4×4 per pixel; the PNG is encoded with node:zlib.
// Run: npx tsx resources/make-icons.ts
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type RGBA = [number, number, number, number];
/** A shape: given a point in unit coordinates (0..1), the colour there, or null outside. */
type Layer = (x: number, y: number) => RGBA | null;

// ---- PNG encoding ----------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- Rasterising -------------------------------------------------------------------------------
function render(size: number, layers: Layer[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          // Painter's order: later layers cover earlier ones ("over" with straight alpha).
          let cr = 0, cg = 0, cb = 0, ca = 0;
          for (const layer of layers) {
            const c = layer(x, y);
            if (!c) continue;
            const la = c[3] / 255;
            const na = la + ca * (1 - la);
            if (na > 0) {
              cr = (c[0] * la + cr * ca * (1 - la)) / na;
              cg = (c[1] * la + cg * ca * (1 - la)) / na;
              cb = (c[2] * la + cb * ca * (1 - la)) / na;
            }
            ca = na;
          }
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const i = (py * size + px) * 4;
      out[i + 3] = Math.round((a / (S * S)) * 255);
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
    }
  }
  return out;
}

// ---- Shapes (unit coordinates) -----------------------------------------------------------------
const roundRect = (x0: number, y0: number, x1: number, y1: number, radius: number) => (x: number, y: number) => {
  const cx = Math.max(x0 + radius, Math.min(x, x1 - radius));
  const cy = Math.max(y0 + radius, Math.min(y, y1 - radius));
  return Math.hypot(x - cx, y - cy) <= radius;
};
const segmentDistance = (x: number, y: number, ax: number, ay: number, bx: number, by: number) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};
const fill = (inside: (x: number, y: number) => boolean, color: RGBA): Layer => (x, y) => (inside(x, y) ? color : null);

/** An envelope: outline of a rounded rectangle with the flap's V, stroke width w. */
function envelope(x0: number, y0: number, x1: number, y1: number, w: number, color: RGBA): Layer {
  const outer = roundRect(x0, y0, x1, y1, w * 1.2);
  const inner = roundRect(x0 + w, y0 + w, x1 - w, y1 - w, w * 0.3);
  const mx = (x0 + x1) / 2;
  const my = y0 + (y1 - y0) * 0.58;
  return (x, y) => {
    if (!outer(x, y)) return null;
    if (!inner(x, y)) return color;
    const flap = Math.min(segmentDistance(x, y, x0 + w / 2, y0 + w / 2, mx, my), segmentDistance(x, y, mx, my, x1 - w / 2, y0 + w / 2));
    return flap <= w / 2 ? color : null;
  };
}
const disc = (cx: number, cy: number, r: number, color: RGBA): Layer => fill((x, y) => Math.hypot(x - cx, y - cy) <= r, color);

const INDIGO: RGBA = [79, 70, 229, 255];
const INDIGO_DARK: RGBA = [55, 48, 163, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const AMBER: RGBA = [245, 158, 11, 255];
const GREY: RGBA = [120, 120, 128, 255];
const BLACK: RGBA = [0, 0, 0, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

function appIcon(): Layer[] {
  const gradient: Layer = (x, y) => {
    if (!roundRect(0.06, 0.06, 0.94, 0.94, 0.2)(x, y)) return null;
    const t = (x + y) / 2;
    return [0, 1, 2].map((i) => Math.round(INDIGO[i]! * (1 - t) + INDIGO_DARK[i]! * t)).concat(255) as RGBA;
  };
  return [gradient, envelope(0.22, 0.3, 0.78, 0.7, 0.055, WHITE), disc(0.76, 0.3, 0.11, INDIGO_DARK), disc(0.76, 0.3, 0.085, AMBER)];
}

type State = 'online' | 'activity' | 'paused' | 'offline';

/** The tray glyph for a state; `template` draws black shapes for macOS to tint. */
function trayIcon(state: State, template: boolean): Layer[] {
  const ink = template ? BLACK : state === 'offline' ? GREY : INDIGO;
  const layers: Layer[] = [];
  if (state === 'offline') {
    // A faded envelope: the connection is down.
    const faded: RGBA = [ink[0], ink[1], ink[2], template ? 110 : 170];
    layers.push(envelope(0.06, 0.2, 0.94, 0.8, 0.1, faded));
    layers.push((x, y) => (segmentDistance(x, y, 0.12, 0.12, 0.88, 0.88) <= 0.07 ? ink : null));
    return layers;
  }
  layers.push(envelope(0.06, 0.2, 0.94, 0.8, 0.1, ink));
  if (state === 'activity') {
    // A cut-out ring, then the dot: it reads on any background.
    layers.push(disc(0.8, 0.24, 0.24, CLEAR));
    layers.push(disc(0.8, 0.24, 0.18, template ? BLACK : AMBER));
  }
  if (state === 'paused') {
    layers.push(fill((x, y) => (x - 0.78) ** 2 + (y - 0.72) ** 2 <= 0.27 ** 2, CLEAR));
    layers.push(disc(0.78, 0.72, 0.22, template ? BLACK : GREY));
    layers.push(fill((x, y) => y >= 0.6 && y <= 0.84 && ((x >= 0.7 && x <= 0.75) || (x >= 0.81 && x <= 0.86)), template ? CLEAR : WHITE));
  }
  return layers;
}

/** CLEAR layers punch holes: applied by a final pass that removes what they cover. */
function withHoles(layers: Layer[]): Layer[] {
  return layers.map((layer, i) => (x: number, y: number) => {
    for (let j = i + 1; j < layers.length; j++) {
      const above = layers[j]!(x, y);
      if (above && above[3] === 0) return null;
    }
    const c = layer(x, y);
    return c && c[3] === 0 ? null : c;
  });
}

const here = dirname(fileURLToPath(import.meta.url));
function write(file: string, size: number, layers: Layer[]): void {
  const path = join(here, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, png(size, render(size, withHoles(layers))));
  console.log(`wrote resources/${file} (${size}×${size})`);
}

write('icon.png', 512, appIcon());
for (const state of ['online', 'activity', 'paused', 'offline'] as const) {
  write(`tray/tray-${state}.png`, 16, trayIcon(state, false));
  write(`tray/tray-${state}@2x.png`, 32, trayIcon(state, false));
  write(`tray/tray-${state}Template.png`, 16, trayIcon(state, true));
  write(`tray/tray-${state}Template@2x.png`, 32, trayIcon(state, true));
}
