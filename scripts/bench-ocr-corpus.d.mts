// Types for scripts/bench-ocr-corpus.mjs, imported by the OCR Playwright spec.
export declare const TEXTS: Record<'spa' | 'eng', string[]>;
export declare const KINDS: string[];
export declare function reference(lang: 'spa' | 'eng'): string;
export declare function imagePdf(images: Array<{ width: number; height: number; filter: string; data: Uint8Array }>, dpi?: number): Buffer;
export declare function makeCorpus(dir: string): Promise<Array<{ kind: string; pdf: string; pages: Array<{ lang: string; image: string; reference: string }> }>>;
export declare function smallScanPdf(dir: string, name: string, text: string, rotate?: number): Promise<{ image: string; pdf: Buffer }>;
export declare function pdfImage(file: string): Promise<{ width: number; height: number; filter: string; data: Uint8Array }>;
