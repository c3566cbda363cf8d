import { useFormatters } from '../i18n/format';

/** "3 weeks ago", with the exact date for whoever hovers or reads it aloud on request. */
export function RelativeTime({ instant }: { instant: string }) {
  const format = useFormatters();
  return (
    <time dateTime={instant} title={format.instantDateTime(instant)}>
      {format.relative(instant)}
    </time>
  );
}
