/** An sRGB colour as three 0–255 channels. */
export type Rgb = [number, number, number];

/** The page backgrounds the accent colour is drawn on (templates/assets/style.css `--bg`). */
export const LIGHT_BACKGROUND = "#fdfcf9";
export const DARK_BACKGROUND = "#15171a";

/** WCAG 2 AA for normal text: what axe's color-contrast rule asks of links and labels in the accent. */
export const MIN_CONTRAST = 4.5;

/** `#a61b1b` or `#a11` → its channels, or null when the text is not a hex colour. */
export function parseHexColour(text: string): Rgb | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!match?.[1]) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join("") : match[1];
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

/** Channels → `#rrggbb` (lower case). */
export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rs, gs, bs] = [r / 255, g / 255, b / 255];
  const max = Math.max(rs, gs, bs);
  const min = Math.min(rs, gs, bs);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h =
    max === rs ? (gs - bs) / d + (gs < bs ? 6 : 0) : max === gs ? (bs - rs) / d + 2 : (rs - gs) / d + 4;
  return [h / 6, s, l];
}

function fromHsl([h, s, l]: [number, number, number]): Rgb {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number): number => {
    const t = t0 < 0 ? t0 + 1 : t0 > 1 ? t0 - 1 : t0;
    const v = t < 1 / 6 ? p + (q - p) * 6 * t : t < 1 / 2 ? q : t < 2 / 3 ? p + (q - p) * (2 / 3 - t) * 6 : p;
    return v * 255;
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
}

/**
 * The accent for dark mode when none is configured: the light accent with its lightness raised (hue and
 * saturation kept, so it stays recognisably the brand's) until it reads on the dark background with room
 * to spare.
 */
export function darkModeAccent(accent: Rgb, background: Rgb, min = MIN_CONTRAST + 0.5): Rgb {
  const [h, s, l] = toHsl(accent);
  for (let lightness = l; lightness <= 1.0001; lightness += 0.01) {
    const rgb = fromHsl([h, s, Math.min(lightness, 1)]).map(Math.round) as Rgb;
    if (contrastRatio(rgb, background) >= min) return rgb;
  }
  return [255, 255, 255];
}
