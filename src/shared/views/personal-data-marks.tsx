import { findPersonalData } from '../personal-data.js';
import { usePage } from './context.js';

/**
 * Someone's words with whatever looks like personal data (an email address, a phone or
 * registry number) marked for a moderator: `<mark class="pii">` around it, followed inside
 * the mark by its kind in words for screen readers. The detector is a helper, not a
 * guarantee; the moderator still reads everything. `textLang` is the language the words
 * are written in: when it differs from the page's, the spoken kind carries the page's
 * language so it is pronounced as such.
 */
export function PersonalDataMarks({ text, textLang }: { text: string; textLang?: string }) {
  const { t, lang } = usePage();
  const labelLang = textLang && textLang !== lang ? lang : undefined;
  return (
    <>
      {findPersonalData(text).map((s, i) =>
        s.kind ? (
          <mark key={i} class="pii">
            {s.text}
            <span class="visually-hidden" lang={labelLang}>
              {' '}
              ({t(`personalData.${s.kind}`)})
            </span>
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
