/** Initials in a hairline circle, the way a maison marks a leather good. */
export function Monogram({ name, size = 'md' }: { name: string; size?: 'md' | 'lg' }) {
  const initials = name
    .split(/[\s\-–—]+/u)
    .filter((part) => /\p{L}/u.test(part))
    .map((part) => [...part][0]?.toLocaleUpperCase() ?? '')
    .filter(Boolean);
  const letters = initials.length > 2 ? [initials[0], initials[initials.length - 1]] : initials;
  return (
    <span className={`monogram monogram--${size}`} aria-hidden="true" data-private="">
      {letters.join('')}
    </span>
  );
}
