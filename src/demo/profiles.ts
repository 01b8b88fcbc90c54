/**
 * How each demo body handles its feedback, so the responsiveness pages tell a story:
 * Arvaikheer and Bayanzürkh answer nearly everything on time, Songinokhairkhan's ger
 * districts and the land agency fall far behind, Dornod is slow. Invented for the demo;
 * no real office's performance is implied.
 */
export interface BodyProfile {
  /** Share of items the body answers at all. */
  answers: number;
  /** Share of answers given before the deadline. */
  onTime: number;
  /** Share of items whose deadline is extended once. */
  extends: number;
  /** Share of answers that turn the request down (where a refusal makes sense). */
  rejects: number;
}

const DEFAULT: BodyProfile = { answers: 0.88, onTime: 0.72, extends: 0.1, rejects: 0.14 };

const PROFILES: Record<string, Partial<BodyProfile>> = {
  '11-11-centre': { answers: 0.98, onTime: 0.96, extends: 0.02, rejects: 0.05 },
  'bayanzurkh-district-governors-office': { answers: 0.97, onTime: 0.88, extends: 0.1 },
  'bayanzurkh-khoroo-1-governors-office': { answers: 0.95, onTime: 0.85 },
  'bayanzurkh-khoroo-2-governors-office': { answers: 0.93, onTime: 0.8 },
  'songinokhairkhan-district-governors-office': { answers: 0.62, onTime: 0.42, extends: 0.22 },
  'songinokhairkhan-khoroo-1-governors-office': { answers: 0.75, onTime: 0.55 },
  'sukhbaatar-district-governors-office': { answers: 0.92, onTime: 0.8 },
  'bayangol-district-governors-office': { answers: 0.9, onTime: 0.74 },
  'khan-uul-district-governors-office': { answers: 0.95, onTime: 0.9 },
  'chingeltei-district-governors-office': { answers: 0.78, onTime: 0.58, extends: 0.16 },
  'capital-city-governors-office': { answers: 0.85, onTime: 0.62 },
  'capital-city-public-transport-department': { answers: 0.84, onTime: 0.52, extends: 0.15 },
  'ulaanbaatar-water-authority': { answers: 0.9, onTime: 0.7 },
  'land-administration-agency': { answers: 0.55, onTime: 0.33, extends: 0.35, rejects: 0.3 },
  'cabinet-secretariat': { answers: 0.8, onTime: 0.6 },
  'dornod-aimag-governors-office': { answers: 0.68, onTime: 0.48, extends: 0.2 },
  'ovorkhangai-aimag-governors-office': { answers: 0.95, onTime: 0.88 },
  'omnogovi-aimag-governors-office': { answers: 0.93, onTime: 0.84 },
  'darkhan-uul-aimag-governors-office': { answers: 0.92, onTime: 0.8 },
  'tov-aimag-governors-office': { answers: 0.8, onTime: 0.64 },
  'ovorkhangai-arvaikheer-soum-governors-office': { answers: 0.98, onTime: 0.94, extends: 0.05 },
  'omnogovi-dalanzadgad-soum-governors-office': { answers: 0.95, onTime: 0.86 },
  'dornod-kherlen-soum-governors-office': { answers: 0.74, onTime: 0.52, extends: 0.18 },
  'dornod-bayandun-soum-governors-office': { answers: 0.66, onTime: 0.5 },
};

export function profileOf(slug: string, type: string): BodyProfile {
  const byType: Partial<BodyProfile> = type === 'ministry' ? { answers: 0.84, onTime: 0.6, extends: 0.15 } : {};
  return { ...DEFAULT, ...byType, ...PROFILES[slug] };
}
