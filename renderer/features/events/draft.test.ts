import { describe, expect, it } from 'vitest';
import { blankEvent } from '../../../shared/model';
import { blankParticipant, blankSeizure, blankSide, checkDraft, draftFrom, fieldPath, isShownInline, readNumber, SIDE_NAME } from './draft';

describe('readNumber', () => {
  it('reads empty as "not stated" and refuses what is not a number', () => {
    expect(readNumber('  ')).toEqual({ ok: true, value: null });
    expect(readNumber('79')).toEqual({ ok: true, value: 79 });
    expect(readNumber('-12.5')).toEqual({ ok: true, value: -12.5 });
    expect(readNumber('−12,5')).toEqual({ ok: true, value: -12.5 });
    expect(readNumber('abc')).toEqual({ ok: false });
    expect(readNumber('1,000.5')).toEqual({ ok: false });
    expect(readNumber('12kg')).toEqual({ ok: false });
  });
});

describe('checkDraft', () => {
  it('turns a draft back into the record it came from', () => {
    const event = { ...blankEvent(), title: 'Clash', fatalities: { total: 6, bySide: [{ ...blankSide(), actorId: null, label: 'soldiers', count: 2 }] } };
    const { record, issues } = checkDraft(draftFrom(event));
    expect(issues).toEqual([]);
    expect(record).toEqual(event);
  });

  it('finds the form’s own problems and the schema’s, one per field, at schema paths', () => {
    const draft = draftFrom(blankEvent());
    draft.place.latitude = '200';
    draft.total = 'abc';
    draft.sides = [blankSide()];
    draft.seizures = [{ ...blankSeizure(), item: 'cocaine', quantity: '-1' }];
    draft.participants = [blankParticipant()];
    draft.dateInvalid = true;
    const issues = Object.fromEntries(checkDraft(draft).issues.map((i) => [i.path, i.message]));
    expect(issues).toEqual({
      'date': 'validation.invalidDate',
      'title': 'validation.required',
      'place.latitude': 'validation.latitude',
      'place.longitude': 'validation.coordinatesPair',
      'fatalities.total': 'validation.invalidNumber',
      'fatalities.bySide.0.count': 'validation.required',
      'fatalities.bySide.0.label': SIDE_NAME,
      'seizures.0.quantity': 'validation.negative',
      'participants.0.actorId': 'validation.required',
    });
    for (const path of Object.keys(issues)) expect(isShownInline(path), path).toBe(true);
  });

  it('folds nested paths onto the field that shows them', () => {
    expect(fieldPath('date.latest')).toBe('date');
    expect(fieldPath('tags.2')).toBe('tags');
    expect(isShownInline('citations.0.page')).toBe(false);
  });
});
