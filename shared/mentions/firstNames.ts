// Common given names, Spanish (Peru, Colombia, Spain) and English. A single-word name that
// is one of these says too little on its own: "José" in a report is far more often some
// other José than the nom de guerre of Víctor Quispe Palomino, so such names default to
// `with-cue`. Rare given names used as noms de guerre (Artemio, Cirilo, Florindo, Abimael)
// are left out on purpose: alone on a page they usually are the person the case means.
// Also used to tell given names from surnames when deriving a family name.
import { foldedList } from '../text/fold';

const SPANISH =
  'José Juan Luis Carlos Jorge Manuel Jesús Antonio Francisco Pedro Miguel Ángel Víctor Raúl Javier ' +
  'Fernando Alberto Alfredo Ricardo Roberto Eduardo Sergio Mario Oscar Óscar César Julio Enrique Hugo ' +
  'Rafael Daniel David Pablo Andrés Diego Alejandro Gonzalo Gustavo Jaime Héctor Rubén Marco Marcos ' +
  'Martín Felipe Tomás Nicolás Ramón Salvador Santiago Sebastián Simón Vicente Walter Wilber Wilmer ' +
  'Edwin Edgar Elmer Percy Freddy Fredy Henry Jhon Jhonny Jimmy Johnny Willy Segundo Teodoro Teófilo ' +
  'Félix Fidel Gregorio Guillermo Ignacio Lorenzo Lucio Máximo Moisés Néstor Orlando Pascual Rolando ' +
  'Rodolfo Rodrigo Samuel Saúl Ernesto Esteban Eugenio Emilio Elías Efraín Abel Adolfo Agustín Alfonso ' +
  'Álvaro Armando Arturo Augusto Benito Bernardo Camilo Cristian Cristóbal Darío Domingo Edilberto ' +
  'Eleuterio Elvis Emiliano Fabián Faustino Federico Florencio Fortunato Gabriel Germán Gerardo Gilberto ' +
  'Heriberto Hernán Humberto Isaac Isidro Iván Jacinto Jairo Joaquín Julián Justo Leonardo Leoncio ' +
  'Marcelino Mariano Mauricio Nelson Norberto Octavio Omar Pío Ramiro Raimundo Reinaldo Reynaldo Ronald ' +
  'Ruperto Saturnino Silvio Timoteo Ulises Valentín Wilfredo Marcial Maximiliano Alcides Amador ' +
  'Américo Aurelio Celestino Ciro Clemente Crispín Demetrio Dionisio Edmundo Eladio Eloy Epifanio Ezequiel ' +
  'Feliciano Fermín Froilán Genaro Hilario Honorio Jeremías Lázaro Leandro Marcelo Melchor Nazario ' +
  'Pastor Policarpo Primitivo Prudencio Santos Severino Silverio Tito Toribio Ubaldo Zacarías ' +
  'María Rosa Ana Carmen Juana Elena Luisa Lucía Teresa Isabel Margarita Sofía Laura Carolina Patricia ' +
  'Gloria Martha Marta Mónica Sonia Silvia Julia Claudia Beatriz Cecilia Dora Esther Elsa Flor Gladys ' +
  'Irma Inés Lidia Lourdes Luz Mercedes Miriam Nancy Norma Olga Pilar Raquel Rocío Ruth Sandra Susana ' +
  'Victoria Verónica Yolanda Zoila Alicia Amelia Ángela Antonia Bertha Catalina Delia Diana Edith Elisa ' +
  'Elizabeth Eva Francisca Gabriela Graciela Guadalupe Hilda Isabela Janet Jessica Judith Karina Liliana ' +
  'Lucy Marisol Milagros Natalia Nelly Paola Paula Pamela Rosario Sara Tania Vilma Ximena Yesenia ' +
  'Angélica Consuelo Dolores Esperanza Eugenia Felicia Gregoria Josefa Leonor Manuela Matilde Nélida ' +
  'Paulina Petronila Rebeca Rufina Soledad Vicenta Zenaida Celia Clara Cristina Daniela Fernanda Valeria ' +
  'Andrea Adriana Alejandra Camila Mariana Natividad Gumercinda Maribel Marleni Yaneth Yeni';

const ENGLISH =
  'John James Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew ' +
  'Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason ' +
  'Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel ' +
  'Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron Henry Adam Douglas Nathan Peter ' +
  'Zachary Kyle Walter Harold Jeremy Ethan Carl Keith Roger Gerald Christian Terry Sean Arthur Austin ' +
  'Noah Lawrence Jesse Joe Bryan Billy Jordan Albert Dylan Bruce Willie Gabriel Alan Juan Logan Wayne ' +
  'Ralph Roy Eugene Randy Vincent Russell Louis Philip Bobby Johnny Bradley Tom Jim Bill Bob Mike Steve ' +
  'Dave Tony Sam Max Ben Dan Ken Ted Ed Al Jon Jay Ray Ron Rick Nick Fred Harry Charlie Jimmy Tommy ' +
  'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret ' +
  'Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca ' +
  'Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha ' +
  'Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce ' +
  'Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline ' +
  'Frances Gloria Ann Kathryn Alice Jean Teresa Doris Sara Janice Julia Marie Madison Grace Judy Theresa ' +
  'Beverly Denise Marilyn Amber Danielle Rose Brittany Diana Abigail Natalie Jane Lori Alexis Tiffany Kate';

/** Folded, e.g. "jose", "raul", "angel". */
export const COMMON_FIRST_NAMES: ReadonlySet<string> = new Set(foldedList(`${SPANISH} ${ENGLISH}`));
