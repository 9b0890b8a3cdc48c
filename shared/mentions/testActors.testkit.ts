// The actors of tests/fixtures/mentions and of the InSight Crime article in ../shared.
import { person } from './labelled.testkit';
import type { MentionActor } from './nameEntries';

const group = (id: string, name: string, ...others: string[]): MentionActor => ({
  id, kind: 'armed_group', name, names: others.map((n) => ({ name: n, type: 'alias' })),
});

export const VRAEM_ACTORS: MentionActor[] = [
  person('guzman', 'Abimael Guzmán', ['Presidente Gonzalo', 'alias'], ['Abimael Guzmán Reynoso', 'legal_name']),
  person('artemio', 'Florindo Eleuterio Flores', ['Comandante Artemio', 'nom_de_guerre'], ['Artemio', 'nom_de_guerre']),
  person('victor', 'Víctor Quispe Palomino', ['José', 'nom_de_guerre'], ['Camarada José', 'nom_de_guerre']),
  person('jorge', 'Jorge Quispe Palomino', ['Raúl', 'nom_de_guerre']),
  person('cirilo', 'Cirilo', ['Cirilo', 'alias']),
  person('fujimori', 'Alberto Fujimori'),
  person('yaranga', 'Pedro Yaranga'),
  group('sl', 'Shining Path', 'Sendero Luminoso', 'PCP-SL', 'Militarized Communist Party of Peru', 'Militarizado Partido Comunista del Perú', 'MPCP'),
];
