/**
 * Light and dark follow the system (`prefers-color-scheme`) unless `data-theme` on <html> says
 * otherwise; a stored choice ('light' | 'dark') sets that attribute.
 */
export type Theme = 'light' | 'dark';
const KEY = 'carnet.theme';

export function storedTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

export function applyTheme(theme: Theme | null): void {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

export function applyStoredTheme(): void {
  applyTheme(storedTheme());
}

export function setTheme(theme: Theme | null): void {
  try {
    if (theme) window.localStorage.setItem(KEY, theme);
    else window.localStorage.removeItem(KEY);
  } catch {
    // The choice lasts for this session only.
  }
  applyTheme(theme);
}
