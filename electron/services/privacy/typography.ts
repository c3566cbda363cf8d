/** French typography for Carnet's own texts (never for what the advisor typed). */
export const NNBSP = '\u202f'; // before ; ? ! in French
export const NBSP = '\u00a0'; // before : in French

/** U+202F before ; ? !, U+00A0 before : — whatever space (or none) was there. */
export function frenchSpacing(text: string): string {
  return text.replace(/[ \u00a0\u202f]([;?!])/g, `${NNBSP}$1`).replace(/[ \u00a0\u202f]:/g, `${NBSP}:`);
}
