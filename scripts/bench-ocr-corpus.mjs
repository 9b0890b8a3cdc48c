// The OCR bench's scanned pages, made from text written here so the right answer is known:
// ImageMagick renders Spanish and English paragraphs at 300 dpi, then makes each kind of scan
// (clean; noisy: 1.5° skew, grain, a photocopy shadow at the edge, JPEG quality 55; turned 90°,
// 180° and 270°), and each image is wrapped in a one-page PDF written here (ImageMagick's own PDF
// writer is disabled by Debian's policy). Everything goes to a folder the caller owns.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const TEXTS = {
  spa: [
    'El 14 de agosto de 1992, cerca de las seis de la tarde, un grupo de hombres armados llegó a la vereda La Esperanza, en el municipio de San Vicente. Según los testimonios recogidos por la comisión, los campesinos fueron reunidos en la plaza y obligados a entregar sus documentos de identidad.',
    'Doña Aurelia Gómez, maestra de la escuela rural, declaró que reconoció a dos de los hombres porque habían pasado por el pueblo semanas antes, vendiendo herramientas y preguntando por los dirigentes de la junta comunal. Su hijo menor, de once años, vio cómo se llevaban a tres vecinos hacia el río.',
    'La investigación posterior no logró establecer quién dio la orden. El expediente judicial, abierto en marzo de 1993, fue archivado dos veces por falta de pruebas y reabierto en 2004, después de que una periodista publicara las actas de la reunión del batallón. Los familiares de las víctimas siguen pidiendo acceso a esos archivos.',
    'En la audiencia del 9 de junio, el fiscal presentó catorce declaraciones juradas, un mapa de la zona dibujado a mano y la lista de pasajeros de un autobús que salió de Puerto Nuevo esa misma mañana. La defensa pidió aplazar la sesión hasta contar con la traducción de los informes técnicos.',
  ],
  eng: [
    'The field team reached the northern district in early September and spent three weeks interviewing witnesses in four villages. Most of the people they spoke with described the same sequence of events: soldiers arrived before dawn, searched every house, and took away eleven young men.',
    'Their names were later read on the regional radio station as "captured insurgents". Two of the men were released after a month. Their accounts, recorded separately and compared by the team, agree on the location of the camp where they were held, the number of guards, and the officer who questioned them.',
    'The remaining nine have not been seen since. A petition filed with the provincial court in 1998 is still pending, and the ministry has twice declined to confirm whether the camp existed. Satellite images from 1996 show a cleared area of roughly two hectares at the place the witnesses describe.',
    'In a letter dated 3 May 2001, the district commissioner wrote that the records of the operation had been destroyed in a fire. A copy of the same records, stamped and signed, was later found among the papers of a retired clerk and handed to the team by his daughter.',
  ],
};

export const KINDS = ['clean', 'noisy', 'rot90', 'rot180', 'rot270'];

/** Each page holds its language's paragraphs this many times over (~2,500 characters: a real page's worth). */
const REPEAT = 2;

/** The reference text of a page: its paragraphs, as written. */
export const reference = (lang) => Array.from({ length: REPEAT }, () => TEXTS[lang]).flat().join('\n\n');

/** Liberation Serif (Debian's fonts-liberation), by path: font names depend on ImageMagick's font lists. */
const FONT = '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf';

