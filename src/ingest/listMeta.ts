// What the text before the table says about the list: its title (the lead paragraph's 《…（第N批）》, the page title
// 关于印发…的通知, or 附件：…), the notice's signature (issuer, then its date on the next line) and the lead paragraph's
// list of mechanisms, which confirms the names and order the parser inferred. Pure.
import type { Mechanism } from '../types';
import { issue, type IngestIssue } from './issues';
import { chineseNumeral } from './text';

export interface MetaField {
  value: string;
  /** The line it was read from. */
  line: number;
}

export interface ListMeta {
  title?: MetaField;
  issuer?: MetaField;
  /** ISO date, YYYY-MM-DD. */
  date?: MetaField;
  /** The notice's document number (文号), e.g. 建办科函〔2022〕393号, with the ministry's 〔〕 brackets. */
  docNumber?: MetaField;
}

interface Line {
  line: number;
  text: string;
}

// Full-width or ASCII brackets: converters turn （） into ().
const BATCH = '[（(]第[一二三四五六七八九十0-9]+批[）)]';
const TITLE_IN_BRACKETS = new RegExp(`《([^《》]*清单${BATCH})》`);
const TITLE_IN_NOTICE = new RegExp(`印发(.{2,60}?清单${BATCH})的通知`);
// A page title may carry the site's column label before it: 一图读懂丨… · 【重磅】… · 权威发布｜…
const TITLE_ALONE = new RegExp(`^(?:附件[0-9０-９]*[:：]?\\s*)?(?:【[^】]{1,10}】\\s*|[^《》：:丨|｜【】]{1,12}\\s*[丨|｜]\\s*)?([^《》：:丨|｜【】]{2,60}清单${BATCH})$`);
// The signature of a notice: the issuing office alone on its line, its date on the next.
// A joint notice signs with several offices on one line (住房和城乡建设部 国家发展改革委 财政部).
const OFFICE = '[\\u4e00-\\u9fff（）()]{2,30}?(?:办公厅|人民政府|委员会|办公室|部|厅|局|委|署|院)';
const SIGNATURE = new RegExp(`^${OFFICE}(?:[\\s、]+${OFFICE})*$`);
const CN_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
// Dates written in Chinese numerals, as older notices do: 二〇二二年十一月二十五日.
const CN_NUMERAL_DATE = /^([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/;
const CN_DIGIT: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 2022年11月25日 or 二〇二二年十一月二十五日 → its year, month and day as digits. */
function signatureDate(text: string): [string, string, string] | null {
  const d = CN_DATE.exec(text);
  if (d) return [d[1]!, d[2]!, d[3]!];
  const c = CN_NUMERAL_DATE.exec(text);
  if (!c) return null;
  const month = chineseNumeral(c[2]!);
  const day = chineseNumeral(c[3]!);
  if (month === null || day === null || month > 12 || day > 31) return null;
  return [[...c[1]!].map((ch) => CN_DIGIT[ch]!).join(''), String(month), String(day)];
}
// 建办科函〔2022〕393号; copies turn 〔〕 into [] 【】 （） or ().
const DOC_NUMBER = /([\u4e00-\u9fff]{1,10})\s*[〔［[【（(]\s*((?:19|20)\d{2})\s*[〕］\]】）)]\s*(\d{1,4})\s*号/;
const PUBLISHED = /(?:发布时间|发布日期|成文日期|日期|时间)\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

/** The title as the ministry writes it, with full-width brackets even when the copy had ASCII ones. */
function titleOf(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）');
}

function iso(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function readListMeta(preamble: readonly Line[], taxonomy: readonly Mechanism[]): { meta: ListMeta; issues: IngestIssue[]; usedLines: Set<number> } {
  const meta: ListMeta = {};
  const issues: IngestIssue[] = [];
  const usedLines = new Set<number>();
  let lead: { line: number; text: string; after: number } | null = null;

  for (const l of preamble) {
    const inBrackets = TITLE_IN_BRACKETS.exec(l.text);
    if (inBrackets) {
      if (!meta.title) meta.title = { value: titleOf(inBrackets[1]!), line: l.line };
      // The lead paragraph: the list named in 《》, its mechanisms after it.
      if (!lead) lead = { line: l.line, text: l.text, after: inBrackets.index + inBrackets[0].length };
      usedLines.add(l.line);
    }
  }
  for (const l of preamble) {
    if (meta.title) break;
    const m = TITLE_IN_NOTICE.exec(l.text) ?? TITLE_ALONE.exec(l.text);
    if (m) {
      meta.title = { value: titleOf(m[1]!), line: l.line };
      usedLines.add(l.line);
    }
  }
  for (let i = 0; i + 1 < preamble.length; i++) {
    const a = preamble[i]!;
    const b = preamble[i + 1]!;
    const d = signatureDate(b.text);
    if (SIGNATURE.test(a.text) && d) {
      meta.issuer = { value: a.text.replace(/\s+/g, ' '), line: a.line };
      meta.date = { value: iso(d[0], d[1], d[2]), line: b.line };
      usedLines.add(a.line).add(b.line);
      break;
    }
  }
  if (!meta.date) {
    for (const l of preamble) {
      const d = PUBLISHED.exec(l.text);
      if (d) {
        meta.date = { value: iso(d[1]!, d[2]!, d[3]!), line: l.line };
        usedLines.add(l.line);
        break;
      }
    }
  }

  for (const l of preamble) {
    const d = DOC_NUMBER.exec(l.text);
    // Only a number standing for the notice: at the start of its line or right after the notice's title (a number
    // cited inside the lead paragraph, 根据《…》（建科〔2021〕63号）, is another document's).
    if (d && (d.index === 0 || l.text.length - (d.index + d[0].length) <= 2) && !/《/.test(l.text.slice(0, d.index))) {
      // The office's abbreviation only: a notice title run into the number (…的通知建办科函〔…〕) is cut off.
      const office = d[1]!.replace(/^.*(?:通知|意见|办法|的)/, '');
      meta.docNumber = { value: `${office}〔${d[2]}〕${d[3]}号`, line: l.line };
      usedLines.add(l.line);
      break;
    }
  }

  // Only a lead that lists the mechanisms (…包括A、B、C等3个方面…) can confirm them; a repost's 近日…印发《…》 names none.
  if (lead && taxonomy.length > 0 && /包括|方面|部分|类/.test(lead.text.slice(lead.after))) {
    let pos = lead.after;
    const missing: Mechanism[] = [];
    for (const m of taxonomy) {
      const at = m.title ? lead.text.indexOf(m.title, pos) : -1;
      if (at < 0) missing.push(m);
      else pos = at + m.title.length;
    }
    if (missing.length === 0) {
      issues.push(
        issue(lead.line, 'lead-confirms', `the lead paragraph names the ${taxonomy.length} mechanisms found, in the same order`, `导语列出的 ${taxonomy.length} 项政策机制与识别结果一致，顺序相同`),
      );
    } else {
      for (const m of missing) {
        issues.push(
          issue(lead.line, 'lead-differs', `mechanism ${m.code} "${m.title.slice(0, 30)}" is not named in the lead paragraph (or not in this order): check that line's role`, `政策机制${m.code}“${m.title.slice(0, 30)}”未在导语中出现（或顺序不同），请核对该行的类型`),
        );
      }
    }
  }
  return { meta, issues, usedLines };
}
