// Programmes (issue 27) as the overview, the briefing and a region's panel show them: "N 个城市（区）中 M 个有做法
//入选" with the units with and without practices by name, the list's status (a 公示 list is proposed, 拟), issuer,
// date and source. All text is data rendered as text. English titles are unofficial translations (marked).
import type { Programme, ProgrammeUnit } from '../types';
import type { ProgrammeCoverage } from '../store/programmes';
import { useAtlas } from '../store/store';
import { useT } from '../store/hooks';
import { formatDate } from '../i18n';
import { placeNameEn } from '../format/names';
import { useEnglishNames } from './english';

/** The list's name in the interface language; English marked as an unofficial translation. */
export function ProgrammeName({ programme }: { programme: Programme }) {
  const lang = useAtlas((s) => s.lang);
  const t = useT();
  if (lang === 'zh') return <span lang="zh-CN">{programme.title}</span>;
  return (
    <span className="bilingual" title={programme.title}>
      <span lang="en">{programme.titleEn}</span> <span className="programme-unofficial">{t('programmeUnofficial')}</span>{' '}
      <span className="zh-beside" lang="zh-CN">
        {programme.title}
      </span>
    </span>
  );
}

/** The short label (2021年试点; English unofficial) where room is tight; the title when the file has none. */
export function ProgrammeShortName({ programme }: { programme: Programme }) {
  const lang = useAtlas((s) => s.lang);
  const zh = programme.short ?? programme.title;
  if (lang === 'zh') return <span lang="zh-CN" title={programme.title}>{zh}</span>;
  return (
    <span title={`${programme.titleEn} (unofficial translation) · ${programme.title}`}>
      {programme.shortEn ? <span lang="en">{programme.shortEn}</span> : <span lang="zh-CN">{zh}</span>}
    </span>
  );
}

/** 公示（拟） or 正式, with issuer and date. */
export function ProgrammeStatus({ programme }: { programme: Programme }) {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  return (
    <span className={`programme-status programme-${programme.status === '公示' ? 'proposed' : 'final'}`} data-status={programme.status}>
      {t(programme.status === '公示' ? 'programmeProposed' : 'programmeFinal')}
      {' · '}
      <span lang="zh-CN">{programme.issuer}</span>
      {lang === 'zh' ? '，' : ', '}
      {formatDate(programme.date, lang)}
    </span>
  );
}

/** The sources, each with its address as text (the atlas is offline: nothing is fetched or linked out). */
export function ProgrammeSources({ programme, compact = false }: { programme: Programme; compact?: boolean }) {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  return (
    <p className="ov-note programme-sources" data-testid="programme-sources">
      {t('programmeSource')}
      {lang === 'zh' ? '：' : ': '}
      {programme.sources.map((s, i) => (
        <span key={s.url} lang="zh-CN">
          {i > 0 ? '；' : ''}
          {compact ? `${s.publisher}，${s.date}` : `${s.publisher}《${s.title}》，${s.date}，`}
          {!compact && <span className="programme-url">{s.url}</span>}
        </span>
      ))}
    </p>
  );
}

/** A unit's name: as published (石家庄, 重庆市渝中区); in English its English name with the Chinese beside it. */
export function useUnitName(short = false): (u: ProgrammeUnit) => string {
  const names = useEnglishNames();
  const lang = useAtlas((s) => s.lang);
  // Short (a slide): the unit's own name without its province (唐山市 for 河北省唐山市, 九龙坡区).
  return (u) => (lang === 'en' ? (placeNameEn(names, u.adcode) ?? u.published) : short ? u.name : u.published);
}

/** One programme: the sentence, then the units with practices (and how many) and those without. */
export function ProgrammeCoverageView({
  coverage,
  onPick,
  short = false,
}: {
  coverage: ProgrammeCoverage;
  onPick?: (adcode: number) => void;
  /** A slide: units by their own short names, no title or status (the slide shows them). */
  short?: boolean;
}) {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const unitName = useUnitName(short);
  const { programme } = coverage;
  const sep = lang === 'en' ? ', ' : '、';
  return (
    <div className="programme-coverage" data-testid={`programme-coverage-${programme.id}`} data-units={coverage.units.length} data-with={coverage.withPractices.length}>
      {!short && (
        <>
          <h4 className="programme-title">
            <ProgrammeName programme={programme} />
          </h4>
          <p className="programme-meta">
            <ProgrammeStatus programme={programme} />
          </p>
        </>
      )}
      <p className="programme-sentence" data-testid="programme-sentence">
        {t('programmeCoverage', { n: coverage.units.length, m: coverage.withPractices.length })}
      </p>
      <p className="programme-units" data-testid="programme-with">
        <span className="programme-label">{t('programmeWith')}{lang === 'zh' ? '：' : ': '}</span>
        {coverage.withPractices.length === 0
          ? t('programmeNone')
          : coverage.withPractices.map((u, i) => (
              <span key={u.unit.adcode} data-adcode={u.unit.adcode}>
                {onPick ? (
                  <button type="button" className="linklike" onClick={() => onPick(u.unit.adcode)}>
                    {unitName(u.unit)}
                  </button>
                ) : (
                  unitName(u.unit)
                )}
                {` ${u.practices.length}`}
                {i < coverage.withPractices.length - 1 ? sep : ''}
              </span>
            ))}
      </p>
      <p className="programme-units" data-testid="programme-without">
        <span className="programme-label">{t('programmeWithout')}{lang === 'zh' ? '：' : ': '}</span>
        {coverage.without.length === 0 ? t('programmeNone') : coverage.without.map((u) => unitName(u.unit)).join(sep)}
      </p>
    </div>
  );
}
