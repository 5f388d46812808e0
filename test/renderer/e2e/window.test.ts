// The window end to end: real server, real desktop services in the dev host, built renderer in a
// real Chromium. Hits are made from the test as a person would (X-Forwarded-For 203.0.113.x, a
// browser user agent), by a bot, and from the sender's own address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Preferences, RegisterMessageResponse } from '../../../src-shared/protocol';
import { api, hitAsPerson, registerMessage, waitFor } from '../../support/server';
import { buildRenderer, launchChromium, screenshot, startStack, watchProblems, type Stack } from './harness';
import { CLICK_HOLD_MS } from '../../../src-main/core/policy-click-hold';

const BOT_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

let rendererDir: string;
let browser: Browser;

beforeAll(async () => {
  [rendererDir, browser] = await Promise.all([buildRenderer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
});

describe('the window against the real services', () => {
  let stack: Stack;
  let page: Page;
  let problems: string[];
  let proposal: RegisterMessageResponse;
  let team: RegisterMessageResponse;

  beforeAll(async () => {
    stack = await startStack(rendererDir);
    page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
    problems = watchProblems(page);
    await page.goto(stack.host.url);
  });

  afterAll(async () => {
    await page?.close();
    await stack?.close();
  });

  it('teaches how to register a first email while there are none', async () => {
    await page.getByTestId('connection-status').getByText(/^Live/).waitFor();
    await page.getByTestId('no-messages').waitFor();
    expect(await page.getByTestId('no-messages').textContent()).toContain(`${stack.server.url}/api/v1/messages`);
    await screenshot(page, '01-activity-empty');
  });

  it('shows opens and clicks live, newest first, with machine and own hits hidden until asked', async () => {
    proposal = await registerMessage(stack.server, stack.user.token, { subject: 'Q3 proposal', threadId: 'thread-q3' });
    team = await registerMessage(stack.server, stack.user.token, {
      subject: 'Team offsite',
      to: [{ email: 'ann@acme.example', name: 'Ann Lee' }, { email: 'raj@acme.example', name: 'Raj Patel' }],
      html: '<p>Agenda: <a href="https://acme.example/agenda">the agenda</a></p>',
    });
    // A click before any open: the open is inferred. Then the pixel, a bot, and the sender's own look.
    await hitAsPerson(proposal.links[0]!.trackedUrl, { ip: '203.0.113.10' });
    await hitAsPerson(proposal.pixelUrl!, { ip: '203.0.113.10' });
    await hitAsPerson(proposal.pixelUrl!, { ip: '203.0.113.11', userAgent: BOT_UA });
    await fetch(proposal.pixelUrl!);
    await hitAsPerson(team.pixelUrl!, { ip: '203.0.113.12' });

    const list = page.getByTestId('activity-list');
    await list.getByText('Someone').first().waitFor();
    await list.getByText('clicked').first().waitFor();
    const first = await list.getByRole('option').first().textContent();
    expect(first).toContain('Someone');
    expect(first).toContain('Team offsite');
    expect(await list.getByText('opened (inferred)').count()).toBe(1);
    expect(await list.locator('[data-source="machine"], [data-source="self"]').count()).toBe(0);
    await screenshot(page, '02-activity-live');

    await page.getByLabel('Machine and own activity').check();
    await list.locator('[data-source="machine"]').first().waitFor();
    const machine = await list.locator('[data-source="machine"]').first().textContent();
    expect(machine).toContain('A machine loaded the pixel for Jane Doe');
    expect(machine).toMatch(/bot|scanner/);
    const own = await list.locator('[data-source="self"]').first().textContent();
    expect(own).toContain('your own address');
    await screenshot(page, '03-activity-machine-and-self');
    await page.getByLabel('Machine and own activity').uncheck();
  });

  it('lists the emails with figures that count people only, and searches them', async () => {
    await page.keyboard.press('e');
    const rows = page.getByTestId('email-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const row = rows.filter({ hasText: 'Q3 proposal' });
    // One inferred open + one seen open, one click; the bot and the sender's own look do not count.
    expect(await row.getAttribute('aria-label')).toContain('2 opens, 1 click, 0 replies');
    await screenshot(page, '04-emails');

    await page.getByLabel('Search emails by subject or recipient').fill('raj@');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="email-row"]').length === 1);
    expect(await rows.first().textContent()).toContain('Team offsite');
    await page.getByLabel('Search emails by subject or recipient').fill('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="email-row"]').length === 2);
  });

  it("tells an email's story with honest labels, and updates it live", async () => {
    await page.getByTestId('email-row').filter({ hasText: 'Q3 proposal' }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain('inferred');
    expect(text).toContain('machine');
    expect(text).toContain('self');
    expect(text).toContain('clicked');
    expect(await page.getByTestId('recipients').textContent()).toMatch(/Jane Doe.*yes, 2 times/s);
    expect(await page.getByTestId('links').textContent()).toContain('1 click');
    expect(await page.getByTestId('engagement-chart').getAttribute('aria-label')).toMatch(/2 opens, 1 clicks/);
    expect(page.url()).toContain(`#/email/${proposal.id}`);

    const before = await timeline.locator('li').count();
    await api(stack.server, stack.user.token, 'POST', `/api/v1/messages/${proposal.id}/replies`, { from: 'jane@acme.example' });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="timeline"] li').length > n, before);
    expect(await timeline.locator('li').first().textContent()).toContain('replied');
    await screenshot(page, '05-email-detail');

    await page.goto(`${stack.host.url}#/email/${team.id}`);
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByTestId('timeline').textContent()).toContain('one of several recipients');
    expect(await page.getByTestId('unattributed').innerText()).toContain('1 signal came from “Someone”');
    await screenshot(page, '06-email-someone');
  });

  it('mutes a thread from the email and shows it muted everywhere; muted activity raises no notification', async () => {
    await page.goto(`${stack.host.url}#/email/${proposal.id}`);
    await page.getByRole('button', { name: 'Mute this thread' }).click();
    await page.getByRole('button', { name: 'Unmute this thread' }).waitFor();
    const prefs = await api<Preferences>(stack.server, stack.user.token, 'GET', '/api/v1/me/preferences');
    expect(prefs.body.mutes).toEqual([{ kind: 'thread', value: 'thread-q3', until: null }]);

    await page.getByRole('button', { name: /^Emails/ }).click();
    await page.getByTestId('email-row').first().waitFor();
    expect(await page.getByTestId('email-row').filter({ hasText: 'Q3 proposal' }).getByTestId('muted-tag').count()).toBe(1);
    expect(await page.getByTestId('email-row').filter({ hasText: 'Team offsite' }).getByTestId('muted-tag').count()).toBe(0);

    await page.getByRole('button', { name: /^Settings/ }).click();
    expect(await page.getByTestId('mute-list').textContent()).toContain('thread-q3');

    const shown = stack.host.notifier.shown.length;
    await hitAsPerson(proposal.pixelUrl!, { ip: '203.0.113.20' });
    await hitAsPerson(team.links[0]!.trackedUrl, { ip: '203.0.113.21' });
    // A person's click notifies only after the hold that lets a scanner's click burst show itself.
    await waitFor(() => stack.host.notifier.shown.length > shown, CLICK_HOLD_MS + 5000, 'the unmuted click to notify');
    await page.getByRole('button', { name: /^Activity/ }).click();
    await page.getByTestId('activity-list').getByText('the agenda').waitFor();
    const after = stack.host.notifier.shown.slice(shown).map((n) => n.toast);
    // The unmuted click notified (alone, or in a burst summary); nothing points at the muted thread.
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((toast) => toast.target.view === 'email' && toast.target.messageId === proposal.id)).toEqual([]);
    expect(after.filter((toast) => toast.title.includes('opened “Q3 proposal”'))).toEqual([]);

    await page.goto(`${stack.host.url}#/email/${proposal.id}`);
    await page.getByRole('button', { name: 'Unmute this thread' }).click();
    await page.getByRole('button', { name: 'Mute this thread' }).waitFor();
    await page.getByRole('button', { name: /^Undo: Unmuted this thread/ }).click();
    await page.getByRole('button', { name: 'Unmute this thread' }).waitFor();
  });

  it('changes settings, undoes one, and keeps them after a reload', async () => {
    await page.goto(`${stack.host.url}#/settings`);
    const sound = page.getByLabel('Play a sound');
    const quiet = page.getByLabel('Hold notifications during quiet hours, then show one summary');
    expect(await sound.isChecked()).toBe(true);
    await sound.uncheck();
    await page.getByRole('button', { name: 'Undo: Turned off: Play a sound' }).waitFor();
    await quiet.check();
    await page.getByRole('button', { name: 'Undo: Quiet hours on' }).waitFor();
    await page.getByLabel('Quiet hours start', { exact: true }).fill('21:30');
    await page.getByLabel('Quiet hours start', { exact: true }).dispatchEvent('change');
    await page.getByLabel('Domain or address never to log').fill('secret.example');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByTestId('never-log').getByText('secret.example').waitFor();
    await screenshot(page, '07-settings');

    await page.getByRole('button', { name: 'Undo: Never log secret.example' }).click();
    await page.getByTestId('never-log').waitFor({ state: 'detached' });

    await page.reload();
    await page.getByLabel('Play a sound').waitFor();
    expect(await page.getByLabel('Play a sound').isChecked()).toBe(false);
    expect(await page.getByLabel('Hold notifications during quiet hours, then show one summary').isChecked()).toBe(true);
    expect(await page.getByLabel('Quiet hours start', { exact: true }).inputValue()).toBe('21:30');
    const prefs = await api<Preferences>(stack.server, stack.user.token, 'GET', '/api/v1/me/preferences');
    expect(prefs.body.neverLog).toEqual([]);

    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, '08-settings-dark');
    await page.goto(`${stack.host.url}#/activity`);
    await page.getByTestId('activity-list').waitFor();
    await screenshot(page, '09-activity-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('is driven from the keyboard: arrows and Enter open an email, Escape goes back', async () => {
    await page.goto(`${stack.host.url}#/activity`);
    await page.keyboard.press('e');
    const list = page.getByRole('listbox', { name: 'Tracked emails, newest first' });
    await list.waitFor();
    await list.focus();
    await page.keyboard.press('ArrowDown');
    const active = await list.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(page.url()).toContain('#/email/');
    await page.keyboard.press('Escape');
    await list.waitFor();
    expect(page.url()).toContain('#/emails');
  });

  it('opens the email of a clicked notification (main navigates the window)', async () => {
    await page.goto(`${stack.host.url}#/settings`);
    const toast = stack.host.notifier.shown.find((n) => n.toast.target.view === 'email');
    const target = toast?.toast.target;
    if (!toast || target?.view !== 'email') throw new Error('no notification about one email was shown');
    toast.click();
    const subject = target.messageId === team.id ? 'Team offsite' : 'Q3 proposal';
    await page.getByRole('heading', { level: 1, name: subject }).waitFor();
    expect(page.url()).toContain(`#/email/${target.messageId}`);
    expect(stack.host.window.shows).toBeGreaterThan(0);
  });

  it('puts an email registered while the list is open on top when its first event arrives', async () => {
    await page.goto(`${stack.host.url}#/emails`);
    const rows = page.getByTestId('email-row');
    await rows.first().waitFor();
    const fresh = await registerMessage(stack.server, stack.user.token, { subject: 'Fresh lead' });
    expect(await rows.filter({ hasText: 'Fresh lead' }).count()).toBe(0);
    await hitAsPerson(fresh.pixelUrl!, { ip: '203.0.113.30' });
    await rows.filter({ hasText: 'Fresh lead' }).waitFor();
    expect(await rows.first().innerText()).toContain('Fresh lead');
  });

  it('shows the logged copy and its attachments for a logged email', async () => {
    const logged = await registerMessage(stack.server, stack.user.token, {
      subject: 'Signed contract',
      log: true,
      text: 'Hi Jane, the signed contract is attached.',
      attachments: [{ filename: 'contract.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 test').toString('base64') }],
    });
    expect(logged.logged).toBe(true);
    await page.goto(`${stack.host.url}#/email/${logged.id}`);
    const copy = page.getByTestId('logged-copy');
    await copy.waitFor();
    expect(await copy.innerText()).toContain('the signed contract is attached');
    expect(await copy.innerText()).toMatch(/contract\.pdf \(application\/pdf, 13 B\)/);
    await screenshot(page, '11-email-logged');
  });

  it('loaded no inline code and broke no CSP rule', () => {
    expect(problems).toEqual([]);
  });
});

