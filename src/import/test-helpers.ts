// Builders for the import tests (unit and browser). Fresh objects each call; no network, no shared state.
import type { Dataset } from '../types';

let gbkTable: Map<string, number[]> | null = null;

/**
 * Text → GBK bytes, for tests: Node and browsers decode GBK but do not encode it, so the table is built by
 * decoding every two-byte GBK code once.
 */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const b = gbkTable.get(ch);
      if (!b) throw new Error(`no GBK code for ${ch}`);
      out.push(...b);
    }
  }
  return new Uint8Array(out);
}

/** Deterministic pseudo-random bytes (xorshift32), so a failing test can be replayed. */
export function createRandomBytes(n: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** A small list whose one item names three provinces (黑龙江省、河南省、四川省) as joint actors. */
export function createMultiProvinceList(): string {
  return [
    '实施城市更新行动可复制经验做法清单（测试批）',
    '一、建立城市更新多方协同机制',
    '（一）推进跨省协作',
    '1．黑龙江省、河南省、四川省推进老旧小区改造经验互鉴。三省建立城市更新工作交流机制，定期交流老旧小区改造做法。',
    '2．山东省潍坊市建立城市更新项目库。按年度滚动更新项目清单。',
    '',
  ].join('\n');
}

/** Practices as compared in "identical records": everything but the batch id, the id prefix and the source file. */
export function comparable(d: Pick<Dataset, 'practices'>): unknown[] {
  return d.practices.map((p) => {
    // Themes differ by design: built-in practices carry reviewed themes, an import the keyword suggestions.
    const { id, batch: _batch, source, related: _related, themes: _themes, themeSource: _themeSource, ...rest } = p;
    return { ...rest, id: id.replace(/^\d+-/, ''), lines: source.lines };
  });
}
