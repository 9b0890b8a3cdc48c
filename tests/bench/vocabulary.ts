// Word lists for the generated benchmark corpus: Spanish and Quechua names with accents,
// noms de guerre, Peruvian places. Enough variety that name words, sort keys and the
// "quis" prefix filter behave as on a real case file (Quispe is a very common surname).

export const GIVEN_NAMES = [
  'José', 'Juan', 'Víctor', 'Óscar', 'Rubén', 'Raúl', 'Jesús', 'Martín', 'Andrés', 'Héctor', 'Julián', 'Nicolás',
  'Florindo', 'Eleuterio', 'Abimael', 'Teófilo', 'Elías', 'Ángel', 'Félix', 'Hugo', 'Edgar', 'Wilber', 'Walter',
  'Percy', 'Américo', 'Isaías', 'Simeón', 'Efraín', 'Fortunato', 'Saturnino', 'Máximo', 'Tomás', 'Lucio', 'Néstor',
  'Túpac', 'Inti', 'Amaru', 'Wayra', 'Yupanqui', 'Atoq', 'Kusi', 'Illari', 'Mayta',
  'María', 'Rosa', 'Ana', 'Lucía', 'Elena', 'Margarita', 'Dora', 'Sofía', 'Inés', 'Mónica', 'Yolanda', 'Nélida',
  'Zenaida', 'Edith', 'Gregoria', 'Túpac', 'Sisa', 'Killa', 'Ñusta', 'Qori', 'Rocío', 'Begoña', 'Ximena', 'Asunción',
];

export const SURNAMES = [
  'Quispe', 'Quispe', 'Quispe', 'Mamani', 'Mamani', 'Huamán', 'Condori', 'Ccori', 'Ñahui', 'Huanca', 'Cusi', 'Yupanqui',
  'Chávez', 'Ramírez', 'Rodríguez', 'Gutiérrez', 'Fernández', 'González', 'Sánchez', 'Pérez', 'Gómez', 'Díaz', 'López',
  'Martínez', 'Vásquez', 'Flores', 'Palomino', 'Guzmán', 'Reynoso', 'Iparraguirre', 'Morote', 'Durand', 'Cárdenas',
  'Ayala', 'Limaylla', 'Poma', 'Tito', 'Apaza', 'Choque', 'Ticona', 'Layme', 'Cahuana', 'Huillca', 'Sulca', 'Ñaupari',
  'Pariona', 'Añanca', 'Mendoza', 'Ortiz', 'Velásquez', 'Núñez', 'Muñoz', 'Zúñiga', 'Peña', 'Castañeda', 'Quiñones',
  'Villanueva', 'Tapia', 'Salazar', 'Huayhua', 'Quisocala', 'Illanes',
];

export const NOM_PREFIXES = ['Camarada', 'Comandante', 'Compañero', 'Tío', 'Doctor', 'Ingeniero', 'Profesor', 'Mayor', 'Capitán'];
export const NOM_WORDS = [
  'Artemio', 'José', 'Alipio', 'Gabriel', 'Feliciano', 'Clay', 'Rolando', 'Raúl', 'Olga', 'Nancy', 'Miriam', 'Rubén',
  'Vilma', 'Dalmiro', 'Ponciano', 'Jorge', 'Marcelo', 'Percy', 'Héctor', 'Carlos', 'Susana', 'Cirilo', 'Ernesto',
  'Sánchez', 'Cóndor', 'Puma', 'Otorongo', 'Águila', 'Halcón', 'Zorro', 'Viejo', 'Flaco', 'Chato', 'Cholo', 'Serrano',
];
export const NICKNAMES = ['El Chato', 'El Flaco', 'La Gringa', 'El Viejo', 'El Tigre', 'La Negra', 'El Cóndor', 'El Puma', 'Cachaco', 'Pichón'];

export const GROUP_KINDS_NAMES: Record<'armed_group' | 'state_force' | 'criminal_organisation' | 'political_organisation' | 'unit' | 'other_group', string[]> = {
  armed_group: ['Comité Zonal', 'Comité Regional', 'Destacamento', 'Columna', 'Fuerza Principal', 'Pelotón'],
  state_force: ['Batallón Contrasubversivo', 'Base Contrasubversiva', 'DIRCOTE Grupo', 'Comisaría', 'Frente Policial'],
  criminal_organisation: ['Clan', 'Firma', 'Banda', 'Cártel'],
  political_organisation: ['Movimiento', 'Frente Popular', 'Comité de Defensa', 'Sindicato'],
  unit: ['Compañía', 'Sección', 'Escuadrón', 'Unidad Especial'],
  other_group: ['Ronda Campesina', 'Comité de Autodefensa', 'Asociación'],
};

