import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { expectHtmlAccessible, launchBrowser } from '../../../test/support/browser.js';
import { WebClient } from '../../../test/support/client.js';
import { buildAccount, grantPlatformRole, signIn } from '../../../test/support/factories.js';
import { buildPetitionBody, smallLadder } from '../../../test/support/petition-factories.js';
import { createDraft, startCollecting } from './commands/lifecycle.js';

/** What a moderator sees when checking a petition before it opens for votes. */
let t: TestApp;
let moderator: WebClient;
let bodySlug: string;
let browser: Browser | undefined;

beforeAll(async () => {
  t = await createTestApp();
  const m = await buildAccount(t.db);
  await grantPlatformRole(t.db, m.id, 'moderator');
  moderator = new WebClient(t.app);
  await signIn(moderator, m.email);
  // No supporters step: collecting sends the petition straight to moderation.
  bodySlug = (await buildPetitionBody(t.db, { steps: smallLadder([10]) })).slug;
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

async function inModeration(text: { title: string; action: string; background: string }): Promise<number> {
  const ctx = { now: t.clock.now(), publicUrl: 'http://irgen.test' };
  const creator = await buildAccount(t.db);
  const id = await createDraft(t.db, creator.id, { bodySlug, ...text, links: '', language: 'mn' }, ctx);
  await startCollecting(t.db, id, ctx);
  return id;
}

describe('the review page', () => {
  it('marks what looks like personal data in the text and says how much, pointing to the “personal data” reason', async () => {
    const id = await inModeration({
      title: 'Дүүргийн номын санг сэргээх',
      action: 'Номын сангийн уншлагын танхимыг засварлахыг хүсье.',
      background: 'Санаачлагч Должин, утас 9911-2233, имэйл dolj@example.mn. Танхим 2019 оноос хаалттай.',
    });
    const page = await moderator.get(`/moderation/petitions/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<mark class="pii">9911-2233<span class="visually-hidden"> (утасны дугаар байж болзошгүй)</span></mark>');
    expect(page.body).toContain('<mark class="pii">dolj@example.mn<span class="visually-hidden"> (имэйл хаяг байж болзошгүй)</span></mark>');
    expect(page.body.match(/<mark class="pii">/g)).toHaveLength(2);
    // Words around them stay as written; a year is not a phone number.
    expect(page.body).toContain('Санаачлагч Должин, утас ');
    expect(page.body).toContain('. Танхим 2019 оноос хаалттай.');
    expect(page.body).toContain('Хувийн мэдээлэл байж болзошгүй 2 зүйлийг доор тодруулсан; хувийн мэдээлэл нь татгалзах шалтгаан болно.');
    // The notice links to the “personal data” option of the rejection form.
    const href = page.body.match(/<a href="#([^"]+)">Шалтгаан: “Хувь хүний мэдээлэл агуулсан”<\/a>/)?.[1];
    expect(href).toBeDefined();
    expect(page.body).toMatch(new RegExp(`<input type="radio" id="${href}" name="reason" value="personal_data"`));

    // The marks inside the heading and the notice's link keep the page accessible.
    browser = await launchBrowser();
    await expectHtmlAccessible(browser, page.body, async (path) => (await t.app.inject(path)).body);

    moderator.setCookie('lang', 'en');
    try {
      const english = await moderator.get(`/moderation/petitions/${id}`);
      expect(english.body).toContain('2 things that look like personal data are marked below; personal data is a reason to reject.');
      expect(english.body).toContain('Reason: “Contains personal data”</a>');
      // The spoken kind is in the page's language inside Mongolian text.
      expect(english.body).toContain('<mark class="pii">9911-2233<span class="visually-hidden" lang="en"> (possible phone number)</span></mark>');
    } finally {
      moderator.setCookie('lang', 'mn');
    }
  });

  it('marks the title and action too, and counts every one', async () => {
    const id = await inModeration({
      title: 'УБ99112233 регистртэй хүнийг шалгах',
      action: 'Түүнтэй 88112233 дугаараар холбогдохыг хүсье.',
      background: '',
    });
    const page = await moderator.get(`/moderation/petitions/${id}`);
    expect(page.body).toMatch(/<h1 lang="mn"><mark class="pii">УБ99112233<span class="visually-hidden"> \(регистрийн дугаар байж болзошгүй\)<\/span><\/mark>/);
    expect(page.body).toContain('<mark class="pii">88112233');
    expect(page.body).toContain('Хувийн мэдээлэл байж болзошгүй 2 зүйлийг');
  });

  it('shows no notice and no marks for a petition without anything that looks like personal data', async () => {
    const id = await inModeration({
      title: 'Сургуулийн өмнөх гарцыг гэрэлтүүлэх',
      action: 'Сургуулийн өмнөх явган хүний гарцад гэрэлтүүлэг суурилуулахыг хүсье.',
      background: 'Өвлийн харанхуй өглөө 2026 онд 300 гаруй хүүхэд гарцаар гардаг.',
    });
    const page = await moderator.get(`/moderation/petitions/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Сургуулийн өмнөх явган хүний гарцад гэрэлтүүлэг суурилуулахыг хүсье.');
    expect(page.body).not.toContain('class="pii"');
    expect(page.body).not.toContain('notice-warning');
    expect(page.body).not.toContain('Хувийн мэдээлэл байж болзошгүй');
  });
});
