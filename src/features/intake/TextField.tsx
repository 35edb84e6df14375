/**
 * One labelled field of the intake form. The problem sits outside the label, so the field's
 * accessible name stays its label; it is tied to the field by aria-describedby, with the hint,
 * so a screen reader reads both when the field gets focus.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  /** the field's element id; its problem and hint take ids from it */
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** the problem in words, shown and announced with the field */
  problem?: string | undefined;
  hint?: ReactNode;
}

export function TextField({ id, label, value, onChange, problem, hint, ...input }: Props) {
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label>
        {label}
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described || undefined}
          autoComplete="off"
          {...input}
        />
      </label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-error`} className="field-error">
          {problem}
        </span>
      )}
    </div>
  );
}
