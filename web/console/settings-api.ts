import type { Api } from './api.ts';
import type { Schema } from './schema-model.ts';

/** The console's settings routes, as the Settings page calls them. */

export interface SettingsApp {
  id: string;
  name: string;
}

/** One provider tried by a test send, as the service answers it. */
export interface TestAttempt {
  provider: string;
  ok: boolean;
  latencyMs: number;
  error?: string;
  detail?: string;
  response: { status: number; body: string } | null;
}

export interface TestSendInput {
  channel: string;
  to: string;
  country?: string;
}

const settingsPath = (appId: string) => `apps/${encodeURIComponent(appId)}/settings`;

export function settingsApi(api: Api) {
  return {
    /** The apps the admin manages (every app for an owner). */
    apps: () => api.request<{ data: SettingsApp[] }>('GET', 'apps'),
    schema: () => api.request<Schema>('GET', 'settings/schema'),
    read: (appId: string) => api.request<Record<string, unknown>>('GET', settingsPath(appId)),
    save: (appId: string, document: unknown) =>
      api.request<Record<string, unknown>>('PUT', settingsPath(appId), document),
    testSend: (appId: string, input: TestSendInput) =>
      api.request<{ attempts: TestAttempt[] }>('POST', `${settingsPath(appId)}/test-send`, input),
  };
}

export type SettingsApi = ReturnType<typeof settingsApi>;
