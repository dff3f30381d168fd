/**
 * Training, as a trainee uses it, in headless Chromium against the real server: pick the anxious
 * client, answer by following the method, read the debrief, see the session in the history and
 * in the manager's dashboard (the server replayed it from its seed). Screenshots beside the
 * others, in packages/web/screenshots/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTraining } from '@sangfroid/core';
import type { Page } from 'playwright-core';
import { CHROMIUM, type Harness, hasChromium, SCREENSHOTS, SETUP_TOKEN, startHarness } from './harness.ts';

const PASSWORD = 'un mot de passe assez long';
const skip = hasChromium()
  ? false
  : `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`;

/** The method, for the anxious client of scenario 0 (brochures for tomorrow's trade fair). */
const REPLIES = [
  'Je comprends votre inquiétude, c’est normal à quelques heures du salon. Nous allons trouver une solution ensemble. Pouvez-vous me dire à quelle heure vous serez sur place ?',
  'Je comprends, c’est un moment important pour vous. Voyons ensemble : si je résume, la commande du 2 devait arriver hier et il vous faut les brochures avant 9 h demain, c’est bien cela ?',
  'Je vous propose de faire partir les brochures par coursier ce soir, avec une livraison sur votre stand demain à 7 h 30. Je vous appelle à 20 h pour vous confirmer le départ. Cela vous va ?',
];

/** A seed whose scenario is the brochures one, found with the same core the page runs. */
function seedForScenario(scenario: number): number {
  for (let seed = 1; seed < 1000; seed++) {
    if (startTraining({ persona: 'anxious-deadline', lang: 'fr', seed }).scenario === scenario) return seed;
  }
  throw new Error('no seed found');
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('training end to end', { skip, timeout: 180_000 }, () => {
  let h: Harness;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    h = await startHarness();
    const s = await h.newPage();
    page = s.page;
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('/');
    await page.getByRole('heading', { name: 'Première configuration' }).waitFor();
    await page.getByLabel('Jeton de configuration').fill(SETUP_TOKEN);
    await page.getByLabel("Nom de l'organisation").fill('Atelier Martin');
    await page.getByLabel('Votre nom').fill('Ada Admin');
    await page.getByLabel('Adresse e-mail').fill('ada@martin.test');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await page.getByTestId('user-name').waitFor();
  });
  after(async () => {
    await h?.close();
  });

  it('a trainee follows the method with the anxious client and gets a scored debrief', async () => {
    await page.goto('/#/training');
    await page.getByRole('heading', { name: 'Entraînement' }).first().waitFor();
    await page.getByRole('radio', { name: /Client anxieux/ }).check();
    await page.getByLabel('Graine (facultatif, pour rejouer une séance)').fill(String(seedForScenario(0)));
    await shot(page, 'training-pick');
    await page.getByRole('button', { name: 'Commencer' }).click();
    const transcript = page.getByTestId('training-transcript');
    await transcript.locator('[data-role="client"]').first().waitFor();
    assert.match((await transcript.textContent()) ?? '', /brochures/);
    await page.getByRole('button', { name: 'Indice' }).click();
    assert.match((await page.getByTestId('training-hint').textContent()) ?? '', /reconnaître l’émotion/);
    for (const [i, reply] of REPLIES.entries()) {
      await page.getByLabel('Votre réponse').fill(reply);
      await page.getByRole('button', { name: 'Envoyer' }).click();
      await transcript
        .locator('[data-role="client"]')
        .nth(i + 1)
        .waitFor();
    }
    const outcome = page.getByTestId('training-outcome');
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('data-outcome'), 'resolved');
    const overall = Number(await page.getByTestId('training-overall').textContent());
    assert.ok(overall >= 70, `overall ${overall}`);
    assert.equal(await page.locator('[data-skill]').count(), 7);
    await page.getByTestId('training-history').waitFor();
    assert.match((await page.getByTestId('training-history').textContent()) ?? '', /Résolu/);
    await shot(page, 'training-debrief');
  });

  it('a defensive session fails, shows the missed moments with a better reply, and counts in the dashboard', async () => {
    await page.getByRole('button', { name: 'Nouvelle séance' }).click();
    await page.getByRole('radio', { name: /Client furieux/ }).check();
    await page.getByRole('button', { name: 'Commencer' }).click();
    for (const reply of [
      'Ce n’est pas de notre faute, nous avons fait ce qui était demandé.',
      'Calmez-vous, ce n’est pas si grave.',
    ]) {
      if ((await page.getByTestId('training-outcome').count()) > 0) break;
      await page.getByLabel('Votre réponse').fill(reply);
      await page.getByRole('button', { name: 'Envoyer' }).click();
    }
    const outcome = page.getByTestId('training-outcome');
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('data-outcome'), 'failed');
    assert.ok((await page.getByTestId('training-missed').count()) >= 1);
    assert.match((await page.getByTestId('training-debrief').textContent()) ?? '', /Réponse proposée/);
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="training-history"] tbody')?.children.length ?? 0) >= 2,
    );
    await page.getByTestId('training-progress-charts').locator('canvas').nth(1).waitFor();
    await shot(page, 'training-progress');
    const dash = await page.evaluate(async () => (await fetch('/api/v1/dashboard')).json());
    assert.equal(dash.training.sessions, 2);
    assert.equal(dash.training.users, 1);
    assert.deepEqual(errors, []);
  });
});
