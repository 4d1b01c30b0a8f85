import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiProblem } from './api.ts';
import { AppFilter, queryOf } from './app-filter.tsx';
import type { Phrase } from './catalogue.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { type FraudBlock, fraudApi } from './fraud-api.ts';
import type { PageProps } from './page-props.ts';
import { whenFormat } from './when.tsx';

const LIVE = new Set<FraudBlock['status']>(['active', 'monitor']);

/**
 * The SMS-pumping guard's decisions over the admin's apps: the ranges blocked now (or every
 * decision), and Unblock, asked once more in a dialog, for admins and owners.
 */
export function FraudPage(props: PageProps) {
  const { words, session, onProblem } = props;
  const api = useMemo(() => fraudApi(props.api), [props.api]);
  const [filter, setFilter] = useState(new URLSearchParams());
  const [blocks, setBlocks] = useState<FraudBlock[] | null>(null);
  const [error, setError] = useState<Phrase | null>(null);
  const [status, setStatus] = useState('');
  const [asking, setAsking] = useState<FraudBlock | null>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  const canUnblock = session.admin.role === 'owner' || session.admin.role === 'admin';

  // An ended session goes back to sign-in (onProblem); anything else is said on the page.
  const refused = (problem: unknown, otherwise: Phrase = 'failed') => {
    onProblem(problem);
    const code = problem instanceof ApiProblem ? problem.code : '';
    if (code === 'console_role_forbidden') setError('fraudForbidden');
    else if (code === 'console_app_not_found') setError('fraudNoApp');
    else setError(otherwise);
  };

  async function load(next: URLSearchParams) {
    try {
      setBlocks((await api.blocks(next)).data);
      setError(null);
    } catch (problem) {
      setBlocks(null);
      refused(problem);
    }
  }
  useEffect(() => {
    void load(filter);
  }, []);

  async function unblock(block: FraudBlock) {
    setAsking(null);
    try {
      const lifted = await api.unblock(block.id);
      setStatus(words.say('fraudUnblocked', { range: lifted.prefix }));
      await load(filter);
    } catch (problem) {
      const gone = problem instanceof ApiProblem && problem.status === 404;
      refused(problem, gone ? 'fraudGone' : 'failed');
      if (gone) await load(filter);
    }
    // The row and its button may be gone: the focus goes to what happened.
    statusLine.current?.focus();
  }

  // Blocks last hours: the minute is precise enough, and keeps the row on a desktop screen.
  const when = whenFormat(words.locale, 'short');
  const percent = new Intl.NumberFormat(words.locale, { style: 'percent' });
  return (
    <section aria-labelledby="page-title" class="fraud">
      <h1 id="page-title">{words.say('fraud')}</h1>
      <p class="lead">{words.say('fraudIntro')}</p>
      <form
        class="filters"
        aria-label={words.say('fraudFilter')}
        onSubmit={(event) => {
          event.preventDefault();
          const next = queryOf(event.currentTarget);
          setFilter(next);
          setStatus('');
          void load(next);
        }}
      >
        <AppFilter id="fraud-app" words={words} api={props.api} all="fraudAllApps" />
        <div class="field check">
          <input id="fraud-all" name="all" type="checkbox" value="true" />
          <label for="fraud-all">{words.say('fraudIncludeEnded')}</label>
        </div>
        <div class="field actions">
          <button type="submit">{words.say('show')}</button>
        </div>
      </form>
      {!canUnblock && <p class="note">{words.say('fraudReadOnly')}</p>}
      <p role="status" class="status" tabIndex={-1} ref={statusLine}>
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {words.say(error)}
        </p>
      )}
      {blocks === null ? (
        !error && <p>{words.say('loading')}</p>
      ) : blocks.length === 0 ? (
        <p class="empty">{words.say(filter.has('all') ? 'fraudEmptyAll' : 'fraudEmpty')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
        <section class="table-scroll" aria-label={words.say('fraudTable')} tabIndex={0}>
          <table>
            <caption>{words.say('fraudTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{words.say('fraudRange')}</th>
                <th scope="col">{words.say('fraudCountry')}</th>
                <th scope="col">{words.say('channel')}</th>
                <th scope="col">{words.say('app')}</th>
                <th scope="col">{words.say('status')}</th>
                <th scope="col">{words.say('fraudApprovedOfSent')}</th>
                <th scope="col">{words.say('fraudDecided')}</th>
                <th scope="col">{words.say('fraudEnds')}</th>
                {canUnblock && <th scope="col">{words.say('fraudActions')}</th>}
              </tr>
            </thead>
            <tbody>
              {blocks.map((block) => (
                <tr key={block.id}>
                  <th scope="row">{block.prefix}</th>
                  <td>{block.country}</td>
                  <td>{block.channel}</td>
                  <td class="app">{block.appId}</td>
                  <td>{words.say(`fraudStatus_${block.status}`)}</td>
                  <td class="number">
                    {words.say('fraudCounts', {
                      approved: block.reasons.approvals,
                      sent: block.reasons.sends,
                      conversion: percent.format(block.reasons.conversion),
                    })}
                  </td>
                  <td>{when(block.createdAt)}</td>
                  <td>{when(block.liftedAt ?? block.expiresAt)}</td>
                  {canUnblock && (
                    <td>
                      {LIVE.has(block.status) && (
                        <button
                          type="button"
                          class="secondary"
                          aria-label={words.say('fraudUnblockLabel', {
                            range: block.prefix,
                            app: block.appId,
                          })}
                          onClick={() => setAsking(block)}
                        >
                          {words.say('fraudUnblock')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {asking && (
        <ConfirmDialog
          title={words.say('fraudConfirmTitle', { range: asking.prefix })}
          text={words.say('fraudConfirmText', { range: asking.prefix })}
          confirm={words.say('fraudUnblock')}
          cancel={words.say('fraudCancel')}
          onConfirm={() => unblock(asking)}
          onCancel={() => setAsking(null)}
        />
      )}
    </section>
  );
}