export const ROLES = ['mando político', 'mando militar', 'combatiente', 'logística', 'jefe de columna', 'mensajero', 'second-in-command', 'leader', 'member', 'fundraiser', 'courier'];

/** Region (department) → provinces/districts → villages, all in Peru. Coordinates are rough region centres. */
export const REGIONS: ReadonlyArray<{ name: string; lat: number; lon: number; districts: string[]; places: string[] }> = [
  { name: 'Ayacucho', lat: -13.16, lon: -74.22, districts: ['Huamanga', 'La Mar', 'Huanta', 'Cangallo', 'Víctor Fajardo'], places: ['Chachaspata', 'Llochegua', 'Santa Rosa', 'Accomarca', 'Uchuraccay', 'Putis', 'Sivia', 'Lucanamarca'] },
  { name: 'Cusco', lat: -13.53, lon: -71.97, districts: ['La Convención', 'Calca', 'Urubamba'], places: ['Kepashiato', 'Kimbiri', 'Pichari', 'Quellouno', 'Echarati'] },
  { name: 'Junín', lat: -11.16, lon: -75.0, districts: ['Satipo', 'Huancayo', 'Chanchamayo', 'Concepción'], places: ['Mazamari', 'Pangoa', 'Vizcatán del Ene', 'Río Tambo', 'Puerto Ocopa'] },
  { name: 'Huánuco', lat: -9.93, lon: -76.24, districts: ['Leoncio Prado', 'Puerto Inca', 'Huamalíes'], places: ['Tingo María', 'Aucayacu', 'Monzón', 'Cachicoto', 'Tocache'] },
  { name: 'San Martín', lat: -7.18, lon: -76.73, districts: ['Tocache', 'Mariscal Cáceres', 'Bellavista'], places: ['Uchiza', 'Nuevo Progreso', 'Juanjuí', 'Pólvora'] },
  { name: 'Puno', lat: -15.84, lon: -70.02, districts: ['Azángaro', 'Sandia', 'Melgar'], places: ['Ñuñoa', 'San Juan del Oro', 'Putina', 'Asillo'] },
  { name: 'Apurímac', lat: -14.05, lon: -73.09, districts: ['Andahuaylas', 'Chincheros', 'Abancay'], places: ['Talavera', 'Ocobamba', 'Pacobamba'] },
  { name: 'Lima', lat: -12.05, lon: -77.04, districts: ['Lima', 'Huarochirí', 'Cañete'], places: ['San Juan de Lurigancho', 'Ate', 'Villa El Salvador', 'Huaycán'] },
  { name: 'Huancavelica', lat: -12.79, lon: -74.97, districts: ['Tayacaja', 'Churcampa', 'Angaraes'], places: ['Pampas', 'Colcabamba', 'Lircay'] },
  { name: 'Pasco', lat: -10.68, lon: -76.26, districts: ['Oxapampa', 'Daniel Alcides Carrión'], places: ['Puerto Bermúdez', 'Iscozacín', 'Yanahuanca'] },
];

export const TITLE_VERBS: Record<string, string[]> = {
  battles: ['Enfrentamiento en', 'Clash near', 'Emboscada en', 'Combate en'],
  explosions_remote_violence: ['Explosión en', 'IED attack near', 'Atentado con explosivos en', 'Ataque con granada en'],
  violence_against_civilians: ['Asesinato en', 'Secuestro en', 'Killing of villagers in', 'Desaparición forzada en'],
  protests: ['Protesta en', 'Paro cocalero en', 'Marcha en', 'Protest in'],
  riots: ['Disturbios en', 'Linchamiento en', 'Riot in'],
  strategic_developments: ['Captura en', 'Arrest in', 'Incautación en', 'Operativo en', 'Base establecida en', 'Acuerdo en'],
};

export const SEIZURE_ITEMS: ReadonlyArray<readonly [string, string]> = [
  ['cocaine', 'kg'], ['pasta básica de cocaína', 'kg'], ['fusiles AKM', ''], ['rifles FAL', ''], ['munición', 'cartuchos'],
  ['dinamita', 'cartuchos'], ['radios', ''], ['dólares', 'USD'], ['soles', 'PEN'], ['hoja de coca', 'kg'],
];

export const TAGS = ['VRAEM', 'Alto Huallaga', 'narcotráfico', 'CVR', 'juicio', 'reclutamiento', 'desplazados', 'fosas', 'prensa', 'DIRCOTE'];

export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
