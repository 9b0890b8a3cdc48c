// A second held-out labelled set (heldout.test.ts), written after the fixes that the first
// one (heldout.testkit.ts) led to and scored once before any further change, so that its
// figure says how those fixes carry over to a case they were not made on: gangs and
// extortion in Honduras. Same format and conventions as heldout.testkit.ts; the events are
// invented.
import { organisation, person } from './labelled.testkit';
import type { MentionActor } from './nameEntries';


export const HELDOUT2_ACTORS: MentionActor[] = [
  person('chele', 'Marvin Alexander Orellana Pineda', ['Chele', 'alias'], ['El Chele', 'alias']),
  person('diablito', 'Wilmer Orellana Pineda', ['Diablito', 'alias']),
  // A first name that is also a colour and a flower.
  person('rosa', 'Rosa Amelia Figueroa', ['Comandante Rosa', 'nom_de_guerre'], ['Rosa', 'nom_de_guerre']),
  // An alias that is an ordinary word.
  person('toro', 'Fredy Alonso Cruz', ['Toro', 'alias'], ['El Toro', 'alias']),
  person('mejia', 'Carlos Enrique Mejía Ardón'),
  person('whitfield', 'Sarah Whitfield'),
  organisation('olivos', 'criminal_organisation', 'Clica Los Olivos', 'Los Olivos'),
  organisation('fna', 'state_force', 'Fuerza Nacional Antiextorsión', 'FNA'),
];

