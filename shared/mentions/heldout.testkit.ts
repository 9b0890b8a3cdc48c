// A held-out labelled set for the mention matcher (heldout.test.ts), written before reading
// the matcher, about a case of its own: a dissident front on Colombia's Pacific coast. The
// pages imitate what researchers file (wire copy, NGO and UN reports, prosecutors' bulletins,
// police records and OCR, headlines in capitals, interviews); the events are invented.
// Same format as tests/fixtures/mentions/pages.txt: every intended mention is marked
// [[text as on the page|actor-id,actor-id]]; everything unmarked, decoys included, must not
// be found. A mention of a family name shared by both brothers lists the brother meant when
// the page says which (a reader can tell), and both when it does not.
import { organisation, person } from './labelled.testkit';
import type { MentionActor } from './nameEntries';


export const HELDOUT_ACTORS: MentionActor[] = [
  // Two brothers sharing "Cárdenas Mejía"; the elder's alias is a common word ("tigre").
  person('tigre', 'Rodrigo Cárdenas Mejía', ['Comandante Tigre', 'nom_de_guerre'], ['Tigre', 'nom_de_guerre'],
    ['Rodrigo Alfonso Cárdenas Mejía', 'legal_name']),
  person('pacho', 'Ramiro Cárdenas Mejía', ['Pacho', 'alias']),
  // A common first name (María) and a common first name as nom de guerre (Julia).
  person('flaca', 'María Fernanda Ospina', ['La Flaca', 'alias'], ['Camarada Julia', 'nom_de_guerre'], ['Julia', 'nom_de_guerre']),
  // Raúl as a nom de guerre; "Peña" folds to the ordinary word "pena".
  person('raul', 'Aurelio Buitrago Peña', ['Raúl', 'nom_de_guerre'], ['Comandante Raúl', 'nom_de_guerre']),
  // Aliases that are ordinary words with an article: "el cirujano", "el contador".
  person('cirujano', 'José Antonio Rivas', ['El Cirujano', 'alias']),
  person('contador', 'Óscar Peña', ['El Contador', 'alias']),
  person('salcedo', 'Javier Andrés Salcedo Bermúdez', ['Javier Salcedo', 'alias']),
  // An English name that is also an English word ("brooks").
  person('brooks', 'Daniel Brooks', ['Dan Brooks', 'alias']),
  person('yesenia', 'Yesenia Caicedo Angulo'),
  organisation('fls', 'armed_group', 'Frente Libertador del Sur', 'FLS', 'Frente Libertador'),
  organisation('telembi', 'criminal_organisation', 'Clan del Telembí', 'CDT'),
  organisation('diran', 'state_force', 'Dirección de Antinarcóticos', 'DIRAN', 'Policía Antinarcóticos'),
];