describe('first run', () => {
  it('asks for the server, checks the token, connects, and says so when the server goes away', async () => {
    const stack = await startStack(rendererDir, { connect: false });
    const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
    const problems = watchProblems(page);
    try {
      await page.goto(stack.host.url);
      await page.getByTestId('no-server').waitFor();
      await page.getByLabel('Server URL').fill(stack.server.url);
      await page.getByLabel('Token').fill('wrong-token');
      await page.getByRole('button', { name: 'Test' }).click();
      await page.getByTestId('connect-result').getByText(/refused/).waitFor();
      await page.getByLabel('Token').fill(stack.user.token);
      await page.getByRole('button', { name: 'Test' }).click();
      await page.getByTestId('connect-result').getByText('Works: signed in as Sam Sender.').waitFor();
      await screenshot(page, '00-first-run');
      await page.getByRole('button', { name: 'Save and connect' }).click();
      await page.getByTestId('connection-status').getByText(/^Live/).waitFor();
      await page.getByTestId('no-messages').waitFor();
      expect(problems).toEqual([]);

      await stack.stopServer();
      await page.getByTestId('offline').waitFor();
      expect(await page.getByTestId('offline').innerText()).toContain('Nothing is lost');
      await screenshot(page, '10-offline');
    } finally {
      await page.close();
      await stack.close();
    }
  });
});