const magick = (args) => execFileSync('convert', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** A one-image-per-page PDF: each image fills its page at `dpi`. `images`: { width, height, filter, data }. */
export function imagePdf(images, dpi = 300) {
  const chunks = [];
  const offsets = [];
  let length = 0;
  const push = (part) => { const b = typeof part === 'string' ? Buffer.from(part, 'latin1') : part; chunks.push(b); length += b.length; };
  const object = (n, dict, stream) => {
    offsets[n] = length;
    push(`${n} 0 obj\n${dict}`);
    if (stream) { push(`\nstream\n`); push(stream); push(`\nendstream`); }
    push(`\nendobj\n`);
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const kids = images.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${images.length} >>`);
  images.forEach((img, i) => {
    const n = 3 + i * 3;
    const w = (img.width * 72) / dpi;
    const h = (img.height * 72) / dpi;
    const content = Buffer.from(`q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`, 'latin1');
    object(n, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${n + 2} 0 R >> >> /Contents ${n + 1} 0 R >>`);
    object(n + 1, `<< /Length ${content.length} >>`, content);
    object(n + 2, `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /${img.filter} /Length ${img.data.length} >>`, img.data);
  });
  const xref = length;
  push(`xref\n0 ${offsets.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size ${offsets.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

function size(file) {
  const [w, h] = execFileSync('identify', ['-format', '%w %h', file], { encoding: 'utf8' }).trim().split(' ').map(Number);
  return { width: w, height: h };
}

/** The PDF image of an image file: JPEG as it is (DCTDecode), anything else as deflated grey. */
export async function pdfImage(file) {
  const { width, height } = size(file);
  if (file.endsWith('.jpg')) return { width, height, filter: 'DCTDecode', data: await readFile(file) };
  const grey = execFileSync('convert', [file, '-colorspace', 'Gray', '-depth', '8', 'gray:-'], { maxBuffer: 64 * 2 ** 20 });
  return { width, height, filter: 'FlateDecode', data: deflateSync(grey) };
}

/** Renders the text of `lang` as a clean letter-size page (2550 × 3300 px at 300 dpi). */
function cleanPage(lang, out) {
  // ImageMagick refuses a caption this long in one go: render the paragraphs once, stack copies.
  const block = `${out}.block.png`;
  magick(['-density', '300', '-units', 'PixelsPerInch', '-size', '2050x', '-background', 'white', '-fill', 'black', '-font', FONT, '-pointsize', '12',
    `caption:${TEXTS[lang].join('\n\n')}`, '-colorspace', 'Gray', '-depth', '8', block]);
  const copies = Array.from({ length: REPEAT }, (_, i) => (i === 0 ? [block] : ['-size', '2050x100', 'xc:white', block])).flat();
  magick([...copies, '-append', '-background', 'white', '-gravity', 'northwest', '-extent', '2550x3300-250-300', '-colorspace', 'Gray', '-depth', '8', out]);
}

/** The page of `kind` made from a clean page. */
function variant(kind, clean, out) {
  if (kind === 'noisy') {
    magick([clean, '-background', 'white', '-rotate', '1.5', '-gravity', 'center', '-extent', '2550x3300',
      // a photocopy shadow down the left edge, then grain and a little blur
      '-fill', 'gray25', '-draw', 'rectangle 0,0 45,3300', '-fill', 'gray55', '-draw', 'rectangle 46,0 70,3300',
      '-attenuate', '0.5', '+noise', 'Gaussian', '-blur', '0x0.6', '-colorspace', 'Gray', '-type', 'Grayscale', '-quality', '55', out]);
  } else {
    magick([clean, '-rotate', kind.slice(3), out]);
  }
}

/**
 * Makes the corpus in `dir`: for each kind, a PDF with a Spanish and an English page, and the
 * same pages as image files for the tesseract CLI. Returns [{ kind, pdf, pages: [{ lang, image, reference }] }].
 */
export async function makeCorpus(dir) {
  const corpus = [];
  for (const lang of Object.keys(TEXTS)) cleanPage(lang, join(dir, `clean-${lang}.png`));
  for (const kind of KINDS) {
    const pages = [];
    for (const lang of Object.keys(TEXTS)) {
      const image = kind === 'clean' ? join(dir, `clean-${lang}.png`) : join(dir, `${kind}-${lang}.${kind === 'noisy' ? 'jpg' : 'png'}`);
      if (kind !== 'clean') variant(kind, join(dir, `clean-${lang}.png`), image);
      pages.push({ lang, image, reference: reference(lang) });
    }
    const pdf = join(dir, `${kind}.pdf`);
    await writeFile(pdf, imagePdf(await Promise.all(pages.map((p) => pdfImage(p.image)))));
    corpus.push({ kind, pdf, pages });
  }
  return corpus;
}

/**
 * A small scanned page (A6 at 300 dpi) of `text`, turned `rotate` degrees clockwise, as a PDF
 * (bytes) and as the image (written to `dir`): for tests that need a scan quickly.
 */
export async function smallScanPdf(dir, name, text, rotate = 0) {
  const image = join(dir, `${name}.png`);
  magick(['-density', '300', '-units', 'PixelsPerInch', '-size', '1040x', '-background', 'white', '-fill', 'black', '-font', FONT, '-pointsize', '12',
    `caption:${text}`, '-gravity', 'northwest', '-extent', '1240x1748-100-150', ...(rotate ? ['-rotate', String(rotate)] : []), '-colorspace', 'Gray', '-depth', '8', image]);
  return { image, pdf: imagePdf([await pdfImage(image)]) };
}
