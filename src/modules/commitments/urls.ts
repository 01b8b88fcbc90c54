/** Addresses of the commitments pages, in one place. */
export const plansPath = '/commitments';
export const planPath = (plan: string) => `/commitments/${plan}`;
export const commitmentPath = (plan: string, number: number) => `/commitments/${plan}/commitments/${number}`;
export const milestonePath = (plan: string, id: number) => `/commitments/${plan}/milestones/${id}`;
export const reportFormPath = (plan: string, id: number) => `/commitments/${plan}/milestones/${id}/report`;
export const assessFormPath = (plan: string, id: number) => `/commitments/${plan}/milestones/${id}/assess`;
export const disagreementsPath = (plan: string) => `/commitments/${plan}/disagreements`;
export const commentsPath = (plan: string) => `/commitments/${plan}/comments`;
export const reportPath = (plan: string) => `/commitments/${plan}/report`;
export const reportPdfPath = (plan: string, lang: 'mn' | 'en') => `/commitments/${plan}/report.pdf?lang=${lang}`;
export const exportPath = (plan: string) => `/commitments/${plan}/export.json`;
export const csvPath = (plan: string, table: 'milestones' | 'reports' | 'assessments' | 'comments') => `/commitments/${plan}/${table}.csv`;
export const filePath = (id: number) => `/commitments/files/${id}`;
export const workPath = '/commitments/work';
export const importPath = '/commitments/import';
export const apiPlanPath = (plan: string) => `/api/commitments/plans/${plan}`;
