// Placeholder: the related-practices helper replaces this (issue 10).
import type { Practice } from '../types';

export function RelatedPractices(_props: { practice: Practice }) {
  return null;
}
