/**
 * The product as a person uses it, in headless Chromium against the real server: first setup,
 * sign-in, live assist (highlights, gauges, a risk appearing in the draft, the checklist ticking),
 * escalation arriving live in a supervisor's session, the debrief, the dashboard, the language
 * switch, and a stored XSS attempt shown as plain text. Screenshots go to packages/web/screenshots/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CHROMIUM, type Harness, hasChromium, SCREENSHOTS, SETUP_TOKEN, startHarness } from './harness.ts';

const PASSWORD = 'un mot de passe assez long';
const skip = hasChromium()
  ? false
  : `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`;
if (skip) console.warn(`# e2e skipped: ${skip}`);

const XSS = 'Vous êtes des escrocs <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> !';

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Collects what must never happen: script errors, dialogs, Content-Security-Policy violations. */
function watch(page: Page, into: string[]) {
  page.on('pageerror', (e) => into.push(String(e)));
  page.on('dialog', (d) => into.push(`dialog: ${d.message()}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) into.push(`csp: ${m.text()}`);
  });
}

async function login(page: Page, email: string) {
  await page.goto('/#/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('user-name').waitFor();
}

/** Form controls and buttons without an accessible name (label, aria-label or text). */
async function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => {
        const control = el as HTMLInputElement;
        if (control.type === 'hidden') return false;
        const named =
          (control.labels && control.labels.length > 0) ||
          el.getAttribute('aria-label') ||
          el.getAttribute('aria-labelledby') ||
          (el.tagName === 'BUTTON' && (el.textContent ?? '').trim().length > 0);
        return !named;
      })
      .map((el) => el.outerHTML.slice(0, 100)),
  );
}

/** Calls the API from inside a signed-in page (session cookie + CSRF header). */
async function apiAs<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, p, b]) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(p as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      if (!res.ok) throw new Error(`${m} ${p}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : res.json();
    },
    [method, path, body] as const,
  ) as Promise<T>;
}

