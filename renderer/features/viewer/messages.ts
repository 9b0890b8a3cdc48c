/** UI text of the viewer feature. Spanish must have every English key (checked by the type). */
export const en = {
  'viewer.title': 'Viewer',
} as const;

export const es: Record<keyof typeof en, string> = {
  'viewer.title': 'Visor',
};
