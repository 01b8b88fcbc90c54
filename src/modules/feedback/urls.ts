/** Public addresses of feedback items, used in pages, emails and the Open311 API. */
export const itemPath = (code: string) => `/feedback/${code}`;
export const itemJsonPath = (code: string) => `/api/feedback/${code}`;
/** The submitter's private page: rate, reopen, escalate. The key is the secret. */
export const managePath = (code: string, key: string) => `/feedback/${code}/manage?key=${encodeURIComponent(key)}`;
export const trackPath = (code: string) => `/track?code=${code}`;
