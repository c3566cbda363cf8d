/**
 * "Appointments to come" on the Client 360 (AppointmentsSection), rendered to markup: when, where
 * and what for, each with "Held" and "Cancelled"; the purpose veiled in discreet mode; a quiet line
 * when nothing is planned or when the client's consents hide appointments; no action on a
 * restricted record. (The Chromium spec exercises it once the Client 360 renders it.)
 *
 * React, the renderer and their providers are loaded at run time, through specifiers TypeScript
 * does not follow: a static import would bring React's global DOM declarations into the Node
 * side's type-check (tsconfig.node.json), which has no DOM and checks the e2e specs too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../renderer/src/i18n/en.json';
import recordsEn from '../../../renderer/src/i18n/parts/records.en.json';

const CLIENT = '01JABCDEFGHJKMNPQRSTVWXYZ0';

interface Appointment {
  id: string;
  clientId: string;
  startsAt: string;
  endsAt: string | null;
  place: 'boutique' | 'private_salon' | 'hotel' | 'home';
  purpose: string | null;
  status: 'planned' | 'done' | 'cancelled';
  note: string | null;
}

type Component = (props: Record<string, unknown>) => unknown;
type CreateElement = (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;

interface Loaded {
  createElement: CreateElement;
  renderToStaticMarkup: (element: unknown) => string;
  QueryClient: new () => { setQueryData(key: readonly unknown[], data: unknown): void };
  QueryClientProvider: Component;
  I18nextProvider: Component;
  i18n: unknown;
  MemoryRouter: Component;
  Routes: Component;
  Route: Component;
  AppointmentsSection: Component;
}

const load = (specifier: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ specifier) as Promise<Record<string, unknown>>;
let m: Loaded;

beforeAll(async () => {
  // The formatters ask the system's language (Node 20 has no `navigator`).
  if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: { language: 'en-GB' }, configurable: true });
  const [react, server, query, i18next, reactI18next, router, around] = await Promise.all(
    ['react', 'react-dom/server', '@tanstack/react-query', 'i18next', 'react-i18next', 'react-router', '../../../renderer/src/pages/client/Around'].map(load),
  );
  const i18n = (i18next!.default as { createInstance(): { use(p: unknown): { init(o: unknown): Promise<unknown> } } }).createInstance();
  await i18n.use(reactI18next!.initReactI18next).init({ lng: 'en', resources: { en: { translation: { ...en, ...recordsEn } } }, interpolation: { escapeValue: false } });
  m = {
    createElement: react!.createElement as CreateElement,
    renderToStaticMarkup: server!.renderToStaticMarkup as Loaded['renderToStaticMarkup'],
    QueryClient: query!.QueryClient as Loaded['QueryClient'],
    QueryClientProvider: query!.QueryClientProvider as Component,
    I18nextProvider: reactI18next!.I18nextProvider as Component,
    i18n,
    MemoryRouter: router!.MemoryRouter as Component,
    Routes: router!.Routes as Component,
    Route: router!.Route as Component,
    AppointmentsSection: around!.AppointmentsSection as Component,
  };
});

function render(appointments: readonly Appointment[] | null, status: 'active' | 'restricted' = 'active'): string {
  const h = m.createElement;
  const queryClient = new m.QueryClient();
  queryClient.setQueryData(['clients', 'get', CLIENT], { id: CLIENT, status });
  const section = h(m.AppointmentsSection, { clientId: CLIENT, appointments });
  const routes = h(m.Routes, null, h(m.Route, { path: '/clients/:id', element: section }));
  return m.renderToStaticMarkup(
    h(m.QueryClientProvider, { client: queryClient }, h(m.I18nextProvider, { i18n: m.i18n }, h(m.MemoryRouter, { initialEntries: [`/clients/${CLIENT}`] }, routes))),
  );
}

const salon: Appointment = {
  id: '01JABCDEFGHJKMNPQRSTVWXYZ1',
  clientId: CLIENT,
  startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  endsAt: null,
  place: 'private_salon',
  purpose: 'Fitting of the <b>Serpentine</b> ring',
  status: 'planned',
  note: null,
};

describe('AppointmentsSection', () => {
  it('shows when, where and what for, with "Held" and "Cancelled"', () => {
    const html = render([salon]);
    expect(html).toContain('Appointments to come');
    expect(html).toContain('Private salon');
    expect(html).toContain('in 3 days');
    expect(html).toContain(`dateTime="${salon.startsAt}"`);
    // The purpose is the advisor's text: escaped, and veiled in discreet mode.
    expect(html).toMatch(/<span class="book-ledger__sub" data-private="">Fitting of the &lt;b&gt;Serpentine&lt;\/b&gt; ring<\/span>/);
    expect(html).toMatch(/<button[^>]*>Held<\/button>/);
    expect(html).toMatch(/<button[^>]*>Cancelled<\/button>/);
    expect(html).toContain('Schedule an appointment');
  });

  it('leaves out what is not planned, says so when nothing is, and says when consents hide it', () => {
    expect(render([{ ...salon, status: 'cancelled' }])).toContain('No appointment planned.');
    expect(render(null)).toContain('Hidden by the client’s consents.');
  });

  it('offers no action on a restricted record', () => {
    const html = render([salon], 'restricted');
    expect(html).toContain('Private salon');
    expect(html).not.toMatch(/<button/);
  });
});
