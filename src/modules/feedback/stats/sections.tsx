import type { Db } from '../../../shared/db/database.js';
import { usePage } from '../../../shared/views/context.js';
import { registerBodyPageSection } from '../../bodies/extensions.js';
import type { PlaceSection } from '../../places/routes.js';
import { lastTwelveMonths, totals, type Figures } from './queries.js';
import { Totals } from './views/parts.js';
import './messages.js';

type Summary = Figures & { overdueNow: number };

function ResponsivenessSummary({ figures, href }: { figures: Summary; href: string }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="responsiveness-title" class="panel">
      <h2 id="responsiveness-title">
        {t('common:site.responsiveness')} <span class="meta">({t('stats:last12')})</span>
      </h2>
      <Totals f={figures} />
      <p>
        <a href={href}>{t('stats:seeResponsiveness')}</a>
      </p>
    </section>
  );
}

/** The body page shows the body's last twelve months of figures (three indexed rollup queries). */
registerBodyPageSection<{ figures: Summary; slug: string }>({
  key: 'feedback-responsiveness',
  order: 10,
  async load({ db, body, now }) {
    const figures = await totals(db, lastTwelveMonths(now), now, { bodyId: body.id });
    return figures.received > 0 || figures.overdueNow > 0 ? { figures, slug: body.slug } : null;
  },
  View: ({ data }) => <ResponsivenessSummary figures={data.figures} href={`/responsiveness/bodies/${data.slug}`} />,
});

/** Aimag and soum pages show the figures of feedback about that place. */
export function responsivenessPlaceSection(db: Db): PlaceSection {
  return {
    async render({ place }, req) {
      if (place.level > 2) return null;
      const figures = await totals(db, lastTwelveMonths(req.now), req.now, { place: place.code });
      if (figures.received === 0 && figures.overdueNow === 0) return null;
      return <ResponsivenessSummary figures={figures} href={`/responsiveness/places/${place.code}`} />;
    },
  };
}
