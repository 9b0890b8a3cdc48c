// The word lists of "Names not yet in the case" (suggest.ts): places, months and days that make
// a capitalised run no name, titles before a given name, given names that are also ordinary
// words, words that open sentences, and institutions.
import { foldedList } from '../text/fold';
import { ROLE_WORDS } from './commonWords';
import { TITLES as NAME_CUE_TITLES } from './rules';

const PLACES =
  'Perú Peru VRAEM Ayacucho Junín Huancavelica Cusco Cuzco Lima Apurímac Ene Mantaro Huallaga Huánuco ' +
  'Satipo Pichari Kimbiri Vizcatán Huanta Llochegua Sivia Pangoa Mazamari Chachaspata Puno Pasco Tingo ' +
  'Colombia Bogotá Cauca Catatumbo Antioquia Nariño Putumayo Caquetá Guaviare Arauca Chocó Medellín Cali ' +
  'Venezuela Ecuador Bolivia Brasil Brazil Chile Argentina México Mexico Panamá América Latinoamérica ' +
  'Valle Río Ríos River Rivers Valley Sur Norte Amazonas Amazonía Andes Washington ' +
  // Streets and districts named after people ("Avenida Simón Bolívar", "Víctor Fajardo Province").
  'Avenida Av Avenue Calle Street Jirón Jr Plaza Parque Park Road Carretera Highway Puente Bridge ' +
  'Distrito District Provincia Province Región Region';
const MONTHS_DAYS =
  'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ' +
  'January February March April May June July August September October November December ' +
  'lunes martes miércoles jueves viernes sábado domingo Monday Tuesday Wednesday Thursday Friday Saturday Sunday';

const foldedSet = (list: string): ReadonlySet<string> => new Set(foldedList(list));

/** Capitalised words that are not people's names: a capitalised run holding one is a place or a date. */
export const SUGGESTION_STOP_WORDS: ReadonlySet<string> = foldedSet(`${PLACES} ${MONTHS_DAYS}`);

// Titles and offices written before a person's name: "President Alberto Fujimori", "el fiscal
// Juan Pérez", "Gen. Luis Mendoza". Dropped from a suggestion when a given name follows. The
// titles that cue a name (rules.ts) and the roles (commonWords.ts), and these offices besides.
const OFFICES =
  'presidenta expresidente expresidenta ministro ministra exministro viceministro suboficial fiscal juez jueza ' +
  'congresista senador senadora diputado diputada alcalde alcaldesa gobernador gobernadora doctora monseñor obispo ' +
  'profesora ingeniera licenciado abogado abogada periodista líder jefa dra srta gral cmdte cdte tte ' +
  'ex former minister lieutenant sergeant prosecutor judge senator congressman congresswoman mayor governor bishop ' +
  'professor sir lord ms gen col capt lt sgt';
export const TITLES: ReadonlySet<string> = new Set([...NAME_CUE_TITLES, ...ROLE_WORDS, ...foldedList(OFFICES)]);

// Common given names that are also ordinary words or places: "Segundo Informe", "Rosa Náutica",
// "Santos Lugares". They begin a suggestion said once only when a cue introduces it.
const AMBIGUOUS_GIVEN =
  'Segundo Justo Santos Pastor Flor Luz Rosa Victoria Mercedes Dora Amador Clemente Primitivo Prudencio ' +
  'Fortunato Pío Máximo Salvador Domingo Rosario Pilar Milagros Gloria Esperanza Consuelo Dolores Asunción ' +
  'Concepción Natividad Soledad Amparo Socorro Fe Paz Sol Ángel Ángela Cristian Marco Tito Pascual Modesto ' +
  'Inocencio Severino Celestino Santiago Simón Martín Lorenzo Guadalupe Lourdes Jesús Cruz';
export const AMBIGUOUS_GIVEN_NAMES: ReadonlySet<string> = foldedSet(AMBIGUOUS_GIVEN);

// Words that open sentences before a name ("Ayer Pedro Huamán llegó", "Según Pedro Yaranga"),
// where the stop-word lists do not have them: dropping one leaves the name whole.
const OPENERS =
  'ayer hoy anoche según luego tras pese además entonces finalmente asimismo mientras aunque después antes ' +
  'desde hasta incluso también sin embargo allí ahí aquí ahora recién pronto quizás tal vez ' +
  'yesterday today tonight according later after before meanwhile however then also when while although ' +
  'since even still yet now there here instead earlier last';
export const SENTENCE_OPENERS: ReadonlySet<string> = foldedSet(OPENERS);

// Words of institutions' names: a run holding one, right before "alias X", names who reports
// it ("según la Policía Nacional, alias Cirilo…"), not who bears the alias.
const INSTITUTIONS =
  'Policía Police Ejército Army Ministerio Ministry Fuerzas Forces Fuerza Force Dirección Directorate Comando Command ' +
  'Fiscalía Prosecutor Prosecutors Tribunal Court Corte Juzgado Gobierno Government Congreso Congress Nacional National ' +
  'Marina Navy Fiscal Defensoría Agencia Agency Oficina Office Comisión Commission Instituto Institute Diario Radio Televisión ' +
  'Crime Comercio República Associated Press Reuters';
export const INSTITUTION_WORDS: ReadonlySet<string> = foldedSet(INSTITUTIONS);
