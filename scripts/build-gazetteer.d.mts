export const GAZETTEER_VERSION: number;
export const GAZETTEER_CREDIT: string;
export function buildGazetteerText(): string;
export function gazetteerText(regionNames: Map<string, string>, places: { name: string; region: string; lat: number; lon: number; population: number }[]): string;
