import sample from '../../../resources/sample-case/vraem.json';
import type { Actor, Case, CaseEvent } from '../../../shared/model';

/**
 * The sample case ships as data in resources/ (records only, no article text):
 * the Shining Path in the VRAEM, with fixed ids so loading it twice changes nothing.
 * The repository validates every record before writing it.
 */
export interface SampleCase {
  case: Case;
  actors: Actor[];
  events: CaseEvent[];
}

export function sampleCase(): SampleCase {
  return { case: sample.case, actors: sample.actors as Actor[], events: sample.events as CaseEvent[] };
}
