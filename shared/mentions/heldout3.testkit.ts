// A third held-out labelled set (heldout.test.ts), written in session 11 from the rules as
// docs/mentions.md states them, labelled as a reader would before the matcher was run on it,
// and scored once before any change: cartels in western Mexico. Same format and conventions
// as heldout.testkit.ts (the recorded name as written, its cue outside the label; "el Mencho"
// with a small article is the bare "Mencho" when the actor has both); the events are invented.
//
// What it adds: a father and son sharing a first surname ("Oseguera"), an alias with a
// feminine article for a man ("La Tuta"), an alias that is a tool ("el marro"), an
// organisation with Spanish, English and acronym names, a state force whose English name ends
// a longer proper name ("the Texas National Guard"), headlines in capitals and in title
// case, a hyphenated surname at a line break, possessives and guillemets.
import { organisation, person } from './labelled.testkit';
import type { MentionActor } from './nameEntries';


export const HELDOUT3_ACTORS: MentionActor[] = [
  person('mencho', 'Nemesio Oseguera Cervantes', ['El Mencho', 'alias'], ['Mencho', 'alias']),
  person('menchito', 'Rubén Oseguera González', ['El Menchito', 'alias'], ['Menchito', 'alias']),
  // An alias that is also a tool (a sledgehammer).
  person('marro', 'José Antonio Yépez Ortiz', ['El Marro', 'alias'], ['Marro', 'alias']),
  // Two common surnames; a feminine article in a man's alias.
  person('tuta', 'Servando Gómez Martínez', ['La Tuta', 'alias']),
  // A first name as a nom de guerre.
  person('mario', 'Mario Alberto Cázares Ledezma', ['Comandante Mario', 'nom_de_guerre'], ['Mario', 'nom_de_guerre']),
  organisation('cjng', 'criminal_organisation', 'Cártel de Jalisco Nueva Generación', 'CJNG', 'Jalisco New Generation Cartel'),
  organisation('gn', 'state_force', 'Guardia Nacional', 'National Guard'),
  organisation('fgr', 'state_agency', 'Fiscalía General de la República', 'FGR'),
];

