/** A PIN field: digits on a phone's keypad, hidden as typed, never filled in by the browser. */
import type { Ref } from 'react';

interface Props {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  isInvalid?: boolean;
  isNew?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  describedBy?: string | undefined;
}

export function PinInput({
  label,
  name,
  value,
  onChange,
  isInvalid,
  isNew,
  inputRef,
  describedBy,
}: Props) {
  return (
    <label>
      {label}
      <input
        ref={inputRef}
        name={name}
        type="password"
        inputMode="numeric"
        // 12 digits at most (ADR 0015); the lower bound is not enforced here, since a person
        // whose old PIN is shorter still types it once to be asked for a new one.
        maxLength={12}
        autoComplete={isNew ? 'new-password' : 'off'}
        aria-invalid={isInvalid || undefined}
        aria-describedby={describedBy}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
