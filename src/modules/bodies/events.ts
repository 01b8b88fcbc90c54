import Type from 'typebox';
import { definePublicEvent } from '../../shared/public-record/events.js';
import { BODY_TYPES } from './schemas.js';

/**
 * What the public record says about bodies and organisations: their public shape (names,
 * type, place, superior body, places served, categories handled). Never who works there,
 * and not contact addresses, which an admin might fill with a person's own email.
 * Subjects are 'body/<slug>' (linked to the body's page) and 'organisation/<slug>'.
 */
const slug = Type.String({ maxLength: 80 });
const name = Type.String({ maxLength: 300 });
const strict = { additionalProperties: false } as const;
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const BodyState = Type.Object(
  {
    slug,
    type: Type.Enum([...BODY_TYPES]),
    name_mn: name,
    name_en: name,
    place: nullable(Type.String({ maxLength: 6 })),
    superior: nullable(slug),
  },
  strict,
);

export const bodyCreated = definePublicEvent('bodies.body_created', BodyState);
export const bodyUpdated = definePublicEvent('bodies.body_updated', BodyState);
export const bodyPlacesChanged = definePublicEvent('bodies.places_changed', Type.Object({ slug, places: Type.Array(Type.String({ maxLength: 6 })) }, strict));
export const bodyCategoriesChanged = definePublicEvent('bodies.categories_changed', Type.Object({ slug, categories: Type.Array(Type.String({ maxLength: 41 })) }, strict));
export const organisationCreated = definePublicEvent(
  'bodies.organisation_created',
  Type.Object({ slug, kind: Type.Literal('cso'), name_mn: name, name_en: name }, strict),
);

export function bodySubject(bodySlug: string): string {
  return `body/${bodySlug}`;
}

export function organisationSubject(organisationSlug: string): string {
  return `organisation/${organisationSlug}`;
}