export const HELDOUT3_PAGES = `
=== m01 es ===
Guadalajara. La [[Fiscalía General de la República|fgr]] ([[FGR|fgr]]) ofreció una recompensa por información
que lleve a la captura de [[Nemesio Oseguera Cervantes|mencho]], alias «[[El Mencho|mencho]]», fundador del
[[Cártel de Jalisco Nueva Generación|cjng]]. Según la [[FGR|fgr]], [[Oseguera Cervantes|mencho]] dirige desde la sierra una red
que mueve metanfetamina hacia Estados Unidos.

=== m02 en ===
Mexican prosecutors said on Monday that [[Rubén Oseguera González|menchito]], known as "[[El Menchito|menchito]]", the
son of the [[CJNG|cjng]] leader, had been extradited. [[El Mencho|mencho]]'s son faces drug trafficking
charges in Washington. The [[Jalisco New Generation Cartel|cjng]] did not comment.

=== m03 es ===
El gobernador de Jalisco inauguró un mercado en Tlaquepaque. Los comerciantes pidieron más
alumbrado y una guardia nocturna. Un albañil mostró el marro con el que trabaja desde hace
veinte años y dijo que la tuta de su abuela, una canasta de palma, sigue en uso.

=== m04 es ===
CAE [[EL MARRO|marro]] EN GUANAJUATO

Elementos del Ejército y de la [[Guardia Nacional|gn]] detuvieron a [[José Antonio Yépez Ortiz|marro]], alias
[[El Marro|marro]], líder del cártel de Santa Rosa de Lima, en una finca de Juventino Rosas.
[[El Marro|marro]] estaba acusado de secuestro y robo de combustible.

=== m05 en ===
Mexican Army Captures '[[El Marro|marro]]' in Guanajuato

Soldiers arrested [[José Antonio Yépez Ortiz|marro]] early on Sunday. [[Yépez Ortiz|marro]] had fought the [[CJNG|cjng]] for
control of fuel theft in the state since 2017. The [[National Guard|gn]] secured the ranch.

=== m06 es ===
Morelia. [[Servando Gómez Martínez|tuta]], alias [[La Tuta|tuta]], exlíder de los Caballeros Templarios, fue
sentenciado a 55 años de prisión. En sus videos, [[la Tuta|tuta]] se presentaba como maestro rural.
El alcalde Jorge Gómez dijo que la sentencia "cierra una etapa".

=== m07 en ===
Servando [[Gómez|tuta]], better known as "[[La Tuta|tuta]]", was a schoolteacher before he joined the cartel.
His lawyer, Ana Martínez, said [[Gómez Martínez|tuta]] would appeal. Another Gómez, a local priest,
told reporters the town was calm.

=== m08 es ===
Una columna al mando del [[Comandante Mario|mario]] atacó un retén de la [[Guardia Nacional|gn]] en Aguililla.
Según vecinos, [[Mario|mario]] llegó con unos cuarenta hombres. El gobernador, Mario Delgado, condenó
el ataque y pidió apoyo federal.

=== m09 en ===
Residents said the attack was led by a man they call "[[Comandante Mario|mario]]". Prosecutors identify him as
[[Mario Alberto Cázares Ledezma|mario]], a former police officer who joined the [[CJNG|cjng]] in 2015. A spokesman
for the governor, Mario Delgado, declined to comment.

=== m10 es ===
Los hermanos y primos de la familia
[[Oseguera|mencho,menchito]] controlan la distribución en Puerto Vallarta, según un informe de la [[FGR|fgr]]. El
hijo, [[Rubén Oseguera González|menchito]], fue detenido en 2015; [[Oseguera González|menchito]] negó los cargos.

=== m11 en ===
Texas sent its own guard units to the border in March. The Texas National Guard said
the deployment would last until the summer, and the governor praised the guardsmen.

=== m12 es ===
De acuerdo con el expediente, Nemesio [[Oseguera|mencho]] nació en Aguililla, Michoacán. De joven
emigró a California, donde fue detenido por venta de heroína. A su regreso, [[Oseguera|mencho]] se
unió al cártel del Milenio y después fundó el [[CJNG|cjng]].

=== m13 en ===
For years, [[El Mencho|mencho]] was the most wanted man in Mexico. U.S. officials say [[Nemesio Oseguera Cer-
vantes|mencho]] built the [[Jalisco New Generation Cartel|cjng]] into a global business. "[[Mencho|mencho]] never sleeps
in the same place twice," said one agent.

=== m14 es ===
[[El Menchito|menchito]] fue trasladado al penal del Altiplano. Su padre, [[El Mencho|mencho]], sigue prófugo.
La defensa del [[Menchito|menchito]] presentó un amparo.

=== m15 en ===
The court in Michoacán heard the case of the sledgehammer killings. A witness said the men used
a marro, a heavy hammer, to break the doors. The mayor of Apatzingán attended the hearing.

=== m16 es ===
Ficha del detenido
Nombre: [[José Antonio Yépez Ortiz|marro]]
Alias: [[EL MARRO|marro]]
Organización: cártel de Santa Rosa de Lima
Detenido por: [[Guardia Nacional|gn]] y Ejército

=== m17 en ===
According to the [[FGR|fgr]]'s report, the [[CJNG|cjng]] fought the Templarios in Michoacán after [[La Tuta|tuta]]'s
arrest in 2015. The [[Fiscalía General de la República|fgr]] named [[Mario Alberto Cázares Ledezma|mario]] as the local commander.

=== m18 es ===
"Ya no le pagamos a [[la Tuta|tuta]], ahora le pagamos al [[Mencho|mencho]]", dijo un comerciante de
Apatzingán. Otro aseguró que el [[Comandante Mario|mario]] cobra la cuota cada viernes.

=== m19 en ===
The Guard's commander in Jalisco, General Luis Rodríguez, said the National Guardsmen
would stay in Aguililla. Locals call the soldiers "los guardias".

=== m20 es ===
La [[Guardia Nacional|gn]] informó que en el operativo participaron 300 elementos. La [[FGR|fgr]] abrió una
carpeta de investigación contra quien resulte responsable.
`;
