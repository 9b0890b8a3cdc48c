// Capitalised words that are not people's names: places of the region and beyond, months,
// days. A capitalised run holding one of them is a place or a date, not a suggestion.
import { foldText } from '../text/fold';

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

/** The folded words of a space-separated list. */
const foldedSet = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean).map(foldText));

export const SUGGESTION_STOP_WORDS: ReadonlySet<string> = foldedSet(`${PLACES} ${MONTHS_DAYS}`);

// Titles and offices written before a person's name: "President Alberto Fujimori", "el fiscal
// Juan Pérez", "Gen. Luis Mendoza". Dropped from a suggestion when a given name follows.
const TITLE_WORDS =
  'presidente presidenta expresidente expresidenta ministro ministra exministro viceministro general coronel ' +
  'comandante capitán teniente sargento mayor suboficial fiscal juez jueza congresista senador senadora ' +
  'diputado diputada alcalde alcaldesa gobernador gobernadora doctor doctora don doña señor señora ' +
  'padre monseñor obispo profesor profesora ingeniero ingeniera licenciado abogado abogada periodista camarada ' +
  'cabecilla líder jefe jefa dr dra sr sra srta gral cmdte cdte tte ' +
  'president ex former minister general colonel captain lieutenant sergeant major commander prosecutor judge ' +
  'senator congressman congresswoman mayor governor doctor father bishop professor sir lord mr mrs ms gen col capt lt sgt';
export const TITLES: ReadonlySet<string> = foldedSet(TITLE_WORDS);

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
