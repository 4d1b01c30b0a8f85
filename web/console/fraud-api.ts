import type { Api } from './api.ts';

/** One SMS-pumping guard decision as the console lists it. */
export interface FraudBlock {
  id: string;
  appId: string;
  prefix: string;
  country: string;
  channel: string;
  action: 'block' | 'monitor';
  status: 'active' | 'monitor' | 'expired' | 'lifted';
  reasons: { sends: number; approvals: number; conversion: number };
  createdAt: string;
  expiresAt: string;
  liftedAt: string | null;
}

/** The Fraud page's calls under `/console/api/fraud/`. */
export function fraudApi(api: Api) {
  return {
    blocks: (filter: URLSearchParams) =>
      api.request<{ data: FraudBlock[] }>('GET', `fraud/blocks?${filter}`),
    unblock: (id: string) =>
      api.request<FraudBlock>('DELETE', `fraud/blocks/${encodeURIComponent(id)}`),
  };
}
