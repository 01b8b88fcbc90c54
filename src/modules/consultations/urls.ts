/** Addresses of consultation pages, in one place so links, emails and redirects agree. */
export const consultationsPath = '/consultations';
export const consultationPath = (id: number) => `/consultations/${id}`;
/** The stable address of an article (or paragraph) across versions. */
export const articlePath = (id: number, unitId: number) => `/consultations/${id}/articles/${unitId}`;
export const versionArticlePath = (id: number, version: number, unitId: number) => `/consultations/${id}/versions/${version}/articles/${unitId}`;
export const textPath = (id: number) => `/consultations/${id}/text`;
export const versionsPath = (id: number) => `/consultations/${id}/versions`;
export const versionPath = (id: number, version: number) => `/consultations/${id}/versions/${version}`;
export const changesPath = (id: number, version: number) => `/consultations/${id}/versions/${version}/changes`;
export const generalCommentsPath = (id: number) => `/consultations/${id}/general`;
export const commentsPath = (id: number) => `/consultations/${id}/comments`;
export const commentPath = (id: number, commentId: number) => `/consultations/${id}/comments/${commentId}`;
export const reportPath = (id: number) => `/consultations/${id}/report`;
export const managePath = (id: number) => `/consultations/${id}/manage`;
export const answersPath = (id: number) => `/consultations/${id}/answers`;
export const unsubscribePath = (id: number, token: string) => `/consultations/${id}/unsubscribe?token=${encodeURIComponent(token)}`;
export const apiConsultationPath = (id: number) => `/api/consultations/${id}`;

/** Anchor of a comment on the page that lists it. */
export const commentAnchor = (commentId: number) => `comment-${commentId}`;
