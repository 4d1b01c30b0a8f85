import { expect } from 'vitest';
import { ACCOUNT, form, type OpenApiContext, RECEIPT_TOKEN, TOKEN } from './openapi-context.ts';

/* Delivery receipts and the compatible APIs' operations, each answer checked by `call`. */

/** Delivery receipts. */
export async function exerciseReceipts(context: OpenApiContext): Promise<void> {
  const { appId, call } = context;
  await call('httpReceipt', 200, {
    params: { appId, provider: 'gw' },
    query: `?token=${RECEIPT_TOKEN}`,
    body: { msgid: 'unknown-1', stat: 'DELIVRD' },
  });
  await call('httpReceipt', 403, {
    params: { appId, provider: 'gw' },
    query: '?token=wrong',
    body: { msgid: 'unknown-1', stat: 'DELIVRD' },
  });
  await call('httpReceipt', 415, {
    params: { appId, provider: 'gw' },
    headers: { 'content-type': 'text/plain' },
    body: 'msgid=1',
  });
  await call('twilioReceipt', 403, {
    params: { appId },
    ...form({ MessageSid: 'SM1', MessageStatus: 'delivered', AccountSid: ACCOUNT }),
  });
}

/** The Twilio Verify compatible API. */
export async function exerciseTwilio(context: OpenApiContext): Promise<void> {
  const { ids, call, nextNumber } = context;
  const service = { ServiceSid: ids.twilioServiceSid };
  const to = nextNumber();
  const created = await call('twilioCreateVerification', 201, {
    params: service,
    ...form({ To: to, Channel: 'sms' }),
  });
  const sid: string = created.body.sid;
  await call('twilioCreateVerification', 401, { params: service, auth: 'none', ...form({}) });
  await call('twilioCreateVerification', 404, {
    params: { ServiceSid: `VA${'0'.repeat(32)}` },
    ...form({ To: to }),
  });
  await call('twilioCreateVerification', 400, { params: service, ...form({ Channel: 'sms' }) });
  await call('twilioFetchVerification', 200, { params: { ...service, Sid: sid } });
  await call('twilioFetchVerification', 404, {
    params: { ...service, Sid: `VE${'0'.repeat(32)}` },
  });
  await call('twilioCreateVerificationCheck', 200, {
    params: service,
    ...form({ To: to, Code: '00000' }),
  });
  await call('twilioCreateVerificationCheck', 400, { params: service, ...form({ To: to }) });
  await call('twilioUpdateVerification', 400, {
    params: { ...service, Sid: sid },
    ...form({ Status: 'pending' }),
  });
  await call('twilioUpdateVerification', 200, {
    params: { ...service, Sid: sid },
    ...form({ Status: 'canceled' }),
  });
  await call('twilioCreateVerificationCheck', 404, {
    params: service,
    ...form({ To: to, Code: '123456' }),
  });
}

/** The Beem OTP compatible API, under both of its paths. */
export async function exerciseBeem(context: OpenApiContext): Promise<void> {
  const { server, appId, call, nextNumber } = context;
  const app = await server.deps.store.getApp(appId);
  const beemAppId = app?.dialects?.beemAppId;
  for (const [request, verify] of [
    ['beemRequest', 'beemVerify'],
    ['beemApiRequest', 'beemApiVerify'],
  ] as const) {
    const sent = await call(request, 200, {
      body: { appId: beemAppId, msisdn: nextNumber().slice(1) },
    });
    expect(sent.body.data.message.code).toBe(100);
    await call(request, 401, { body: { appId: beemAppId }, auth: 'none' });
    await call(request, 400, {
      body: '{"appId": ',
      headers: { 'content-type': 'application/json' },
    });
    await call(request, 415, { body: 'appId=1', headers: { 'content-type': 'text/plain' } });
    await call(verify, 200, { body: { pinId: sent.body.data.pinId, pin: '0000' } });
    await call(verify, 200, { body: { pinId: 'ver_missing', pin: '1234' } });
    await call(verify, 401, { body: {}, auth: 'Basic bm9ib2R5Om5vdGhpbmc=' });
  }
}

/** Convertalk's chatbot endpoints. */
export async function exerciseConvertalk(context: OpenApiContext): Promise<void> {
  const { call, nextNumber } = context;
  const sent = await call('convertalkSendOtpSms', 200, {
    body: {
      accountSID: ACCOUNT,
      authToken: TOKEN,
      fromNumber: '+15017122661',
      toNumber: nextNumber(),
    },
  });
  await call('convertalkSendOtpSms', 400, { body: { accountSID: 'nope' } });
  await call('convertalkSendOtpSms', 401, { body: {}, auth: 'none' });
  await call('convertalkVerifyUserOtp', 200, {
    body: { systemOtp: sent.body.systemOtp, userOtp: '0000' },
  });
  await call('convertalkVerifyUserOtp', 200, { body: { systemOtp: 'made-up', userOtp: 1234 } });
  await call('convertalkVerifyUserOtp', 400, { body: { userOtp: [] } });
}

/** Diyalog's bot endpoints. */
export async function exerciseDiyalog(context: OpenApiContext): Promise<void> {
  const { apiKey, call } = context;
  const token = { botAccessToken: apiKey };
  const message = {
    customerNo: '905551601234',
    messageId: 'openapi-msg-1',
    mokMessage: 'Your code is 482913',
    mokValue: '482913',
    buttonsV2: [{ type: 'postback', title: 'It was me', payload: '482913' }],
  };
  await call('diyalogSendmok', 200, { params: token, body: message });
  await call('diyalogSendmok', 401, {
    params: { botAccessToken: 'otpd_unknown' },
    body: message,
  });
  await call('diyalogSendmok', 400, { params: token, body: { customerNo: 5 } });
  await call('diyalogSendmok', 409, {
    params: token,
    body: {
      ...message,
      messageId: 'openapi-msg-2',
      buttonsV2: [{ type: 'postback', title: 'No', payload: 'deny', payloadHidden: true }],
    },
  });
  await call('diyalogPostback', 200, {
    params: token,
    body: { messageId: 'openapi-msg-1', payload: '482913' },
  });
  await call('diyalogPostback', 400, { params: token, body: { payload: '1' } });
}
