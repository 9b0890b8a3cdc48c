// Capitalised words that are not people's names: places of the region and beyond, months,
// days. A capitalised run holding one of them is a place or a date, not a suggestion.
import { foldText } from '../text/fold';

const PLACES =
  'Perú Peru VRAEM Ayacucho Junín Huancavelica Cusco Cuzco Lima Apurímac Ene Mantaro Huallaga Huánuco ' +
  'Satipo Pichari Kimbiri Vizcatán Huanta Llochegua Sivia Pangoa Mazamari Chachaspata Puno Pasco Tingo ' +
  'Colombia Bogotá Cauca Catatumbo Antioquia Nariño Putumayo Caquetá Guaviare Arauca Chocó Medellín Cali ' +
  'Venezuela Ecuador Bolivia Brasil Brazil Chile Argentina México Mexico Panamá América Latinoamérica ' +
  'Valle Río Ríos River Rivers Valley Sur Norte Amazonas Amazonía Andes Washington';
const MONTHS_DAYS =
  'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ' +
  'January February March April May June July August September October November December ' +
  'lunes martes miércoles jueves viernes sábado domingo Monday Tuesday Wednesday Thursday Friday Saturday Sunday';

export const SUGGESTION_STOP_WORDS: ReadonlySet<string> = new Set(
  (PLACES + ' ' + MONTHS_DAYS).split(/\s+/).filter(Boolean).map(foldText),
);
