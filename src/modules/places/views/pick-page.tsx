import type { FieldError } from '../../../shared/errors.js';
import { Button, ErrorSummary, Notice, PostForm } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { placeCatalogue } from '../catalogue.js';
import '../messages.js';
import { pathText } from './place-name.js';
import { PLACE_SEARCH_SCRIPT, PlacePicker } from './place-picker.js';

export interface PickPageProps {
  value: string | null;
  errors?: FieldError[];
  /** The complete choice the form was submitted with, if any. */
  result?: string | null;
}

/**
 * /places/pick: the picker alone in a form, so it can be tried and tested by itself and
 * other modules can see how to embed it (PostForm + PlacePicker + PLACE_SEARCH_SCRIPT).
 */
export function PickPage({ value, errors = [], result }: PickPageProps) {
  const { t, lang } = usePage();
  const chosen = result ? placeCatalogue().path(result) : [];
  return (
    <Layout title={t('places:pick.title')} scripts={[PLACE_SEARCH_SCRIPT]}>
      <h1>{t('places:pick.title')}</h1>
      <p class="lead">{t('places:pick.lead')}</p>
      <ErrorSummary errors={errors} />
      {result && chosen.length > 0 && (
        <Notice kind="success">
          <p id="pick-result">{t('places:pick.result', { path: pathText(chosen, lang), code: result })}</p>
        </Notice>
      )}
      <PostForm action="/places/pick">
        <PlacePicker prefix="place" value={value} errors={errors} legend={t('places:pick.legend')} hint={t('places:pick.hint')} />
        <div class="button-row">
          <Button>{t('places:pick.submit')}</Button>
        </div>
      </PostForm>
    </Layout>
  );
}
