// Words that are names only sometimes: nicknames taken from ordinary words ("Cholo",
// "Flaco", "Puma"), very common surnames ("Quispe", "Flores") and the function words of
// both languages. A single-word name made of one of these defaults to `with-cue`.
import { foldedList as fold } from '../text/fold';
import { STOP_WORDS } from '../search/stopWords';

// Titles and roles: nicknames in their own right ("el Doctor") and, before a first name, the
// mark of one particular person ("el padre José", "Father José").
const ROLES_ES =
  'capitán mayor coronel general doctor profesor ingeniero maestro cura padre madre abuelo jefe mando ' +
  'presidente camarada compañero comandante líder cabecilla patrón señor don doña';
const ROLES_EN = 'boss chief leader commander captain major colonel doctor father brother sister uncle king queen';

const NICKNAME_WORDS =
  'cholo chola chato chata flaco flaca gordo gorda negro negra viejo vieja gringo gringa chino china ' +
  'loco loca tío tía compadre comadre padrino hermano hermana primo prima mono mona pelado zambo ' +
  'colorado rubio moreno serrano costeño cachaco paisa pollo pichón puma zorro lobo tigre león águila ' +
  'cóndor halcón gato perro toro oso burro caballo otorongo venado culebra víbora alacrán gallo ' +
  ROLES_ES + ' ' +
  'sol luna estrella rayo trueno fuego piedra montaña río monte selva bosque valle sierra campo ' +
  'blanco rojo verde azul amarillo grande chico chiquito pequeño largo corto bravo fiero feroz ' +
  'rey reina príncipe santo santa ángel diablo cristo dios paz libertad victoria esperanza fe ' +
  'pueblo partido frente comité zona base columna fuerza ejército policía estado gobierno ' +
  'norte sur este oeste centro alto bajo nuevo nueva ' +
  ROLES_EN + ' ' +
  'red black white green blue big little old young tall short fat thin lucky crazy happy ' +
  'tiger lion wolf fox bear eagle hawk snake dog cat bull horse ghost shadow stone rock river ' +
  'hope peace freedom victory faith mountain forest valley north south east west new';

// The commonest surnames in Peru and Colombia; alone they name thousands of people.
const COMMON_SURNAMES =
  'Quispe Mamani Flores Rodríguez Sánchez García Huamán Rojas Chávez Ramírez Torres Díaz Gonzales ' +
  'González López Vásquez Pérez Mendoza Castillo Espinoza Condori Ramos Vargas Gutiérrez Fernández ' +
  'Martínez Gómez Hernández Morales Ruiz Cruz Reyes Jiménez Álvarez Romero Silva Castro Herrera Medina ' +
  'Aguilar Ortiz Moreno Muñoz Salazar Suárez Rivera Ríos Delgado Cárdenas Vega Paredes Palacios Soto ' +
  'Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Martin Thompson White ' +
  'Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Hall';

/** Folded ordinary words that make poor single-word names. */
export const COMMON_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS, ...fold(NICKNAME_WORDS)]);

/** Folded titles and roles, in both languages. */
export const ROLE_WORDS: ReadonlySet<string> = new Set(fold(`${ROLES_ES} ${ROLES_EN}`));

/** Folded surnames too common to identify anyone alone. */
export const COMMON_SURNAMES_SET: ReadonlySet<string> = new Set(fold(COMMON_SURNAMES));
