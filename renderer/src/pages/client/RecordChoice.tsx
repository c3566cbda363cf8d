/**
 * One choice among a few (a place, a kind of after-sales case) as words in a row, the chosen one
 * underlined in bordeaux: radio buttons in a fieldset, so arrows move between them.
 */
import { useId } from 'react';

export function RecordChoice({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <fieldset className="record-choice">
      <legend className="record-choice__legend">{legend}</legend>
      <div className="record-choice__options">
        {options.map((o) => (
          <label key={o.value} className="segmented__option record-choice__option">
            <input type="radio" name={`${id}-${name}`} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
