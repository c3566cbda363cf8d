/**
 * "Save as PDF" on the appointment brief, through the harness: the core allows the export and
 * audits it; with no PDF printer on the host's side the page opens the browser's print dialog
 * (stubbed here, counted). A restricted client's brief is refused with a clear message and
 * nothing is printed. Electron's own printToPDF and save dialog are covered by
 * test/unit/main/print.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startE2E, type E2E } from './support.js';

interface Loose {
  ok: boolean;
  value?: any;
  error?: { code: string };
}

describe('the brief as a PDF in Chromium', () => {
  let e2e: E2E;
  let clientId: string;

  const core = async (channel: string, input: unknown): Promise<Loose> => (await e2e.host.core.router.dispatch(channel, input)) as Loose;
  const printed = (): Promise<number> => e2e.page.evaluate('window.__printed ?? 0') as Promise<number>;
  const exports = async (): Promise<number> => {
    const audit = await core('privacy.audit.list', { limit: 200 });
    return (audit.value.entries as { action: string; targetIds: string[] }[]).filter((e) => e.action === 'io.exportBrief' && e.targetIds.includes(clientId)).length;
  };

  async function openBrief(): Promise<void> {
    await e2e.page.evaluate(`window.location.hash = '#/clients/${clientId}/brief'`);
    await e2e.page.getByRole('heading', { level: 2, name: 'What to remember' }).waitFor();
    await e2e.page.evaluate('window.__printed = 0; window.print = () => { window.__printed += 1; }');
  }

  beforeAll(async () => {
    e2e = await startE2E({ demoClients: 40 });
    await e2e.page.getByRole('button', { name: 'Open the demo maison' }).click();
    await e2e.page.getByRole('table', { name: 'Clients' }).waitFor({ timeout: 60_000 });
    const list = await core('clients.list', { limit: 40 });
    clientId = (list.value.items as { id: string; status: string }[]).find((c) => c.status === 'active')!.id;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('is allowed by the core, audited, and printed by the page', async () => {
    await openBrief();
    const before = await exports();
    await e2e.page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect.poll(printed).toBe(1);
    expect(await exports()).toBe(before + 1);
    // No "saved" notice: nothing was saved by the host; the browser's dialog took over.
    expect(await e2e.page.getByText('The brief was saved as a PDF.').count()).toBe(0);
    await screenshot(e2e.page, 'e2e-brief-01-pdf');
    // Printing on paper asks the core too: an export as well.
    await e2e.page.getByRole('button', { name: 'Print', exact: true }).click();
    await expect.poll(printed).toBe(2);
    expect(await exports()).toBe(before + 2);
    // So does Ctrl+P: through the core, never the browser behind its back.
    await e2e.page.keyboard.press('Control+P');
    await expect.poll(printed).toBe(3);
    expect(await exports()).toBe(before + 3);
  });

  it('the 360 says the people around a client are not shown, rather than "0", once relationship mapping is withdrawn', async () => {
    const list = await core('clients.list', { limit: 40 });
    let target: string | null = null;
    for (const c of list.value.items as { id: string; status: string }[]) {
      if (c.status !== 'active' || c.id === clientId) continue;
      const got = await core('clients.get', { id: c.id });
      if (got.value.relationshipMapping && got.value.categoryCounts.relations > 0) {
        target = c.id;
        break;
      }
    }
    expect(target).not.toBeNull();
    await e2e.page.evaluate(`window.location.hash = '#/clients/${target}'`);
    const figures = e2e.page.getByRole('region', { name: 'The relationship' });
    await figures.getByText(/people around them$/).waitFor();
    const withdrawn = await core('privacy.consents.record', { clientId: target, purpose: 'relationship_mapping', action: 'withdraw', source: 'in_person', noticeVersion: '2026-01' });
    expect(withdrawn.ok).toBe(true);
    await e2e.page.reload();
    await figures.getByText('people around them (not shown)').waitFor();
    const figure = figures.locator('.figure').filter({ hasText: 'people around them (not shown)' });
    expect(await figure.locator('dd').innerText()).toBe('—');
  });

  it('reads a relation said of the client from the other person’s side in Family & circle', async () => {
    const list = await core('clients.list', { limit: 40 });
    let found: { clientId: string; label: string; lastName: string } | null = null;
    for (const c of list.value.items as { id: string; status: string }[]) {
      if (c.status !== 'active') continue;
      const v = await core('clients.get360', { id: c.id });
      const m = ((v.value?.circle ?? []) as { lastName: string; relation: { label: string | null; personIsFrom: boolean } }[]).find((x) => !x.relation.personIsFrom && x.relation.label === 'referred by');
      if (m) {
        found = { clientId: c.id, label: m.relation.label as string, lastName: m.lastName };
        break;
      }
    }
    expect(found).not.toBeNull();
    await e2e.page.evaluate(`window.location.hash = '#/clients/${found!.clientId}'`);
    const circle = e2e.page.locator('section[aria-labelledby="client-circle"]');
    const row = circle.locator('li', { hasText: found!.lastName }).first();
    await row.getByText('introduced the client').waitFor();
    expect(await row.innerText()).not.toContain('referred by');
  });

  it('says a client is not in the book, with a way back, on the 360, the brief and the edit page', async () => {
    const unknown = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    for (const path of [`#/clients/${unknown}`, `#/clients/${unknown}/brief`, `#/clients/${unknown}/edit`]) {
      // From the list each time, so the previous page's message is never the one found.
      await e2e.page.evaluate(`window.location.hash = '#/clients'`);
      await e2e.page.getByRole('table', { name: 'Clients' }).waitFor();
      await e2e.page.evaluate(`window.location.hash = '${path}'`);
      await e2e.page.getByRole('heading', { level: 1, name: 'This client is not in your book' }).waitFor();
      await expect.poll(async () => (await e2e.page.getByRole('link').allInnerTexts()).map((l) => l.trim()), { message: path }).toContain('All clients');
    }
  });

  it('is refused for a restricted client, with a clear message and nothing printed', async () => {
    expect((await core('privacy.restrict', { clientId, restricted: true })).ok).toBe(true);
    await openBrief();
    await e2e.page.getByRole('button', { name: 'Save as PDF' }).click();
    const alert = e2e.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('restricted: the brief can be read here, but not printed or saved');
    await e2e.page.getByRole('button', { name: 'Print', exact: true }).click();
    await e2e.page.getByRole('button', { name: 'Print', exact: true }).isEnabled();
    await e2e.page.keyboard.press('Control+P');
    await e2e.page.waitForTimeout(300);
    expect(await printed()).toBe(0);
    await screenshot(e2e.page, 'e2e-brief-02-pdf-restricted');
    expect((await core('privacy.restrict', { clientId, restricted: false })).ok).toBe(true);
  });
});