export const HELDOUT2_PAGES = `
=== k01 es ===
San Pedro Sula. Agentes de la [[Fuerza Nacional Antiextorsión|fna]] ([[FNA|fna]]) capturaron este jueves a
[[Marvin Alexander Orellana Pineda|chele]], alias el [[Chele|chele]], señalado como cabecilla de la
[[Clica Los Olivos|olivos]] en el sector Rivera Hernández. Según la [[FNA|fna]], [[Orellana Pineda|chele]] cobraba
extorsión a más de 40 buses urbanos.

=== k02 en ===
Honduran police arrested [[Marvin Alexander Orellana Pineda|chele]], known as "[[Chele|chele]]", on Thursday.
The 29-year-old is accused of leading [[Los Olivos|olivos]], a gang cell that extorts bus drivers
in San Pedro Sula. His younger brother, [[Wilmer Orellana Pineda|diablito]], alias "[[Diablito|diablito]]", remains
at large.

=== k03 es ===
La colonia Los Olivos amaneció sin transporte. Los vecinos cortaron las ramas de los olivos del
parque para bloquear la calle. Una vecina, Rosa Elvira Paz, dijo que el toro que se escapó del
rastro municipal causó más susto que cualquier pandilla.

=== k04 es ===
El juez [[Carlos Enrique Mejía Ardón|mejia]] dictó prisión preventiva contra los hermanos
[[Orellana Pineda|chele,diablito]]. En su resolución, el juez [[Mejía Ardón|mejia]] consideró que existe riesgo
de fuga. La defensa de alias [[Diablito|diablito]] anunció que apelará.

=== k05 en ===
In a 2019 interview, [[Rosa Amelia Figueroa|rosa]], who goes by [[Comandante Rosa|rosa]], told a Honduran radio
station that [[Los Olivos|olivos]] "protect the neighbourhood". [[Figueroa|rosa]] was later convicted of
money laundering. Residents still wear pink ribbons, rosa in Spanish, for the victims.

=== k06 es ===
TESTIMONIO 14. "Yo le pagaba a [[Toro|toro]] cada semana. Si no pagabas, el [[Toro|toro]] mandaba a los
cipotes a quemarte el negocio. Un día llegó la [[Comandante Rosa|rosa]] y dijo que ya no le
pagáramos a él, que ahora le pagábamos a ella."

=== k07 en ===
[[FNA|fna]] DISMANTLES '[[LOS OLIVOS|olivos]]' EXTORTION RING
Police said [[Fredy Alonso Cruz|toro]], 34, alias [[Toro|toro]], collected payments from shopkeepers on
behalf of [[Rosa Amelia Figueroa|rosa]]. [[Cruz|toro]] was detained at a car wash. Officers also seized
a red pickup registered to a cousin, Javier Cruz.

=== k08 es ===
Honduras registró en 2022 su menor tasa de homicidios en quince años. El ministro de Seguridad,
Ramón Sabillón, atribuyó la baja al estado de excepción. En Choloma, la fiesta del Toro Pinto
reunió a cientos de familias. La periodista Rosa María Pineda cubrió el evento.

=== k09 en ===
Reporter [[Sarah Whitfield|whitfield]] spent six months with bus drivers in San Pedro Sula.
[[Whitfield|whitfield]]'s reporting, published in March, described how [[Los Olivos|olivos]] charged each
driver 200 lempiras a week. "[[Chele|chele]] never shows his face," a driver told her.

=== k10 es ===
REQUERIMIENTO FISCAL. La Fiscalía Especial contra el Crimen Organizado acusa a [[FREDY ALONSO
CRUZ|toro]] (a) "[[EL TORO|toro]]" y a [[WILMER ORELLANA PINEDA|diablito]] (a) "[[DIABLITO|diablito]]" del delito de extorsión
agravada en perjuicio de la empresa de transporte Rápidos del Norte.

=== k11 en ===
The trial of Marvin [[Orellana Pineda|chele]] opened on Monday. Prosecutors said [[Orellana Pineda|chele]]
ran the finances of [[Los Olivos|olivos]] with help from his girlfriend. The defence called the case
a fabrication by the [[FNA|fna]]. Judge [[Carlos Enrique Mejía Ardón|mejia]] adjourned the hearing until
Wednesday at 9 a.m.

=== k12 es ===
Crónica. En el mercado Guamilito todos conocen la historia. Don Julio, que vende rosas en la
entrada, recuerda cuando el [[Chele|chele]] era un niño que jugaba fútbol en la cancha de la colonia.
"Era tranquilo. Después se juntó con los de [[Los Olivos|olivos]] y ya no lo volvimos a ver", dice.

=== k13 en ===
A British journalist, [[Sarah Whitfield|whitfield]], said she had received threats after publishing
the names of gang leaders. [[Whitfield|whitfield]] said the messages were signed "[[Comandante Rosa|rosa]]". The
Foreign Office said it was aware of the case. Whitfield Road, in north London, was briefly closed
on Friday for an unrelated police operation.

=== k14 es ===
La [[Comandante Rosa|rosa]] salió de prisión en enero. Según la [[FNA|fna]], [[Figueroa|rosa]] volvió a la colonia
y retomó el control de las extorsiones. Los comerciantes dicen que [[Rosa|rosa]] es más temida
que los hermanos [[Orellana Pineda|chele,diablito]].

=== k15 en ===
Wilmer, the younger of the two brothers, is known on the street as [[Diablito|diablito]]. Unlike his
brother [[Chele|chele]], [[Diablito|diablito]] has no criminal record. A neighbour, who asked not to be named,
said [[Diablito|diablito]] used to sing in a church choir.

=== k16 es ===
ACTA DE CAPTURA
NOMBRE: [[FREDY ALONSO CRUZ|toro]]
ALIAS: [[EL TORO|toro]]
AGRUPACIÓN: [[CLICA LOS OLIVOS|olivos]]
UNIDAD: [[FNA|fna]]

=== k17 en ===
Gang-related violence in Honduras fell in 2023, according to the National Violence Observatory.
Analysts credit the state of exception, though rights groups warn of arbitrary detentions. In
Tegucigalpa, a bull named Toro Bravo became a local celebrity after escaping a slaughterhouse.

=== k18 es ===
El abogado de [[Fredy Alonso Cruz|toro]] pidió medidas sustitutivas. Argumentó que Alonso [[Cruz|toro]] tiene tres
hijos menores y un trabajo estable en un taller de la colonia. La fiscal Rosa Lidia Martínez
se opuso y recordó que alias el [[Toro|toro]] fue capturado con 12.000 lempiras en efectivo.

=== k19 en ===
Profile: [[Rosa Amelia Figueroa|rosa]]
Born in La Ceiba in 1984, [[Figueroa|rosa]] joined the gang at 15. By 2015 she was known as
[[Comandante Rosa|rosa]], the only woman to lead a cell of [[Los Olivos|olivos]]. Former members describe [[Rosa|rosa]]
as methodical and feared.

=== k20 es ===
Los hermanos [[Orellana Pi-
neda|chele,diablito]] crecieron en la colonia Rivera Hernández. Su madre, doña Marta Pineda,
vende tortillas frente a la escuela. "Mis hijos no son lo que dicen", declaró a la prensa.

=== k21 en ===
Court papers show that [[Chele|chele]] and [[Toro|toro]] met in prison in 2016. [[Chele|chele]]'s lawyers say
their client has cut all ties with [[Los Olivos|olivos]]; prosecutors say [[Toro|toro]] still takes his
orders.

=== k22 es ===
La [[FNA|fna]] informó que la operación Tormenta de Fuego dejó 23 capturados en San Pedro Sula,
entre ellos alias [[Diablito|diablito]]. El director de la [[Fuerza Nacional Antiextor-
sión|fna]], comisionado Amílcar Mejía, dijo que la estructura de [[Los Olivos|olivos]] quedó desarticulada.
`;
