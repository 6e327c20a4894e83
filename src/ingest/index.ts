// Public API of the ingest for the app (the in-app import runs ingestText in a Web Worker) and the data CLIs.
export { ingestText, geocoderFor, type IngestOptions, type IngestResult } from './ingest';
export { assembleDataset, ingestBatch, serialiseDataset, applyCorrections, GENERATED_BY, type BatchMeta, type Correction } from './dataset';
export { datasetSchema, parseDataset } from './schema';
export { formatIssue, IngestError, type IngestIssue, type IssueCode } from './issues';
export type { AliasFile } from './geocode';
export type { ThemeDef } from './extract';
export { buildGazetteer, shortName } from './gazetteer';
export { relatedPractices, withRelated, pairScores, DEFAULT_WEIGHTS, type RelatedRef, type SimilarityOptions, type SimilarityWeights } from './similarity';
