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
  className?: string;
  autoFocus?: boolean;
  /** Rendered after the input, inside the form (e.g. a result count). */
  children?: ReactNode;
}

export function SearchField({ id, label, value, onChange, placeholder, onSubmit, testid, className, autoFocus, children }: SearchFieldProps) {
  const field = (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testid}
        autoComplete="off"
        autoFocus={autoFocus}
      />
      {children}
    </>
  );
  if (!onSubmit) return <div className={className}>{field}</div>;
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
