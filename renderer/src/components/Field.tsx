import { useId, type ReactNode } from 'react';

export interface FieldRenderProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean | undefined;
}

export interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Extra line under the control (e.g. a strength meter), announced with the hint. */
  extra?: ReactNode;
  children: (props: FieldRenderProps) => ReactNode;
}

/** A labelled control with its hint and its error, wired for assistive technology. */
export function Field({ label, hint, error, extra, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const extraId = `${id}-extra`;
  const describedBy = [error ? errorId : null, hint ? hintId : null, extra ? extraId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {extra ? (
        <div className="field__extra" id={extraId}>
          {extra}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
