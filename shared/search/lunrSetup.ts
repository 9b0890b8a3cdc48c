// lunr with the lunr-languages Spanish stemmer installed, once per thread (Node, renderer or
// worker). The plugins are CommonJS factories that add `lunr.es` to the lunr object.
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import lunrEs from 'lunr-languages/lunr.es.js';

type PipelineFn = (token: lunr.Token) => lunr.Token;
interface WithSpanish { es?: { stemmer: PipelineFn }; stemmerSupport?: unknown }

const withEs = lunr as unknown as WithSpanish;
if (!withEs.stemmerSupport) stemmerSupport(lunr);
if (!withEs.es) lunrEs(lunr);

export const spanishStemmer: PipelineFn = withEs.es!.stemmer;
export const englishStemmer: PipelineFn = lunr.stemmer as unknown as PipelineFn;
export { lunr };
