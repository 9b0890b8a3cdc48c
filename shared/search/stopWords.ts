// Stop words, already folded (see analyze.ts): English from lunr 2.3.9's list, Spanish from
// lunr-languages 1.22.0's Snowball list. Folding merges a few pairs ("más"/"mas", "él"/"el"),
// which is what we want: the query side cannot tell them apart either.
// Each page drops its own language's list (analyze.ts: a Spanish page drops "sea" and "con",
// an English page keeps them); records and mixed pages drop only words in both lists; a query
// drops only words in both lists and treats the others as optional ("weak"). Removed on purpose, because they are content
// in this domain: "estado(s)" (Estados Unidos, estado de emergencia), "may" (the month), "us" (US).
const EN =
  'a able about across after all almost also am among an and any are as at be because been but by can ' +
  'cannot could dear did do does either else ever every for from get got had has have he her hers him ' +
  'his how however i if in into is it its just least let like likely me might most must my neither no ' +
  'nor not of off often on only or other our own rather said say says she should since so some than ' +
  'that the their them then there these they this tis to too twas wants was we were what when where ' +
  'which while who whom why will with would yet you your ' +
  '';

const ES =
  'a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ' +
  'ella ellas ellos en entre era erais eran eras eres es esa esas ese eso esos esta estaba estabais ' +
  'estaban estabas estad estamos estando estar estaremos estara estaran estaras estare estareis estaria ' +
  'estariais estariamos estarian estarias estas este estemos esto estos estoy estuve estuviera ' +
  'estuvierais estuvieran estuvieras estuvieron estuviese estuvieseis estuviesen estuvieses estuvimos ' +
  'estuviste estuvisteis estuvieramos estuviesemos estuvo estabamos estais estan esteis esten estes fue ' +
  'fuera fuerais fueran fueras fueron fuese fueseis fuesen fueses fui fuimos fuiste fuisteis fueramos ' +
  'fuesemos ha habida habidas habido habidos habiendo habremos habra habran habras habre habreis habria ' +
  'habriais habriamos habrian habrias habeis habia habiais habiamos habian habias han has hasta hay ' +
  'haya hayamos hayan hayas hayais he hemos hube hubiera hubierais hubieran hubieras hubieron hubiese ' +
  'hubieseis hubiesen hubieses hubimos hubiste hubisteis hubieramos hubiesemos hubo la las le les lo ' +
  'los me mi mis mucho muchos muy mas mia mias mio mios nada ni no nos nosotras nosotros nuestra ' +
  'nuestras nuestro nuestros o os otra otras otro otros para pero poco por porque que quien quienes se ' +
  'sea seamos sean seas seremos sera seran seras sere sereis seria seriais seriamos serian serias seais ' +
  'sido siendo sin sobre sois somos son soy su sus suya suyas suyo suyos si tambien tanto te tendremos ' +
  'tendra tendran tendras tendre tendreis tendria tendriais tendriamos tendrian tendrias tened tenemos ' +
  'tenga tengamos tengan tengas tengo tengais tenida tenidas tenido tenidos teniendo teneis tenia ' +
  'teniais teniamos tenian tenias ti tiene tienen tienes todo todos tu tus tuve tuviera tuvierais ' +
  'tuvieran tuvieras tuvieron tuviese tuvieseis tuviesen tuvieses tuvimos tuviste tuvisteis tuvieramos ' +
  'tuviesemos tuvo tuya tuyas tuyo tuyos un una uno unos vosotras vosotros vuestra vuestras vuestro ' +
  'vuestros y ya yo eramos ' +
  '';

export const STOP_WORDS: ReadonlySet<string> = new Set((EN + ES).split(' ').filter(Boolean));
export const EN_STOP_WORDS: ReadonlySet<string> = new Set(EN.split(' ').filter(Boolean));
export const ES_STOP_WORDS: ReadonlySet<string> = new Set(ES.split(' ').filter(Boolean));
