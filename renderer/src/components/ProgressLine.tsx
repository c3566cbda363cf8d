/** An indeterminate hairline that travels: work is under way, no number to promise. */
export function ProgressLine({ label }: { label: string }) {
  return <div className="progress-line" role="progressbar" aria-label={label} aria-valuetext={label} />;
}
