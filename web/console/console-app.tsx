import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AccountPage } from './account-page.tsx';
import { AnalyticsPage } from './analytics-page.tsx';
import { type Api, ApiProblem, type Session } from './api.ts';
import { AppsKeysPage } from './apps-keys-page.tsx';
import { AuditPage } from './audit-page.tsx';
import type { Words } from './catalogue.ts';
import { FraudPage } from './fraud-page.tsx';
import { InboxPage } from './inbox-page.tsx';
import { Layout, PAGES, type Page } from './layout.tsx';
import { LoginForm } from './login-form.tsx';
import { MessagesPage } from './messages-page.tsx';
import type { PageProps } from './page-props.ts';
import { SettingsPage } from './settings-page.tsx';
import { WebhooksPage } from './webhooks-page.tsx';

/** The built pages; a page missing here shows "on its way". */
const PAGE_VIEWS: Partial<Record<Page, (props: PageProps) => JSX.Element>> = {
  messages: MessagesPage,
  analytics: AnalyticsPage,
  appsKeys: AppsKeysPage,
  fraud: FraudPage,
  webhooks: WebhooksPage,
  settings: SettingsPage,
  audit: AuditPage,
  inbox: InboxPage,
  account: AccountPage,
};

/** The page the address names; null when it names none. */
const pageOf = (hash: string): Page | null => {
  const name = hash.slice(1);
  return (PAGES as readonly string[]).includes(name) || name === 'account' ? (name as Page) : null;
};

/** Where the console opens without a page named: an agent answers the inbox. */
const homeOf = (session: Session): Page => (session.admin.role === 'agent' ? 'inbox' : 'audit');

/** Signed out: the sign-in form. Signed in: the layout and the chosen page. */
export function ConsoleApp(props: { api: Api; words: Words }) {
  const { api, words } = props;
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [named, setPage] = useState<Page | null>(pageOf(location.hash));

  useEffect(() => {
    api.me().then(setSession, () => setSession(null));
  }, [api]);

  // A session that ended (idle, revoked) sends the person back to the sign-in form.
  const onProblem = (problem: unknown) => {
    if (problem instanceof ApiProblem && problem.status === 401) setSession(null);
  };

  if (session === undefined) return <p class="loading">{words.say('loading')}</p>;
  if (session === null) return <LoginForm api={api} words={words} onSignedIn={setSession} />;
  const page = named ?? homeOf(session);
  const View = PAGE_VIEWS[page];
  return (
    <Layout
      words={words}
      session={session}
      page={page}
      onNavigate={(next) => {
        history.replaceState(null, '', `#${next}`);
        setPage(next);
      }}
      onSignOut={() => api.logout().finally(() => setSession(null))}
    >
      {View ? (
        <View api={api} words={words} session={session} onProblem={onProblem} />
      ) : (
        <section aria-labelledby="page-title">
          <h1 id="page-title">{words.say(page)}</h1>
          <p>{words.say('comingSoon')}</p>
        </section>
      )}
    </Layout>
  );
}
