/**
 * A one-line progress indicator on stderr (`[ 12/200] checked firma.de`), only when stderr
 * is a terminal and many domains are checked, so pipes and logs stay clean.
 */

/** From this many domains on, a terminal gets a progress line. */
export const PROGRESS_MIN_DOMAINS = 5;

/** The stream the progress line is written to. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** A progress callback for `verifyDomains` and a function that clears the line, or undefined when none is shown. */
export function progressLine(stream: ProgressStream, total: number): { update: (done: number, total: number, domain: string) => void; finish: () => void } | undefined {
  if (stream.isTTY !== true || total < PROGRESS_MIN_DOMAINS) return undefined;
  const width = String(total).length;
  return {
    update: (done, all, domain) => stream.write(`\r\x1b[K[${String(done).padStart(width)}/${all}] checked ${domain}`),
    finish: () => stream.write("\r\x1b[K"),
  };
}
