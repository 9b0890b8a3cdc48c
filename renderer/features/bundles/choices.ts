import type { ImportChoices, PreviewKind, PreviewRecord, RecordChoice } from '../../bundle/types';

/** What the user chose per conflicting record; a conflict not in the map is "keep mine". */
export type ChoiceState = Readonly<Record<string, RecordChoice>>;

export type ChoiceAction =
  | { type: 'set'; key: string; choice: RecordChoice }
  /** The "all" shortcuts, over the keys given (every conflict, or those of one kind). */
  | { type: 'all'; choice: RecordChoice; keys: readonly string[] };

export const DEFAULT_CHOICE: RecordChoice = 'mine';

export function choiceReducer(state: ChoiceState, action: ChoiceAction): ChoiceState {
  switch (action.type) {
    case 'set':
      return { ...state, [action.key]: action.choice };
    case 'all': {
      const next: Record<string, RecordChoice> = { ...state };
      for (const key of action.keys) next[key] = action.choice;
      return next;
    }
  }
}

export function choiceFor(state: ChoiceState, key: string): RecordChoice {
  return state[key] ?? DEFAULT_CHOICE;
}

const ALL_CHOICES: readonly RecordChoice[] = ['mine', 'theirs', 'both'];

/** The choices a conflict offers: documents have no "keep both", since a file is stored once. */
export function allowedChoices(record: PreviewRecord): readonly RecordChoice[] {
  return record.choices && record.choices.length > 0 ? record.choices : ALL_CHOICES;
}

/** The conflicts an "all" shortcut applies to: those that offer the choice. */
export function keysOffering(records: readonly PreviewRecord[], choice: RecordChoice): string[] {
  return conflicts(records).filter((r) => allowedChoices(r).includes(choice)).map((r) => r.key);
}

export function conflicts(records: readonly PreviewRecord[], kind?: PreviewKind): PreviewRecord[] {
  return records.filter((r) => r.status === 'conflict' && (kind === undefined || r.kind === kind));
}

/** Records the library holds only in its Trash: 'mine' (the default) keeps them there, 'theirs' restores them from the bundle. */
export function inTrash(records: readonly PreviewRecord[]): PreviewRecord[] {
  return records.filter((r) => r.status === 'trashed');
}

/** The choices sent to the import: every conflict and every record in the Trash once, spelled out (no reliance on defaults). */
export function toImportChoices(records: readonly PreviewRecord[], state: ChoiceState): ImportChoices {
  const out: ImportChoices = {};
  for (const record of [...conflicts(records), ...inTrash(records)]) out[record.key] = choiceFor(state, record.key);
  return out;
}

/** How many conflicts end up with each choice, for the line above the Import button. */
export function choiceTally(records: readonly PreviewRecord[], state: ChoiceState): Record<RecordChoice, number> {
  const tally: Record<RecordChoice, number> = { mine: 0, theirs: 0, both: 0 };
  for (const record of conflicts(records)) tally[choiceFor(state, record.key)]++;
  return tally;
}
