import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

// The contract between the data build (src/ingest, data/), the boundary build (geo/) and the app (src/).
// The zod schema in src/ingest/schema.ts validates exactly these shapes; change both together.

/** Administrative level of a place. The four municipalities are `province`; their districts are `district`. */
export type Level = 'province' | 'city' | 'district';

/** A place resolved against the gazetteer. */
export interface Place {
  adcode: number;
  /** Official full name as in the gazetteer, e.g. 潍坊市. */
  name: string;
  level: Level;
  /** adcode of the provincial unit that contains this place (itself for a province). */
  province: number;
  /** adcode of the prefecture-level unit that contains it, for districts under a prefecture city. */
  city?: number;
}

export interface Figure {
  /**
   * The number (a range's lower bound). A number with more digits than a double holds exactly (16 or more
   * significant digits, e.g. a 400-digit 投资 figure that would be Infinity) keeps its digits as written, as a
   * string: what is stored must read back the same (issue 24.1).
   */
  value: number | string;
  /** Unit as written: 亿元, 万元, 公顷, 平方米, %, 个, 年, … ('' for a ratio such as 7:3). */
  unit: string;
  /** The number as written in the text, e.g. 800亿元, 7:3, 6—7年. */
  raw: string;
  /** The clause around the figure, verbatim. */
  phrase: string;
}

export interface Measure {
  /**
   * As written in the source, e.g. （一）. '' for the stand-in measure of a mechanism whose practices sit directly
   * under it (a batch without the measure level); its title is then the mechanism's.
   */
  code: string;
  /** 1-based position under its mechanism. */
  index: number;
  title: string;
}

export interface Mechanism {
  /** As written in the source, e.g. 一. */
  code: string;
  /** 1-based. */
  index: number;
  title: string;
  measures: Measure[];
}

export interface Batch {
  /** 1, 2, … built-in batches; imported batches get ids ≥ 1000. */
  id: number;
  title: string;
  issuer: string;
  /** ISO date (YYYY-MM or YYYY-MM-DD). */
  date: string;
  /** The notice's document number (文号), e.g. 建办科函〔2022〕393号; only when verified from the notice itself. */
  docNumber?: string;
  /** Source file path relative to the repository (or the imported file's name). */
  file: string;
  taxonomy: Mechanism[];
}

export interface Practice {
  /** `<batch>-<mechanism>-<measure>-<item>`, Arabic numbers, e.g. 1-1-1-2. */
  id: string;
  batch: number;
  mechanism: { code: string; index: number; title: string };
  measure: { code: string; index: number; title: string };
  item: number;
  /** First sentence, verbatim. */
  headline: string;
  /** Full text, whitespace normalised, otherwise verbatim. */
  text: string;
  source: { file: string; lines: [number, number] };
  /**
   * The places the practice belongs to (what counts on the map). Empty when the text names no place: such a
   * practice is listed and counted nationally but has no region on the map.
   */
  actors: Place[];
  /** Places named in the text (links only, never counted). */
  mentions: Place[];
  /** Named sites that are not administrative units (片区, 街区, 社区, parks): names only. */
  sites: string[];
  /** 《…》 titles, without the brackets. */
  documents: string[];
  figures: Figure[];
  /** Theme keys from data/themes.json. */
  themes: string[];
  /**
   * How `themes` were assigned: 'reviewed' by hand (data/themes-reviewed.json, built-in batches; or confirmed by
   * the user in the import preview), or 'suggested' by the keyword rules. Absent means 'suggested'.
   */
  themeSource?: 'reviewed' | 'suggested';
  /**
   * The source text was converted before parsing (issue 16): 'traditional' characters to simplified (opencc-js),
   * converter 'pinyin' after characters removed. Absent: the text is as published.
   */
  converted?: ('traditional' | 'pinyin')[];
  /** The copy ended inside this practice (the last one): its text may be incomplete. */
  incomplete?: boolean;
  /** Most similar practices from other places (issue 10), best first. */
  related?: { id: string; score: number }[];
}

export interface Theme {
  key: string;
  zh: string;
  en: string;
}

export interface Dataset {
  /** Which script made the file. */
  generatedBy?: string;
  batches: Batch[];
  themes: Theme[];
  practices: Practice[];
  /**
   * The programmes (issue 27: 城市更新试点, central-finance support), from public/data/programmes.json, attached by
   * the loader (absent in practices.json itself and in imports). Membership of a practice is never stored: it is
   * computed from its actors (src/store/programmes.ts), so imported batches follow the same rule.
   */
  programmes?: Programme[];
}

/** Where a programme's list was read: a citation with its address. */
export interface ProgrammeSource {
  title: string;
  publisher: string;
  /** ISO date of the page. */
  date: string;
  url: string;
}

/** One unit of a programme: the name as published, resolved through the gazetteer. */
export interface ProgrammeUnit extends Place {
  /** As the list writes it (石家庄, 重庆市渝中区). */
  published: string;
}

/** A programme (data/programmes/*.json, resolved by npm run data into public/data/programmes.json). */
export interface Programme {
  /** Stable id, also the URL value of `prog`: pilot-2021, fund-2024 … */
  id: string;
  title: string;
  /** Unofficial English translation of the title. */
  titleEn: string;
  /** A short label for tight places (the compare matrix): 2021年试点; and its English (unofficial). */
  short?: string;
  shortEn?: string;
  issuer: string;
  /** ISO date (YYYY-MM-DD) of the list's publication. */
  date: string;
  /** 公示: a proposed list (拟); 正式: the list as decided. */
  status: '公示' | '正式';
  /** The document's title, as reported. */
  document?: string;
  /** 文号, only when read in the document itself. */
  docNumber?: string;
  /** The period as published (为期2年, 公示期 …). */
  period?: string;
  note?: string;
  sources: ProgrammeSource[];
  /** The reviewed file it was built from (data/programmes/<id>.json). */
  file: string;
  units: ProgrammeUnit[];
}

/** Properties of every province, city and district feature in public/geo/*.topo.json (written by geo/). */
export interface RegionProps {
  adcode: number;
  name: string;
  short: string;
  level: Level;
  province: number;
  /** The prefecture-level unit, for districts. */
  city?: number;
  /** A point inside the polygon for the label (provinces). */
  labelPoint?: [number, number];
}

/** One gazetteer entry (public/geo/gazetteer.json is `GazetteerEntry[]` sorted by adcode). */
export interface GazetteerEntry {
  adcode: number;
  name: string;
  /** Short form: 潍坊 for 潍坊市, 宁夏 for 宁夏回族自治区, 九龙坡 for 九龙坡区. */
  short: string;
  level: Level;
  /** Parent adcode (100000 for provinces). */
  parent: number;
  /** Seat of government, [lng, lat] (DataV `center`). */
  center: [number, number];
}

/** A map camera as the URL and the store keep it. */
export interface Camera {
  lng: number;
  lat: number;
  zoom: number;
}

export type RegionFeature = Feature<Polygon | MultiPolygon, RegionProps>;
export type RegionCollection = FeatureCollection<Polygon | MultiPolygon, RegionProps>;

/** One province at one level of detail (geo/lod/<level>/<province>.topo.json, decoded). */
export interface DetailSlice {
  level: number;
  province: number;
  provinces: RegionCollection;
  cities: RegionCollection;
  /** null for provinces whose finest units are already the cities (municipalities, 台湾, 香港, 澳门). */
  districts: RegionCollection | null;
}

