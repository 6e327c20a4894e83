// Public API of the related-practices feature (issue 10), for the briefing slides and the exports.
export {
  documentIndex,
  searchDocuments,
  isMultiPlace,
  figureIndex,
  figureKind,
  normalisedValue,
  sortFigureRows,
  FIGURE_KINDS,
  BASE_UNIT,
  type DocumentEntry,
  type FigureGroup,
  type FigureKind,
  type FigureRow,
  type SortDirection,
} from './indexes';
export { relatedItems, practiceSet, scorePercent, type RelatedItem } from './relatedItems';
export { RelatedPractices } from './RelatedPractices';
export { DocumentsIndex } from './DocumentsIndex';
export { FiguresIndex, FigureTable } from './FiguresIndex';
