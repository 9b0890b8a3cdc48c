/**
 * Where the words of a folded name start: a place is found by its name and by any of its
 * words onwards ("San Miguel de Urabá" by "miguel…" and "uraba…"). Shared by the build
 * script that sorts the keys and the app that searches them, so both cut names alike.
 */
export function wordStarts(folded: string): number[] {
  const starts = [0];
  for (let i = 1; i < folded.length; i++) {
    const prev = folded.charCodeAt(i - 1);
    // After a space, hyphen, apostrophe, slash or parenthesis.
    if ((prev === 32 || prev === 45 || prev === 39 || prev === 47 || prev === 40) && folded.charCodeAt(i) !== 32) starts.push(i);
  }
  return starts;
}
