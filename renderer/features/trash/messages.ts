/** UI text of the Trash beyond the common catalogue: restoring a source whose file is live under another record. */
export const en = {
  'trash.conflict': '“{title}” cannot be restored: a record with the same identity is in your library.',
  'trash.sameFile.title': 'Restore “{title}”',
  'trash.sameFile.explain': '“{title}” is the same PDF file as “{live}”, which is in your library. Choose how it comes back:',
  'trash.sameFile.keepBoth': 'Keep both',
  'trash.sameFile.keepBothHint': 'Restore it as a second record of the same file: both open the same PDF, each with its own details and citations. The file is stored once.',
  'trash.sameFile.replace': 'Replace “{live}”',
  'trash.sameFile.replaceHint': '“{live}” takes this version’s details (title, author, notes…) and keeps whatever cites it; its current details go to the Trash, so nothing is lost.',
  'trash.sameFile.keptBoth': '“{title}” restored beside “{live}”.',
  'trash.sameFile.replaced': '“{live}” now has the details of “{title}”; its previous details are in the Trash.',
};

export const es: Record<keyof typeof en, string> = {
  'trash.conflict': 'No se puede restaurar «{title}»: en su biblioteca hay un registro con la misma identidad.',
  'trash.sameFile.title': 'Restaurar «{title}»',
  'trash.sameFile.explain': '«{title}» es el mismo archivo PDF que «{live}», que está en su biblioteca. Elija cómo vuelve:',
  'trash.sameFile.keepBoth': 'Conservar ambos',
  'trash.sameFile.keepBothHint': 'Restaurarlo como un segundo registro del mismo archivo: ambos abren el mismo PDF, cada uno con sus datos y citas. El archivo se guarda una sola vez.',
  'trash.sameFile.replace': 'Reemplazar «{live}»',
  'trash.sameFile.replaceHint': '«{live}» toma los datos de esta versión (título, autor, notas…) y conserva lo que lo cita; sus datos actuales van a la papelera, así que no se pierde nada.',
  'trash.sameFile.keptBoth': '«{title}» restaurado junto a «{live}».',
  'trash.sameFile.replaced': '«{live}» tiene ahora los datos de «{title}»; sus datos anteriores están en la papelera.',
};
