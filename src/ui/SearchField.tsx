// The one search field of the app (main search, compare's province search, the documents index, the import's
// place picker): a labelled `type="search"` input, in a form when Enter should do something.
import type { ReactNode } from 'react';

export interface SearchFieldProps {
  id: string;
  /** Read by screen readers (the label is visually hidden: the placeholder says the same on screen). */
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Enter: the field sits in a form and this runs instead of a page load. */
  onSubmit?: () => void;
  testid?: string;
  /** Of the form (or wrapper); none: the label and input are placed as they are. */
  className?: string;
  inputClassName?: string;
  /** Shown on screen (a visible label) instead of read by screen readers only. */
  visibleLabel?: boolean;
  /** The id of the list the field filters (aria-controls). */
  controls?: string;
  autoFocus?: boolean;
  /** Rendered after the input, inside the form (e.g. a result count). */
  children?: ReactNode;
}

export function SearchField(props: SearchFieldProps) {
  const { id, label, value, onChange, placeholder, onSubmit, testid, className, inputClassName, visibleLabel, controls, autoFocus, children } = props;
  const field = (
    <>
      <label htmlFor={id} className={visibleLabel ? 'picker-label' : 'visually-hidden'}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        className={inputClassName}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testid}
        autoComplete="off"
        aria-controls={controls}
        autoFocus={autoFocus}
      />
      {children}
    </>
  );
  if (!onSubmit) return className ? <div className={className}>{field}</div> : field;
  return (
    <form
      role="search"
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {field}
    </form>
  );
}
