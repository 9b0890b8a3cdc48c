/** UI text of the documents feature. Spanish must have every English key (checked by the type). */
export const en = {
  'documents.title': 'Sources',
} as const;

export const es: Record<keyof typeof en, string> = {
  'documents.title': 'Fuentes',
};
