import type { ComponentChildren } from 'preact';
import type { Session } from './api.ts';
import type { Phrase, Words } from './catalogue.ts';

/** The console's pages, in the navigation's order; Messages, Analytics and Audit are built so far. */
export const PAGES = [
  'messages',
  'analytics',
  'appsKeys',
  'settings',
  'fraud',
  'webhooks',
  'inbox',
  'audit',
] as const satisfies readonly Phrase[];
/** A section page, or the admin's own account (reached from the top bar). */
export type Page = (typeof PAGES)[number] | 'account';

export function Layout(props: {
  words: Words;
  session: Session;
  page: Page;
  onNavigate(page: Page): void;
  onSignOut(): void;
  children: ComponentChildren;
}) {
  const { words, session, page } = props;
  // Agents answer the inbox and see nothing else.
  const pages = session.admin.role === 'agent' ? (['inbox'] as const) : PAGES;
  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">{words.say('title')}</span>
        <span class="who">{words.say('signedInAs', { email: session.admin.email })}</span>
        <button
          type="button"
          class="secondary"
          aria-current={page === 'account' ? 'page' : undefined}
          onClick={() => props.onNavigate('account')}
        >
          {words.say('account')}
        </button>
        <button type="button" class="secondary" onClick={props.onSignOut}>
          {words.say('signOut')}
        </button>
      </header>
      <nav aria-label={words.say('navigation')}>
        <ul>
          {pages.map((name) => (
            <li key={name}>
              <a
                href={`#${name}`}
                aria-current={name === page ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  props.onNavigate(name);
                }}
              >
                {words.say(name)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>{props.children}</main>
    </div>
  );
}
