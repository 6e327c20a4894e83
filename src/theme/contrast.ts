// Colour arithmetic on CSS colours, parsed by d3-color: WCAG contrast for text, and CIEDE2000 for telling map
// classes apart (the test of the palette uses it, in both themes and washed out as on a projector).
import { lab, rgb } from 'd3-color';

export const DARK_TEXT = '#000000';
export const LIGHT_TEXT = '#ffffff';

/** WCAG 2 relative luminance of a CSS colour (0 for one d3-color cannot parse). */
export function luminance(c: string): number {
  const x = rgb(c);
  if (!x.displayable()) return 0;
  const [r, g, b] = [x.r, x.g, x.b].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever reads better on `background`. */
export function textOn(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/**
 * `c` mixed with mid grey (weight `k` for the colour): roughly what a washed-out projector does to a map, so the
 * palette test can check the classes stay apart there too.
 */
export function washedOut(c: string, k = 0.5): string {
  const x = rgb(c);
  const grey = 160;
  return rgb(x.r * k + grey * (1 - k), x.g * k + grey * (1 - k), x.b * k + grey * (1 - k)).formatHex();
}

const RAD = Math.PI / 180;

/**
 * CIEDE2000 colour difference (Sharma, Wu & Dalal 2005). About 2 is just noticeable side by side; map classes
 * that must read apart at a glance want well over 10.
 */
export function deltaE2000(a: string, b: string): number {
  const A = lab(a);
  const B = lab(b);
  const C1 = Math.hypot(A.a, A.b);
  const C2 = Math.hypot(B.a, B.b);
  const Cm = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)));
  const a1 = (1 + G) * A.a;
  const a2 = (1 + G) * B.a;
  const C1p = Math.hypot(a1, A.b);
  const C2p = Math.hypot(a2, B.b);
  const hue = (x: number, y: number) => {
    if (x === 0 && y === 0) return 0;
    const d = Math.atan2(y, x) / RAD;
    return d < 0 ? d + 360 : d;
  };
  const h1 = hue(a1, A.b);
  const h2 = hue(a2, B.b);
  const dL = B.l - A.l;
  const dC = C2p - C1p;
  let dh = 0;
  if (C1p * C2p !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(C1p * C2p) * Math.sin((dh / 2) * RAD);
  const Lm = (A.l + B.l) / 2;
  const Cmp = (C1p + C2p) / 2;
  let hm = h1 + h2;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1 - h2) > 180) hm += h1 + h2 < 360 ? 360 : -360;
    hm /= 2;
  }
  const T =
    1 -
    0.17 * Math.cos((hm - 30) * RAD) +
    0.24 * Math.cos(2 * hm * RAD) +
    0.32 * Math.cos((3 * hm + 6) * RAD) -
    0.2 * Math.cos((4 * hm - 63) * RAD);
  const dTheta = 30 * Math.exp(-(((hm - 275) / 25) ** 2));
  const Rc = 2 * Math.sqrt(Cmp ** 7 / (Cmp ** 7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lm - 50) ** 2) / Math.sqrt(20 + (Lm - 50) ** 2);
  const Sc = 1 + 0.045 * Cmp;
  const Sh = 1 + 0.015 * Cmp * T;
  const Rt = -Math.sin(2 * dTheta * RAD) * Rc;
  return Math.sqrt((dL / Sl) ** 2 + (dC / Sc) ** 2 + (dH / Sh) ** 2 + Rt * (dC / Sc) * (dH / Sh));
}