describe('web app end to end', { skip, timeout: 300_000 }, () => {
  let h: Harness;
  let admin: Page;
  let agent: Page;
  let supervisor: Page;
  const pageErrors: string[] = [];

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  it('first setup creates the organisation and signs the administrator in', async () => {
    const s = await h.newPage();
    admin = s.page;
    pageErrors.push(...s.errors);
    watch(s.page, pageErrors);
    await admin.goto('/');
    await admin.getByRole('heading', { name: 'Première configuration' }).waitFor();
    await shot(admin, 'setup');
    await admin.getByLabel('Jeton de configuration').fill(SETUP_TOKEN);
    await admin.getByLabel("Nom de l'organisation").fill('Atelier Dupont');
    await admin.getByLabel('Votre nom').fill('Ada Admin');
    await admin.getByLabel('Adresse e-mail').fill('ada@atelier.test');
    await admin.getByLabel('Mot de passe').fill(PASSWORD);
    await admin.getByRole('button', { name: "Créer l'organisation" }).click();
    await admin.getByTestId('user-name').waitFor();
    assert.match((await admin.getByTestId('user-name').textContent()) ?? '', /Ada Admin/);
    const sup = await apiAs<{ id: string }>(admin, 'POST', '/api/v1/users', {
      email: 'sam@atelier.test',
      name: 'Sam Superviseur',
      role: 'supervisor',
      password: PASSWORD,
    });
    await apiAs(admin, 'POST', '/api/v1/users', {
      email: 'alex@atelier.test',
      name: 'Alex Conseiller',
      role: 'agent',
      password: PASSWORD,
      supervisorId: sup.id,
    });
  });

  it('the login page refuses a wrong password, then signs the agent in', async () => {
    const s = await h.newPage();
    agent = s.page;
    watch(agent, pageErrors);
    await agent.goto('/#/login');
    await agent.getByLabel('Adresse e-mail').fill('alex@atelier.test');
    await agent.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await agent.getByRole('button', { name: 'Se connecter' }).click();
    await agent.getByRole('alert').filter({ hasText: 'incorrect' }).waitFor();
    await shot(agent, 'login');
    await login(agent, 'alex@atelier.test');
    // keyboard: the first Tab reaches the skip link, which moves focus to the content
    await agent.reload();
    await agent.getByTestId('user-name').waitFor();
    await agent.keyboard.press('Tab');
    assert.equal(await agent.evaluate(() => document.activeElement?.className), 'skip-link');
    await agent.keyboard.press('Enter');
    assert.equal(await agent.evaluate(() => document.activeElement?.id), 'main');
    // an agent has no supervision link
    assert.equal(await agent.locator('[data-nav="inbox"]').count(), 0);
  });

  it('the supervisor opens the inbox and is connected live', async () => {
    const s = await h.newPage();
    supervisor = s.page;
    watch(supervisor, pageErrors);
    await login(supervisor, 'sam@atelier.test');
    await supervisor.goto('/#/inbox');
    await supervisor.locator('[data-testid="live-status"].on').waitFor({ timeout: 20_000 });
  });

  it('live assist highlights the client message and checks the draft as it is typed', async () => {
    await agent.goto('/#/assist');
    await agent.getByLabel('Nom du client (facultatif)').fill('M. Martin');
    await agent
      .getByLabel('Collez ou saisissez le message reçu')
      .fill(
        "C'EST INADMISSIBLE !!! Bande d'incapables, ça ne marche jamais. Remboursez-moi ou mon avocat vous contactera.",
      );
    const insult = agent.locator('[data-testid="client-text"] mark[data-signal~="abuse.insult"]');
    await insult.first().waitFor();
    assert.equal(await insult.first().textContent(), 'incapables');
    // the tooltip explains the finding and the part of the method, on keyboard focus too
    await insult.first().focus();
    const tip = agent.getByRole('tooltip');
    await tip.waitFor();
    assert.match((await tip.textContent()) ?? '', /Insulte/);
    assert.match((await tip.textContent()) ?? '', /Dans la méthode/);
    const anger = Number(
      await agent.getByTestId('gauge-anger').getByRole('meter').getAttribute('aria-valuenow'),
    );
    assert.ok(anger > 0, `anger gauge ${anger}`);
    await agent.getByTestId('recommendation').waitFor();
    assert.ok(await agent.getByTestId('recommendation').getAttribute('data-action'));

    // the protocol proposes a reply for this moment; the agent can start from it
    await agent.getByTestId('proposal').waitFor();
    const draft = agent.getByLabel('Brouillon de réponse, vérifié pendant que vous écrivez');
    await agent.getByTestId('proposal').getByRole('button', { name: 'Partir de cette proposition' }).click();
    assert.ok((await draft.inputValue()).length > 20);
    assert.equal(await agent.getByTestId('proposal').count(), 0);
    await draft.fill('Calmez-vous, ce n’est pas si grave.');
    const risk = agent.locator('[data-testid="draft-risks"] [data-signal="risk.dismissive"]');
    await risk.first().waitFor();
    const before = Number(await agent.getByTestId('draft-score').textContent());
    await shot(agent, 'assist-risk');
    await risk.first().getByRole('button', { name: 'Remplacer' }).click();
    assert.doesNotMatch(await draft.inputValue(), /^Calmez-vous/);
    await draft.fill(
      'Merci pour votre message, je comprends votre colère. Je vous propose de vérifier votre commande dès aujourd’hui.',
    );
    await agent.locator('[data-testid="checklist"] [data-item="reply.thanks"][data-done="true"]').waitFor();
    assert.equal(await agent.locator('[data-testid="draft-risks"]').count(), 0);
    const afterScore = Number(await agent.getByTestId('draft-score').textContent());
    assert.ok(afterScore > before, `score ${before} → ${afterScore}`);
    await shot(agent, 'assist');
    assert.deepEqual(await unlabelled(agent), []);
  });

  it('recording an abusive turn opens an incident, escalating alerts the supervisor live', async () => {
    await agent.getByRole('button', { name: "Enregistrer l'échange" }).click();
    await agent.locator('.notice-warn').filter({ hasText: 'incident' }).waitFor();
    // the agent is asked how they feel, and can ask to talk it over
    const checkin = agent.getByTestId('wellbeing');
    await checkin.getByLabel('Tendu').check();
    await checkin.getByLabel("J'aimerais en parler avec mon superviseur").check();
    await checkin.getByRole('button', { name: 'Envoyer' }).click();
    await agent.getByText('Votre superviseur est prévenu').waitFor();
    await agent.locator('[data-testid="turn"]').first().waitFor();
    // the supervisor sees the incident arrive without reloading
    await supervisor.locator('[data-testid="incidents"] li').first().waitFor({ timeout: 20_000 });

    await agent
      .getByLabel('Collez ou saisissez le message reçu')
      .fill('Vous êtes vraiment des incapables, je ne me calmerai pas.');
    await agent.getByRole('button', { name: 'Escalader' }).click();
    await agent.getByRole('button', { name: 'Alerter un superviseur' }).click();
    await agent.locator('.notice-ok').filter({ hasText: 'superviseur' }).waitFor();

    const esc = supervisor.getByTestId('escalation').first();
    await esc.waitFor({ timeout: 20_000 });
    assert.match((await esc.textContent()) ?? '', /superviseur/);
    await supervisor.getByTestId('live-alert').getByText('Nouvelle escalade').waitFor();
    await shot(supervisor, 'inbox');
    assert.deepEqual(await unlabelled(supervisor), []);
    await esc.getByRole('button', { name: 'Prendre en compte' }).click();
    await supervisor.getByTestId('escalation').filter({ hasText: 'Prise en compte' }).waitFor();
  });

  it('the supervisor writes the support note and the debrief of the incident', async () => {
    const esc = supervisor.getByTestId('escalation').first();
    await esc.getByRole('button', { name: 'Note de soutien' }).click();
    await esc
      .getByLabel('Note de soutien au conseiller')
      .fill('Appel avec Alex après l’échange ; il a bien posé la limite.');
    await esc.getByRole('button', { name: 'Enregistrer' }).click();

    await supervisor.locator('[data-testid="incidents"] li a').first().click();
    await supervisor.getByRole('heading', { name: 'Débriefing' }).waitFor();
    await supervisor
      .getByLabel("Ce qui s'est passé")
      .fill('Client furieux, insultes répétées après la limite.');
    await supervisor.getByLabel('Ce qui a bien fonctionné').fill('La limite a été posée calmement.');
    await supervisor.getByLabel("Ce qu'on ferait autrement").fill('Passer la main dès la deuxième insulte.');
    await supervisor
      .getByLabel('La stratégie pour la prochaine fois')
      .fill('Contact par écrit uniquement avec ce client.');
    await supervisor.getByRole('button', { name: 'Marquer comme fait' }).click();
    await supervisor.getByTestId('debrief-status').filter({ hasText: 'Fait le' }).waitFor();
    await shot(supervisor, 'incident');
    assert.deepEqual(await unlabelled(supervisor), []);
    // the incident file prints without the app's chrome
    await supervisor.emulateMedia({ media: 'print' });
    assert.equal(await supervisor.locator('.app-header').isVisible(), false);
    assert.equal(await supervisor.getByTestId('evidence').isVisible(), true);
    await supervisor.emulateMedia({ media: 'screen' });
  });

  it('the client file shows the risk profile, incidents and a new restriction', async () => {
    await supervisor.getByRole('link', { name: 'Fiche client' }).first().click();
    await supervisor.getByRole('heading', { name: 'M. Martin' }).waitFor();
    const level = await supervisor.getByTestId('risk-profile').getAttribute('data-level');
    assert.notEqual(level, 'none');
    await supervisor.getByLabel('Motif').fill('Insultes répétées envers l’équipe.');
    await supervisor.getByRole('button', { name: 'Ajouter la restriction' }).click();
    await supervisor.getByTestId('restrictions').getByText('Contact par écrit uniquement').waitFor();
    await shot(supervisor, 'client');
    assert.deepEqual(await unlabelled(supervisor), []);
    // lifting asks why, inline
    await supervisor.getByTestId('restrictions').getByRole('button', { name: 'Lever' }).click();
    await supervisor.getByLabel('Pourquoi lever cette restriction ?').fill('Échanges redevenus courtois.');
    await supervisor.getByTestId('restrictions').getByRole('button', { name: 'Lever' }).click();
    await supervisor.getByText('Aucune restriction.').waitFor();
  });

  it('the supervisor takes over an escalated conversation and sees its history', async () => {
    await supervisor.goto('/#/inbox');
    await supervisor.getByTestId('checkins').getByText('souhaite en parler').waitFor();
    const esc = supervisor.getByTestId('escalation').first();
    await esc.getByRole('button', { name: 'Reprendre la conversation' }).click();
    await supervisor.waitForURL(/#\/assist\/[0-9a-f-]{36}$/);
    await supervisor.locator('[data-testid="turn"]').first().waitFor();
    assert.ok((await supervisor.locator('[data-testid="turn"]').count()) >= 1);
  });

  it('a conversation that arrived by webhook is opened from the list, its message ready to read', async () => {
    const conv = await apiAs<{ id: string }>(admin, 'POST', '/api/v1/conversations', {
      channel: 'chat',
      subject: 'Commande 4521',
      externalRef: 'chat-4521',
    });
    await apiAs(admin, 'POST', `/api/v1/conversations/${conv.id}/messages`, {
      direction: 'inbound',
      text: 'Je panique, ma commande devait arriver hier et la réunion est demain matin.',
      authorName: 'Mme Leroy',
    });
    await agent.goto('/#/assist');
    await agent.getByTestId('open-conversations').getByRole('link', { name: 'Commande 4521' }).click();
    await agent.waitForURL(new RegExp(`#/assist/${conv.id}$`));
    const box = agent.getByLabel('Collez ou saisissez le message reçu');
    await agent.waitForFunction(() =>
      (document.getElementById('client-input') as HTMLTextAreaElement | null)?.value.includes('Je panique'),
    );
    assert.match(await box.inputValue(), /réunion est demain/);
    await agent.getByTestId('recommendation').waitFor();
    await shot(agent, 'assist-webhook');
    // a small laptop: the two columns stack, nothing overflows sideways
    await agent.setViewportSize({ width: 1024, height: 700 });
    assert.equal(await agent.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    await shot(agent, 'assist-1024');
    await agent.setViewportSize({ width: 1366, height: 900 });
    // closing it takes it off the open list
    await agent.getByRole('button', { name: 'Clore la conversation' }).click();
    await agent.waitForURL(/#\/assist$/);
    await agent.getByRole('heading', { name: 'Assistance en direct' }).waitFor();
    await agent.waitForTimeout(300);
    assert.equal(await agent.getByRole('link', { name: 'Commande 4521' }).count(), 0);
  });

  it('the dashboard counts the incident and the acknowledged escalation', async () => {
    await supervisor.goto('/#/dashboard');
    await supervisor.getByTestId('kpi-incidents').waitFor();
    await supervisor.waitForFunction(
      () => Number(document.querySelector('[data-testid="kpi-incidents"] .kpi-value')?.textContent) >= 1,
    );
    await supervisor.waitForFunction(
      () => document.querySelector('[data-testid="kpi-debriefs"] .kpi-value')?.textContent !== '—',
    );
    assert.equal(await supervisor.locator('[data-testid="chart-kind"] canvas').count(), 1);
    const download = supervisor.waitForEvent('download');
    await supervisor.getByTestId('export-csv').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^sangfroid-dashboard-30d\.csv$/);
    await shot(supervisor, 'dashboard');
    assert.deepEqual(await unlabelled(supervisor), []);
  });

  it('a stored XSS attempt in a client message is shown as text and runs nothing', async () => {
    await agent.goto('/#/assist');
    await agent.getByLabel('Collez ou saisissez le message reçu').fill(XSS);
    // one click drafts a calm boundary for this client, which the checklist recognises
    await agent.getByRole('button', { name: 'Poser une limite' }).click();
    await agent.locator('[data-testid="checklist"] [data-item="reply.boundary"][data-done="true"]').waitFor();
    // recorded with the keyboard shortcut
    await agent.getByLabel('Collez ou saisissez le message reçu').press('Control+Enter');
    await agent.locator('[data-testid="turn"]').first().waitFor();
    const shown = await agent.locator('[data-testid="turn"]').first().textContent();
    assert.ok(shown?.includes('<img src=x onerror="window.__xss=1">'), shown ?? '');
    assert.ok(shown?.includes('<script>window.__xss=2</script>'));
    assert.equal(await agent.locator('[data-testid="turn"] img, [data-testid="turn"] script').count(), 0);
    // the supervisor opens the incident the message created: same text, still inert
    await supervisor.goto('/#/inbox');
    await supervisor.locator('[data-testid="incidents"] li a').first().click();
    await supervisor.getByTestId('incident-summary').waitFor();
    assert.equal(await supervisor.locator('.incident-file img').count(), 0);
    for (const p of [agent, supervisor])
      assert.equal(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.deepEqual(pageErrors, []);
  });

  it('the interface switches to English and back', async () => {
    await agent.goto('/#/assist');
    await agent.getByRole('button', { name: 'EN', exact: true }).click();
    await agent.getByRole('heading', { name: 'Live assist' }).waitFor();
    assert.equal(await agent.evaluate(() => document.documentElement.lang), 'en');
    await agent
      .getByLabel('Paste or type the message you received')
      .fill('This is the THIRD time I call!!! You people are useless, I want a refund.');
    await agent.getByTestId('recommendation').waitFor();
    await shot(agent, 'assist-en');
    await agent.getByLabel('Paste or type the message you received').fill('');
    await agent.getByRole('button', { name: 'FR', exact: true }).click();
    await agent.getByRole('heading', { name: 'Assistance en direct' }).waitFor();
  });
});
