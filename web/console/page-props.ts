import type { Api, Session } from './api.ts';
import type { Words } from './catalogue.ts';

/** What every page is given: the API, the words, the session, where to report a refusal. */
export interface PageProps {
  api: Api;
  words: Words;
  session: Session;
  onProblem(problem: unknown): void;
}