export const HELDOUT_PAGES = `
=== h01 es ===
Tumaco (Nariño). La Policía confirmó este martes la captura de [[Ramiro Cárdenas Mejía|pacho]],
alias [[Pacho|pacho]], hermano menor del [[Comandante Tigre|tigre]] y señalado como responsable
de las finanzas del [[Frente Libertador del Sur|fls]] en la costa pacífica. Según el parte
oficial, [[Pacho|pacho]] fue ubicado en una vivienda del barrio Viento Libre, donde se escondía
desde mayo. El coronel [[Javier Salcedo|salcedo]], director de la [[Dirección de Antinarcóticos|diran]],
dijo que la captura "golpea el corazón financiero" del grupo.

=== h02 en ===
2.1 The [[Frente Libertador del Sur|fls]] ([[FLS|fls]])

The [[FLS|fls]] emerged in 2017 from dissident units that rejected the peace agreement. Its
commander, [[Rodrigo Alfonso Cárdenas Mejía|tigre]], known as "[[Tigre|tigre]]", had been a mid-level officer
of the former guerrilla. Witnesses interviewed for this report described [[Tigre|tigre]] as the
sole authority over recruitment. His younger brother, [[Ramiro Cárdenas Mejía|pacho]] ("[[Pacho|pacho]]"),
managed payments to boat owners along the Mira river.

=== h03 es ===
Barbacoas. Decenas de familias del río Telembí denunciaron la contaminación de sus aguas por la
minería ilegal. María Elena Quiñones, lideresa del consejo comunitario, dijo que un tigre fue
visto cerca de la vereda Junín y que los niños ya no se bañan en el río. El alcalde, Luis
Cárdenas, anunció brigadas de salud para julio. "No es un problema de un mes", afirmó la
personera Julia Restrepo.

=== h04 en ===
BOGOTA, March 4 (Reuters) - Colombian police on Tuesday captured the brother of a dissident
commander who authorities say runs cocaine routes through the Pacific port of Tumaco.
[[Ramiro Cardenas Mejia|pacho]], 41, known as "[[Pacho|pacho]]", was arrested at a house in the city's
Viento Libre neighbourhood. His brother [[Rodrigo Cardenas Mejia|tigre]], alias "[[Tigre|tigre]]", leads the
[[FLS|fls]], a group of some 400 fighters, according to the army. [[Cardenas Mejia|pacho]] did not have a
lawyer present, police said. Colombia's antinarcotics police ([[DIRAN|diran]]) said the arrest
followed a six-month investigation.

=== h05 es ===
BOLETÍN 0347. La Fiscalía General de la Nación imputó los delitos de concierto para delinquir
agravado, homicidio y desplazamiento forzado a [[Aurelio Buitrago Peña|raul]], alias
[[Comandante Raúl|raul]], presunto cabecilla de la estructura urbana del [[Frente Libertador del Sur|fls]]
en Tumaco. Según el ente acusador, [[Buitrago Peña|raul]] ordenó el homicidio de la lideresa social
[[Yesenia Caicedo Angulo|yesenia]] el 14 de agosto de 2022. El procesado no aceptó los cargos. Un juez
de control de garantías le impuso medida de aseguramiento en centro carcelario. De ser hallado
culpable, podría enfrentar una pena de hasta 50 años de prisión.

=== h06 en ===
The killing of [[Yesenia Caicedo Angulo|yesenia]], a 34-year-old Afro-Colombian leader of the Alto
Mira community council, was one of at least 11 killings of social leaders in Tumaco in 2022.
[[Caicedo|yesenia]] had reported threats from the [[FLS|fls]] to the Ombudsman's Office three times.
Prosecutors have charged [[Aurelio Buitrago Peña|raul]] ("[[Comandante Raúl|raul]]") with ordering her
death. [[Caicedo|yesenia]]’s sister told Human Rights Watch that the family had been forced to leave
for Cali.

=== h07 es ===
INFORME DE INTELIGENCIA No. 112 -- RESERVADO
Se estableció que el sujeto [[Rodrigo Alfonso Cárde-
nas Mejía|tigre]] (a) [[Tigre|tigre]] se desplaza entre las veredas del río Mira
y el Ecuador con un anillo de seguridad de 12 hombres. Su compañera sentimen-
tal, [[María Fernanda Ospi-
na|flaca]] (a) [[La Flaca|flaca]], estaría a cargo de las comu-
nicaciones. El sujeto [[José Antonio Rivas|cirujano]] (a) [[El Cirujano|cirujano]], enfermero de pro-
fesión, atiende a los heridos del [[FLS|fls]].

=== h08 en ===
Small brooks run down from the Andes into the Mira river, which the tourism board now promotes
for rafting. Visitors can stay at the Tigre Lodge, a family-run hotel near the Ecuadorian border,
where guides still talk about the jaguar's old range. "The jungle is quieter now," said Raúl
Gómez, a guide from Ricaurte. His colleague, Julia Mendez, added that July is the busiest month.

=== h09 es ===
¿Quién es alias [[Tigre|tigre]], el hombre que tiene en jaque a Tumaco?

Nació en Policarpa hace 46 años y se llama [[Rodrigo Cárdenas Mejía|tigre]]. En la antigua guerrilla le
decían «[[Tigre|tigre]]» por su forma de moverse en el monte, y el apodo se quedó. Hoy, [[Cárdenas Mejía|tigre]]
comanda el [[Frente Libertador del Sur|fls]], una disidencia de unos 400 hombres que disputa al
[[Clan del Telembí|telembi]] las rutas de la cocaína hacia Centroamérica. A diferencia de otros cabecillas,
el [[Tigre|tigre]] rara vez aparece en videos.

=== h10 en ===
Press freedom groups on Friday called for the release of [[Daniel Brooks|brooks]], a British freelance
photographer abducted near Barbacoas on 2 September. [[Brooks|brooks]], 38, had been documenting
illegal gold mining on the Telembí river for a London-based magazine. Local officials blamed the
[[Clan del Telembí|telembi]], a criminal group that controls the mining barges. "Dan is a careful
journalist," said his editor. The group has denied involvement. [[Brooks|brooks]]'s family said
they had not been contacted by the kidnappers.

=== h11 es ===
El concejal Raúl Pachón presentó ayer una proposición para declarar la emergencia sanitaria en
la zona rural de Tumaco. Pachón recordó que la vereda El Tigre lleva dos años sin puesto de
salud. El cirujano del hospital San Andrés, Raúl Ortega, dijo que atienden a pacientes de
diecisiete veredas con un solo quirófano.

=== h12 en ===
Analysis: What the capture of '[[Pacho|pacho]]' means for the [[FLS|fls]]

The arrest of [[Ramiro Cárdenas Mejía|pacho]], alias '[[Pacho|pacho]]', removes the man who ran the money
of the [[Frente Libertador del Sur|fls]], but not its military leadership. His brother, ‘[[Tigre|tigre]]’,
remains at large, as does [[Aurelio Buitrago Peña|raul]], alias ‘[[Raúl|raul]]’, who commands the group's
urban cells in Tumaco. The [[FLS|fls]] has survived the loss of commanders before.

=== h13 es ===
—Aquí todos saben quién manda —dijo un pescador de Salahonda que pidió no ser identificado—.
Cuando llega [[la Flaca|flaca]] con sus muchachos, uno se encierra.
[[María Fernanda Ospina|flaca]], alias [[la Flaca|flaca]] o [[Camarada Julia|flaca]], es la pareja del comandante
del [[FLS|fls]] desde hace una década. Los pescadores se quejan también de la flaca cosecha de
camarón de este año.

=== h14 en ===
FOR IMMEDIATE RELEASE
Colombian National Extradited to Face Cocaine Trafficking Charges
WASHINGTON - A Colombian national alleged to be the financial manager of the [[Frente Libertador del Sur|fls]]
([[FLS|fls]]), a dissident armed group, was extradited to the United States to face charges of
conspiracy to import cocaine. [[Ramiro Cárdenas Mejía|pacho]], also known as "[[Pacho|pacho]]," 41, made his
initial appearance in Houston at 10:00 a.m. CDT. According to the indictment, from 2018 to
2023 [[Cárdenas Mejía|pacho]] conspired with others to ship multi-ton loads from Tumaco.

=== h15 es ===
ALERTA TEMPRANA N.º 019-23
La Defensoría del Pueblo advierte sobre el riesgo para la población civil de los consejos
comunitarios del río Mira por la presencia del grupo armado autodenominado [[Frente Libertador
del Sur|fls]] ([[FLS|fls]]) y de la estructura criminal [[Clan del Telembí|telembi]] ([[CDT|telembi]]). Se ha
documentado el reclutamiento de menores por parte de la estructura al mando de alias «[[Raúl|raul]]»,
así como amenazas contra líderes como la señora [[Yesenia Caicedo Angulo|yesenia]], asesinada en 2022.

=== h16 en ===
Interviews with former combatants suggest that [[Tigre|tigre]]’s authority rests less on
ideology than on his control of the cocaine trade. "[[Tigre|tigre]] pays on time," one former
fighter said. "[[Raúl|raul]] doesn't." Unlike his brother [[Pacho|pacho]], who handled the
accounts, [[Tigre|tigre]] has never been photographed.

=== h17 es ===
CULTURA. Las fiestas de San Pacho llenaron las calles de Quibdó durante la primera semana de
octubre. La chirimía Los Tigres del Atrato abrió el desfile. El contador de la junta
organizadora, Óscar Mosquera, informó que asistieron más de 40.000 personas, y el padre Julián
Peña agradeció a la Policía por la seguridad. En julio se conocerá el balance final.

=== h18 en ===
British photographer [[Daniel Brooks|brooks]] freed after 97 days in captivity in Colombia

[[Dan Brooks|brooks]], who was kidnapped in September while reporting on illegal gold mining in the
south-west of Colombia, was handed over to a humanitarian commission on Sunday. The [[Clan del
Telembí|telembi]], which had denied holding him, released a video of the handover. [[Brooks|brooks]]’ mother,
Anne, said she was "overwhelmed". The Foreign Office thanked the Colombian authorities.

=== h19 es ===
La Fiscalía pidió la extinción de dominio de 14 inmuebles de los hermanos [[Cárdenas Mejía|tigre,pacho]]
en Pasto y Tumaco. Según la investigación, los bienes estaban a nombre de testaferros, entre
ellos un primo de los procesados, Edwin Cárdenas Ortiz, y el contador [[Óscar Peña|contador]], alias
[[el Contador|contador]].

=== h20 en ===
Colombia's armed conflict has produced many noms de guerre borrowed from animals. Raúl Reyes,
the FARC's second-in-command killed in Ecuador in 2008, was not one of them, but "Mono Jojoy"
and "el Paisa" were. Analysts at the Pares foundation count more than 30 commanders nicknamed
after big cats since the 1990s. José Antonio Ocampo, a former finance minister, has argued that
the cocaine economy explains more than ideology does.

=== h21 es ===
COMUNICADO PÚBLICO
CONSEJO COMUNITARIO ALTO MIRA Y FRONTERA
Denunciamos ante la opinión pública nacional e internacional el asesinato de nuestra compañera
[[YESENIA CAICEDO ANGULO|yesenia]], ocurrido el 14 de agosto en la vereda Pital. Responsabilizamos al
grupo armado que se hace llamar [[FRENTE LIBERTADOR DEL SUR|fls]] y a su cabecilla alias «[[RAÚL|raul]]».
Exigimos al Estado garantías para la familia [[Caicedo Angulo|yesenia]] y para todo el consejo.

=== h22 en ===
34. The Mission received credible information that members of the [[FLS|fls]] under the command of
[[Aurelio Buitrago Peña|raul]] recruited at least 23 children in Tumaco between 2021 and 2023.
35. In one case documented by the Mission, a 15-year-old girl was recruited by a woman identified
by witnesses as "[[La Flaca|flaca]]", the partner of the group's commander.

=== h23 es ===
POLICÍA NACIONAL - [[DIRECCIÓN DE ANTINARCÓTICOS|diran]]
ACTA DE INCAUTACIÓN
En la fecha, siendo las 05:40 horas, en el sector de La Playita del municipio de Tumaco,
personal de la [[Dirección de Antinar-
cóticos|diran]] al mando del mayor Pedro Salcedo Ruiz incautó 1.200 kilogramos de clorhidrato
de cocaína que, según información de inteligencia, pertenecerían a la estructura de alias
[[TIGRE|tigre]] del [[FLS|fls]]. Se capturó en flagrancia a [[JOSÉ ANTONIO RIVAS|cirujano]] (a) "[[EL CIRUJANO|cirujano]]".

=== h24 en ===
The Special Jurisdiction for Peace (JEP) rejected the application of [[Rodrigo Alfonso Cárdenas
Mejía|tigre]] to be admitted as a former FARC member, finding that his conduct after 2017 was
not connected to the armed conflict as the peace agreement defines it. The chamber noted that
[[Cárdenas Mejía|tigre]] had rearmed within months of the disarmament.

=== h25 es ===
Las autoridades ofrecen hasta 2.000 millones de pesos por información sobre los hermanos Rodrigo
y Ramiro [[Cárdenas Mejía|tigre,pacho]], cabecillas del [[FLS|fls]]. El ministro de Defensa dijo en Pasto
que el [[Comandante Tigre|tigre]] "tiene los días contados" y que su hermano, alias [[Pacho|pacho]], ya fue
ubicado.

=== h26 en ===
[[FLS|fls]] COMMANDER '[[TIGRE|tigre]]' KILLED IN ARMY RAID, COLOMBIA SAYS

PASTO, Colombia (AP) - Colombian troops killed [[Rodrigo Cárdenas Mejía|tigre]], the commander of the
[[Frente Libertador del Sur|fls]] dissident group, in a bombing raid near the Ecuadorian border, Defense
Minister Iván Velásquez said Thursday. [[Cárdenas|tigre]], known by his nom de guerre [[Tigre|tigre]], was
believed to command some 400 fighters.

=== h27 es ===
Columna de opinion. Escribo sin tildes porque el teclado del cafe internet no las tiene. En
Tumaco todos saben que [[Aurelio Buitrago Pena|raul]], el tal [[Raul|raul]], manda en los barrios de
bajamar, y que la Policia no entra sin permiso del [[Frente Libertador|fls]]. Nadie habla de la pena
que sienten las madres.

=== h28 en ===
The group's finances were managed by [[Ramiro Cárdenas Me-
jía|pacho]] until his arrest. Payments to
boat crews were made in cash through [[Óscar Peña|contador]], an accoun-
tant from Pasto known locally as "[[El Contador|contador]]". According to a
former member, [[Peña|contador]] kept two sets of books, one of which was seized
by the [[DIRAN|diran]] in 2023.

=== h29 es ===
El tráfico en la avenida Mariano Ospina Pérez de Pasto estuvo cerrado durante la mañana por
una protesta de transportadores del sector de Peñas Blancas. Los manifestantes, encabezados por
Julián Benavides, pidieron la revisión de la tarifa del peaje de El Tigre, que subió en julio.

=== h30 en ===
Women in the [[FLS|fls]]
[[María Fernanda Ospina|flaca]], who goes by "[[Camarada Julia|flaca]]" in the group's communiqués, is the
only woman in its leadership. Former combatants call her "[[La Flaca|flaca]]". In a 2021 video,
[[Julia|flaca]] urged young women to join "the revolutionary struggle".

=== h31 es ===
JUZGADO PRIMERO PENAL DEL CIRCUITO ESPECIALIZADO DE PASTO
RESUELVE: PRIMERO. CONDENAR a [[JOSÉ ANTONIO RIVAS|cirujano]], identificado con la cédula de
ciudadanía número 12.345.678, alias "[[El Cirujano|cirujano]]", a la pena principal de 240 meses de
prisión como autor del delito de concierto para delinquir agravado. SEGUNDO. ABSOLVER a José
Rivas Mina de los cargos formulados por la Fiscalía.

=== h32 en ===
Thread: what we know about the Tumaco attack (1/5)
- Police say the car bomb was planted by the [[FLS|fls]]'s urban cells, commanded by "[[Raúl|raul]]".
- The group's leader, [[Tigre|tigre]], denied it in an audio message.
- Mayor's office: 3 dead, 11 hurt. Among the dead, a teacher, Carmen Rivas.

=== h33 es ===
«Que me devuelvan a mi hija», pidió María Quiñones frente a la Gobernación. Su hija, de 15 años,
fue reclutada según ella por una mujer que se hace llamar «[[Julia|flaca]]» y que, dice, es la misma
que aparece en los videos del [[FLS|fls]] como [[Camarada Julia|flaca]]. El secretario de Gobierno,
Julián Bastidas, prometió una comisión de búsqueda.

=== h34 en ===
Army Captures '[[El Cirujano|cirujano]]', Medic of the [[Frente Libertador del Sur|fls]]

The Colombian Army's Vulcano Task Force captured [[José Antonio Rivas|cirujano]], alias "[[El Cirujano|cirujano]],"
in a rural area of Tumaco. [[Rivas|cirujano]], a former nurse, allegedly treated wounded fighters of
the [[FLS|fls]] and supplied them with antibiotics bought in Ecuador.

=== h35 es ===
[[EL CONTADOR|contador]] DEL [[FLS|fls]]
Durante seis años, [[Óscar Peña|contador]] llevó las cuentas de una cooperativa de transportadores en
Pasto. Lo que nadie sabía, según la Fiscalía, es que también llevaba las del [[Frente Libertador
del Sur|fls]]. Sus compañeros de trabajo lo llamaban, sin saber cuánta razón tenían, "[[el Contador|contador]]".

=== h36 en ===
Mining on the Telembí: a photo essay. Photographs by Ana Brooks-Wright; text by Oscar Peñaloza.
The brooks that feed the Telembí river now run brown with mercury. "Nobody here uses their real
name," said a dredge operator who gave his name only as Julio.

=== h37 es ===
Los [[Cárdenas Mejía|tigre,pacho]] llegaron a Tumaco en 2016 desde el sur del Cauca. El mayor, Rodrigo, ya
era conocido como [[Tigre|tigre]]; el menor, Ramiro, se hacía llamar [[Pacho|pacho]] y trabajaba como
comerciante de combustible en Llorente. Un tío de ambos, Jesús Cárdenas, fue concejal de
Policarpa.

=== h38 en ===
Counsel for Mr. [[Buitrago Peña|raul]] argued that the evidence linking him to the killing of Ms.
[[Caicedo Angulo|yesenia]] rested on a single witness. The prosecution replied that three witnesses
identified the accused as "[[Comandante Raúl|raul]]", the man who gave the order at a meeting in the
Viento Libre neighbourhood.

=== h39 es ===
Capturados en la operación: 1. [[José Antonio Rivas|cirujano]], alias [[el Cirujano|cirujano]]. 2. Wilson
Andrés Cortés, alias Chamo. 3. Julia Esther Preciado, alias la Mona. 4. [[Óscar Peña|contador]],
alias [[El Contador|contador]]. Los capturados fueron puestos a disposición de la Fiscalía.

=== h40 en ===
Colombia's ombudsman warned on Monday of new displacement along the Mira river. In a statement,
the office said the [[Frente Libertador del Sur|fls]] and the [[Clan del Telembí|telembi]] were fighting for
control of the river's mouth, and that 1,200 people had fled since the weekend. A spokeswoman
for the governor, Julia Benavides, said shelters in Tumaco were full. The statement was
released at 9 a.m. local time (10 a.m. CDT).

=== h41 es ===
Entrevista con un desmovilizado del [[FLS|fls]]
—¿Usted conoció a alias [[Raúl|raul]]?
—Claro. [[Raúl|raul]] era el que daba las órdenes en los barrios. Al [[Tigre|tigre]] casi no lo veíamos.
—¿Y a [[la Flaca|flaca]]?
—A ella sí. Ella reclutaba a las muchachas.

=== h42 en ===
In captivity, [[Brooks|brooks]] said, the guards played Garth Brooks songs on a loop. "[[Tigre|tigre]]'s men
liked country music," he told the BBC. [[Daniel Brooks|brooks]]' book about his 97 days, Brown River,
comes out in May.

=== h43 es ===
ACTA DE DERECHOS DEL CAPTURADO
NOMBRES Y APELLIDOS: [[RAMIRO CÁRDENAS MEJÍA|pacho]]
ALIAS: [[PACHO|pacho]]
ORGANIZACIÓN: [[FRENTE LIBERTADOR DEL SUR|fls]]
UNIDAD QUE CAPTURA: [[DIRAN|diran]]
Se le hizo saber al capturado el motivo de su captura y los derechos que le asisten.

=== h44 en ===
Colombian prosecutors say [[Oscar Pena|contador]], the accountant accused of laundering money for the
[[FLS|fls]], moved at least $4 million through fuel stations in Nariño. [[Pena|contador]], who is known as
"[[El Contador|contador]]", faces up to 20 years in prison. His lawyer, Andrea Peña Rosero, said he would
plead not guilty.

=== h45 en ===
Colonel [[Javier Andrés Salcedo Bermúdez|salcedo]], who heads Colombia's antinarcotics police, told
reporters that the [[Clan del Telembí|telembi]] now moves more cocaine than the [[FLS|fls]]. [[Salcedo|salcedo]] said
the two groups had split the river between them. Asked about [[Comandante Tigre|tigre]], the colonel
said only that "his days are numbered".

=== h46 es ===
El coronel [[Salcedo|salcedo]] presentó ante los medios a los capturados. [[Javier Salcedo|salcedo]], que dirigió
la [[Policía Antinarcóticos|diran]] en el Putumayo, aseguró que el [[CDT|telembi]] recluta a menores en las
minas del río Telembí y que su jefe, un hombre de apellido Angulo, sigue prófugo.
`;
