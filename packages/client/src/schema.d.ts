/**
 * The otpd API's types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run `npm run generate:client` after changing a route.
 */

export type paths = {
    "/beem/api/v1/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a PIN by SMS; every business outcome answers 200 with a Beem code
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["beemApiRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/beem/api/v1/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a PIN; every business outcome answers 200 with a Beem code
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["beemApiVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/beem/v1/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a PIN by SMS; every business outcome answers 200 with a Beem code
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["beemRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/beem/v1/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a PIN; every business outcome answers 200 with a Beem code
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["beemVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verifications, conversion and delivery of the admin's apps, per hour or day
         * @description The numbers of `GET /v1/analytics`, summed over the apps the admin manages (every app for an owner) or over one of them (`appId`). Agents answer the inbox only: 403.
         */
        get: operations["getConsoleAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The apps the admin manages (every app for an owner)
         * @description Agents answer the inbox only: 403 `console_role_forbidden`.
         */
        get: operations["listConsoleApps"];
        put?: never;
        /**
         * Create an app, with no API key yet (owners only)
         * @description Issue its keys with the scopes each needs (`POST /console/api/apps/{appId}/keys`). Only an owner creates apps: another admin would not manage the new app (403). Recorded in the audit log as `app.created`.
         */
        post: operations["createConsoleApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename an app the admin manages
         * @description Owners and admins of the app; a viewer gets 403. Recorded in the audit log as `app.renamed` with the old and the new name.
         */
        patch: operations["renameConsoleApp"];
        trace?: never;
    };
    "/console/api/apps/{appId}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's API keys: prefix, scopes, created, revoked — never the key */
        get: operations["listConsoleApiKeys"];
        put?: never;
        /**
         * Issue an API key with the chosen scopes; the key is in this answer only
         * @description Owners and admins of the app. The key is stored only as SHA-256: store it now. Recorded in the audit log as `key.created` with its id and scopes.
         */
        post: operations["createConsoleApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/apps/{appId}/keys/{keyId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API key: requests with it are refused from now on
         * @description Owners and admins of the app. Revoking a revoked key answers it as it is; a key of another app is 404 `console_api_key_not_found`. Recorded in the audit log as `key.revoked`.
         */
        post: operations["revokeConsoleApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/apps/{appId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's settings; secrets come back masked, as `GET /v1/settings` shows them */
        get: operations["getConsoleSettings"];
        /**
         * Replace an app's settings whole, as `PUT /v1/settings` does
         * @description Validated exactly as `PUT /v1/settings`: a masked secret sent back keeps the stored one; an invalid document is refused with 400 naming every bad field (`field` as /v1 names it, `pointer` its JSON Pointer) and nothing is saved. The change is written to the audit log as `settings.updated`, each changed value listed, secrets masked.
         */
        put: operations["replaceConsoleSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/apps/{appId}/settings/test-send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one test message through an app's saved providers of a channel
         * @description As `POST /v1/settings/test-send`: the providers are tried in order until one takes the message, and each attempt is answered with its outcome and the gateway’s answer (secrets masked). Written to the audit log as `settings.test_sent`, the destination masked.
         */
        post: operations["consoleTestSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first: the admin's apps' entries, every entry for an owner */
        get: operations["listConsoleAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/fraud/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SMS-pumping guard's decisions of the admin's apps, newest first
         * @description The decisions of `GET /v1/fraud/blocks` over the apps the admin manages (every app for an owner) or one of them (`appId`), each with its app. Agents: 403.
         */
        get: operations["listConsoleFraudBlocks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/fraud/blocks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Lift a decision of one of the admin’s apps: sends to its range go through again
         * @description As `DELETE /v1/fraud/blocks/{id}`; the audit log records `fraud.unblocked` with the range. A lifted decision is answered unchanged; another app's is 404. Viewers and agents: 403.
         */
        delete: operations["liftConsoleFraudBlock"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messenger conversations of the admin's apps waiting for a person or with one
         * @description Newest first, in cursor pages. Without `status`: `waiting` and `agent`. Every role reads its apps (an owner every app); an app outside them is 404.
         */
        get: operations["listConsoleInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/inbox/{appId}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One conversation: the visitor's verified phone, name and email, and its messages */
        get: operations["getConsoleInboxConversation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/inbox/{appId}/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the conversation (status `closed`), unless another agent holds it
         * @description A `closed` system message ends the chat and the bot hears `conversation.closed`. Audited as `conversation.closed`.
         */
        post: operations["closeConsoleInboxConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/inbox/{appId}/{id}/hand-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand a conversation you hold back to the bot (status `bot`)
         * @description A `handed_back` system message tells the visitor, and the bot hears `conversation.handed_back`. Audited as `conversation.handed_back`.
         */
        post: operations["handBackConsoleInboxConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/inbox/{appId}/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write to the visitor, as the agent holding the conversation
         * @description The page shows it at once. Only while you hold the conversation: otherwise 409 `conversation_not_taken`, `conversation_taken` or `conversation_closed`.
         */
        post: operations["postConsoleInboxMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/inbox/{appId}/{id}/take": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a waiting conversation: it is yours to answer (status `agent`)
         * @description A `taken` system message tells the visitor. Taking one you hold already changes nothing; one another agent holds is 409 `conversation_taken`. Audited as `conversation.taken`.
         */
        post: operations["takeConsoleInboxConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/inbox/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The inbox as Server-Sent Events (`conversation` and `message` events)
         * @description A `conversation` event (an InboxConversation) when a conversation of the admin’s apps starts waiting for a person, is taken, handed back or closed; a `message` event (an InboxMessage) for each message of a conversation while it waits or is with an agent. Each `id` is a time: a reconnect with `Last-Event-ID` gets every change since shortly before it again, some perhaps twice (tell them apart by id and sequence). The stream ends every few minutes; the browser reconnects by itself.
         */
        get: operations["streamConsoleInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password (and an authenticator code when TOTP is on)
         * @description Sets the session cookie. Failed attempts are limited per account and per address (429 with `Retry-After`); an unknown email and a wrong password get the same answer.
         */
        post: operations["consoleLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: the session ends at once, in every copy of the cookie */
        post: operations["consoleLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in admin and the CSRF token of the session */
        get: operations["getConsoleSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The message log of the admin's apps, filtered, newest first, in cursor pages */
        get: operations["listConsoleMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message of the admin's apps: its status timeline and its every attempt */
        get: operations["getConsoleMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/messages/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every message of the admin's apps matching the filters, streamed as CSV or NDJSON
         * @description The same lines as `/v1/messages/export`, destinations unmasked; each export is written to the audit log with its filters.
         */
        get: operations["exportConsoleMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/settings/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The settings document as JSON Schema, with the plug-ins and the secret fields
         * @description What the settings page generates its form from: `PUT .../settings` validates the same document. Agents answer the inbox only: 403.
         */
        get: operations["getConsoleSettingsSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start turning TOTP on: a new secret as an otpauth URI and QR code, and recovery codes
         * @description Nothing changes for sign-in until the first code confirms the secret.
         */
        post: operations["enrolConsoleTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn TOTP on with the first code the authenticator shows */
        post: operations["confirmConsoleTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook deliveries of the admin's apps, newest first, filtered, in cursor pages
         * @description The filters of `GET /v1/webhook-deliveries` plus `appId`, over the apps the admin manages (every app for an owner). Agents: 403.
         */
        get: operations["listConsoleWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook delivery of the admin's apps, with each attempt and its answer */
        get: operations["getConsoleWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/webhook-deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sends a delivered or failed delivery of the admin’s apps again, once, now
         * @description As `POST /v1/webhook-deliveries/{id}/retry`; the audit log records `webhook.retried`. A delivery still pending is answered unchanged. Viewers and agents: 403.
         */
        post: operations["retryConsoleWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/convertalk/integrations/custom-feature/send-otp-sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a code by SMS through Twilio with the credentials given (Convertalk)
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["convertalkSendOtpSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/convertalk/integrations/custom-feature/verify-user-otp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the code a person typed against a systemOtp (Convertalk)
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["convertalkVerifyUserOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/diyalog/v1/bots/postback/{botAccessToken}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a button press; a press of the code approves (Diyalog postback)
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["diyalogPostback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/diyalog/v1/bots/sendmok/{botAccessToken}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a chat message, with a code, image and buttons (Diyalog sendmok)
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["diyalogSendmok"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the chat: the conversation closes (the session stays, so the page shows the end) */
        post: operations["endMessengerChat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The messenger's settings and texts in the visitor's language */
        get: operations["getMessengerConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the chat without a code (authentication `none`) */
        post: operations["openMessengerConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chat as Server-Sent Events (`message` events, `Last-Event-ID` resume) */
        get: operations["streamMessengerEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/handover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a person: the conversation waits for a live agent */
        post: operations["requestMessengerAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session: the cookie stops working at once, here and in every copy */
        post: operations["endMessengerSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The messages of the chat after a sequence number, oldest first */
        get: operations["listMessengerMessages"];
        put?: never;
        /** Write to the chat; the bot hears it while it has the conversation */
        post: operations["postMessengerMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/messages/{messageId}/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the code a message of the chat delivered (a check of its verification) */
        post: operations["confirmMessengerCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/postback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Press a postback button of a message in the chat */
        post: operations["pressMessengerButton"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The conversation of this browser's session; 401 when there is none */
        get: operations["getMessengerSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a code to the visitor's phone (counts against the per-IP rule) */
        post: operations["startMessengerVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/verifications/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the code; a right one opens the chat and sets the session cookie */
        post: operations["checkMessengerVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messenger/{appId}/api/verifications/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new code (counts against the per-IP rule and the resend cooldown) */
        post: operations["resendMessengerVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics, in the text exposition format */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database (and Redis, when configured) answer within 2 s */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/twilio/v2/Services/{ServiceSid}/VerificationCheck": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a code by `To` (newest verification) or by `VerificationSid`
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["twilioCreateVerificationCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/twilio/v2/Services/{ServiceSid}/Verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a verification (Twilio Verify v2)
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["twilioCreateVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/twilio/v2/Services/{ServiceSid}/Verifications/{Sid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fetch a pending verification (404 once it is finished, as with Twilio)
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["twilioFetchVerification"];
        put?: never;
        /**
         * Cancel (`Status=canceled`) or approve (`Status=approved`) a pending verification
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["twilioUpdateVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verifications, conversion and delivery per hour or day, optionally grouped
         * @description Verifications count in the bucket they were created in, by their outcome; messages in the bucket of the attempt. Test-number verifications are left out.
         *
         *     Needs an API key with the scope `analytics:read`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["getAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app's audit log, newest first: settings changes, keys, unblocks, exports
         * @description Needs an API key with the scope `settings:read`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Web messenger conversations, newest first, by status and phone
         * @description Needs an API key with the scope `conversations`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["listConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One conversation
         * @description Needs an API key with the scope `conversations`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["getConversation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the conversation: status `closed`, a `system` message for the page, `conversation.closed` to the bot
         * @description Needs an API key with the scope `conversations`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["closeConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/handover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand the conversation to a live agent (status `waiting`)
         * @description Needs an API key with the scope `conversations`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["handOverConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages of a conversation after a sequence number, oldest first
         * @description Needs an API key with the scope `conversations`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["listConversationMessages"];
        put?: never;
        /**
         * Write as the bot or an agent; an agent's message takes the conversation over
         * @description Needs an API key with the scope `conversations`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["postConversationMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fraud/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SMS-pumping guard's decisions, newest first
         * @description Live decisions by default: blocks in force (`active`) and monitor-mode records (`monitor`), each with its reasons. `?all=true` adds the expired and lifted ones.
         *
         *     Needs an API key with the scope `settings:read`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["listFraudBlocks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fraud/blocks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Lift a decision: sends to its range go through again
         * @description The range starts counting afresh; the audit log records `fraud.unblocked`. Lifting a lifted decision answers it unchanged; another app's decision is 404.
         *
         *     Needs an API key with the scope `settings:write`; a key without it is answered 403 `insufficient_scope`.
         */
        delete: operations["liftFraudBlock"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The message log, filtered, newest first, in cursor pages or as an export
         * @description Without `format`, a page of at most `limit` messages and the `nextCursor` of the next. `format=ndjson` (one message per line) and `format=csv` stream every matching message. Holds no codes and no message texts.
         *
         *     Needs an API key with the scope `messages:read`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One message: its status timeline, and its verification's every attempt
         * @description Needs an API key with the scope `messages:read`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every message matching the filters, streamed as CSV or NDJSON
         * @description Read from the log a page at a time while it is sent, so any number of messages can be exported. CSV cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) are prefixed with `'`, except plain numbers such as E.164 destinations. Holds no codes and no message texts.
         *
         *     Needs an API key with the scope `messages:read`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["exportMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/http/{appId}/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A gateway's delivery receipt, read with its http provider's `receipt` config
         * @description JSON (or form fields). Authenticated by the `receipt.token` of the named http provider, sent as `?token=` or the `x-otpd-receipt-token` header.
         */
        post: operations["httpReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/twilio/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Twilio's StatusCallback for messages an app sent through Twilio
         * @description Set `statusCallback` of the twilio provider to this URL. Signed with the auth token of the app's twilio provider whose accountSid is the callback's AccountSid (X-Twilio-Signature over OTPD_PUBLIC_URL, or the URL as requested, and the form).
         */
        post: operations["twilioReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages the sandbox provider captured, newest first
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["listSandboxMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app's settings; secrets come back masked (`••••` and the last 4 characters)
         * @description Needs an API key with the scope `settings:read`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["getSettings"];
        /**
         * Replace the app's settings whole; fields left out take their defaults
         * @description A secret sent back in its masked form keeps the stored secret, so a document read with GET can be edited and sent back. An invalid document is refused with 400 naming every bad field, and nothing is saved. A saved change is written to the audit log as `settings.updated` by the key, each changed value listed, secrets masked.
         *
         *     Needs an API key with the scope `settings:write`; a key without it is answered 403 `insufficient_scope`.
         */
        put: operations["replaceSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/test-send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one test message through the channel's configured providers
         * @description Tries the providers in order, as a delivery would, until one takes the message, and answers each attempt with the gateway's answer (secrets masked). The message carries a fresh sample code that is stored nowhere; nothing is recorded as a verification or in the message log. A sender that makes its own code is asked to make one.
         *
         *     Needs an API key with the scope `settings:write`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["testSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a verification: generate a code and queue its delivery
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["startVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a verification, finished or not
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["getVerification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a pending verification
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["cancelVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a code; every business outcome answers 200 with `valid` and `reason`
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["checkVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every delivery attempt of a verification: provider, status timeline, error
         * @description Needs an API key with the scope `messages:read`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["listVerificationMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a new code; the previous one stops working, the attempt budget carries over
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a code against the destination's newest verification
         * @description Needs an API key with the scope `verifications`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["checkVerificationByDestination"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook deliveries, newest first: status, attempts, the endpoint’s answer
         * @description Needs an API key with the scope `settings:read`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One webhook delivery
         * @description Needs an API key with the scope `settings:read`; a key without it is answered 403 `insufficient_scope`.
         */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sends a delivered or failed delivery again, once, now
         * @description The endpoint receives the same `webhook-id` and body, newly signed; the audit log records `webhook.retried`. A delivery still pending is answered unchanged: it is already on its way.
         *
         *     Needs an API key with the scope `settings:write`; a key without it is answered 403 `insufficient_scope`.
         */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        Analytics: {
            /** @description Every bucket of the range, oldest first */
            data: {
                /** @description The group; null when ungrouped or unknown */
                group: string | null;
                /** @description Delivery attempts made in the bucket */
                messages: {
                    /** @description What providers charged, per currency, where their receipts report a price (Twilio's `Price`); a lower bound when some do not */
                    cost: {
                        amount: number;
                        currency: string;
                    }[];
                    /** @description Attempts a receipt reported delivered */
                    delivered: number;
                    /** @description Attempts that failed, or a receipt reported undelivered */
                    failed: number;
                    /** @description Median time from sent to delivered */
                    latencyP50Ms: number | null;
                    /** @description 95th percentile of sent to delivered */
                    latencyP95Ms: number | null;
                    /** @description Attempts the provider accepted */
                    sent: number;
                };
                /** Format: date-time */
                start: string;
                /** @description Verifications created in the bucket, by what became of them */
                verifications: {
                    approved: number;
                    /** @description Canceled by the app, or superseded by a newer one */
                    canceled: number;
                    /** @description approved / started */
                    conversionRate: number | null;
                    /** @description Expired, or pending past expiry */
                    expired: number;
                    /** @description `failed` (never delivered) and `max_attempts_reached` */
                    failed: number;
                    started: number;
                };
            }[];
            /** Format: date-time */
            from: string;
            groupBy: ("app" | "channel" | "provider" | "country") | null;
            /** @enum {string} */
            interval: "hour" | "day";
            /** Format: date-time */
            to: string;
        };
        AuditEntry: {
            action: string;
            /** @description `admin:<email>`, `key:<keyId>`, `cli` or `system` */
            actor: string;
            appId: string | null;
            /** Format: date-time */
            at: string;
            /** @description Secrets are masked */
            details: {
                [key: string]: unknown;
            };
            /** @description SHA-256 of the previous entry's hash and this entry's content */
            hash: string;
            id: string;
            /** @description The place in the chain: 1, 2, 3 … */
            seq: number;
            target: string | null;
        };
        AuditList: {
            data: components["schemas"]["AuditEntry"][];
            /** @description Pass as `cursor` for older entries */
            nextCursor: string | null;
        };
        /** @description A result in Beem's shape: its code and message */
        BeemResult: {
            data: {
                message: {
                    code: number;
                    message: string;
                };
            };
        };
        CheckResult: {
            attemptsRemaining: number;
            id: string;
            reason: ("incorrect_code" | "expired" | "max_attempts_reached" | "already_approved" | "canceled" | "failed") | null;
            /** @enum {string} */
            status: "pending" | "approved" | "expired" | "canceled" | "max_attempts_reached" | "failed";
            valid: boolean;
        };
        ConsoleAdmin: {
            /** @description The apps a non-owner sees; empty for an owner */
            appIds: string[];
            /** Format: date-time */
            createdAt: string;
            disabledAt: string | null;
            email: string;
            id: string;
            /** @enum {string} */
            role: "owner" | "admin" | "viewer" | "agent";
            /** @description Whether sign-in asks for an authenticator code */
            totp: boolean;
        };
        ConsoleApiKey: {
            appId: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description The key's first characters, to tell keys apart */
            prefix: string;
            /** @description When it was revoked; null while it works */
            revokedAt: string | null;
            scopes: ("verifications" | "messages:read" | "settings:read" | "settings:write" | "conversations" | "analytics:read")[];
        };
        ConsoleApiKeyList: {
            /** @description Oldest first, revoked ones included */
            data: components["schemas"]["ConsoleApiKey"][];
        };
        ConsoleApp: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
        };
        ConsoleAppList: {
            /** @description Oldest first */
            data: components["schemas"]["ConsoleApp"][];
        };
        ConsoleFraudBlock: {
            /**
             * @description `block`: sends refused (enforce mode); `monitor`: recorded only
             * @enum {string}
             */
            action: "block" | "monitor";
            appId: string;
            /**
             * @description Channel of the send that led to the decision
             * @enum {string}
             */
            channel: "sms" | "whatsapp" | "email" | "messenger" | "voice";
            /** @description ISO 3166-1 alpha-2 country of the range; `ZZ` for none */
            country: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            id: string;
            liftedAt: string | null;
            /** @description The number range: an E.164 number without its last 4 digits */
            prefix: string;
            /** @description The counts in the window and the app's thresholds when it was decided */
            reasons: {
                approvals: number;
                /** @description approvals / sends in the window */
                conversion: number;
                country: {
                    approvals: number;
                    code: string;
                    conversion: number;
                    sends: number;
                };
                minConversion: number;
                minSends: number;
                sends: number;
                windowSeconds: number;
            };
            /**
             * @description `active` blocks now; `monitor` is a live record that blocks nothing
             * @enum {string}
             */
            status: "active" | "monitor" | "expired" | "lifted";
        };
        ConsoleIssuedApiKey: {
            /** @description The key itself: shown in this answer only, stored only hashed. Read back masked: `••••` and, for a long one, its last 4 characters */
            apiKey: string;
            key: components["schemas"]["ConsoleApiKey"];
        };
        ConsoleMessage: {
            appId: string;
            /** @enum {string} */
            channel: "sms" | "whatsapp" | "email" | "messenger" | "voice";
            /** @description ISO 3166 country of a phone destination */
            country: string | null;
            /** Format: date-time */
            createdAt: string;
            deviceId: string | null;
            errorCode: string | null;
            id: string;
            /** @description How long the provider call took */
            latencyMs: number;
            messageId: string | null;
            /** @description The provider's charge, when its receipts report one (Twilio's `Price`) */
            price: {
                /** @description What the provider charged */
                amount: number;
                /** @description ISO 4217, e.g. `USD` */
                currency: string;
            } | null;
            /** @description The provider's name in the app's settings */
            provider: string;
            providerMessageId: string | null;
            /**
             * @description The newest status of `timeline`
             * @enum {string}
             */
            status: "queued" | "sent" | "failed" | "delivered" | "undelivered";
            timeline: {
                /** Format: date-time */
                at: string;
                /** @description The provider's error code */
                error?: string;
                /** @enum {string} */
                status: "queued" | "sent" | "failed" | "delivered" | "undelivered";
            }[];
            /** @description The destination masked: enough to tell two apart, no more */
            to: string;
            txCode: string | null;
            verificationId: string;
        };
        ConsoleSession: {
            admin: components["schemas"]["ConsoleAdmin"];
            /** @description Send it as `X-CSRF-Token` on every console request that changes something */
            csrfToken: string;
            /**
             * Format: date-time
             * @description The absolute end of the session
             */
            expiresAt: string;
            /** @description The session ends after this long without a request */
            idleMinutes: number;
        };
        ConsoleWebhookDelivery: {
            appId: string;
            /** @description Attempts allowed before it is given up */
            attemptLimit: number;
            attempts: number;
            createdAt: string;
            deliveredAt: string | null;
            /** @description The `webhook-id` the endpoint receives; the same on every retry */
            eventId: string;
            /** @enum {string} */
            eventType: "verification.created" | "verification.approved" | "verification.expired" | "verification.canceled" | "verification.max_attempts_reached" | "verification.failed" | "message.sent" | "message.delivered" | "message.failed" | "diyalog.postback";
            id: string;
            /** @description `http_<status>`, `timeout`, `connection_failed`, `blocked_address`, … */
            lastError: string | null;
            /** @description The endpoint's newest HTTP status */
            lastStatusCode: number | null;
            /** @description When it is tried next; null once it ended */
            nextAttemptAt: string | null;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            updatedAt: string;
            url: string;
        };
        Conversation: {
            createdAt: string;
            email: string | null;
            id: string;
            locale: string;
            name: string | null;
            phone: string | null;
            /** @enum {string} */
            status: "bot" | "waiting" | "agent" | "closed";
            updatedAt: string;
        };
        ConversationMessage: {
            /** @enum {string} */
            author: "visitor" | "bot" | "agent" | "system";
            buttons: ({
                /** @description Signed when hidden; the chat page is never given a hidden payload */
                payload?: string;
                payloadHidden?: boolean;
                payloadSeenByUser?: string | null;
                title: string;
                /** @constant */
                type: "postback";
            } | {
                title: string;
                /** @constant */
                type: "web_url";
                url: string;
            })[];
            conversationId: string;
            createdAt: string;
            id: string;
            image: string | null;
            sequence: number;
            text: string | null;
            /** @description The verification the `messenger` channel delivered with this message */
            verification: {
                /** @description Set when the message was sent through Diyalog’s sendmok */
                diyalogMessageId: string | null;
                verificationId: string;
            } | null;
        };
        ConvertalkError: {
            /** @description The stable code, as a native problem's `code` */
            error: string;
            errors?: {
                field: string;
                message: string;
            }[];
            /** @description What went wrong, for people */
            message: string;
            /** @constant */
            success: false;
        };
        FraudDecision: {
            /**
             * @description `block`: sends refused (enforce mode); `monitor`: recorded only
             * @enum {string}
             */
            action: "block" | "monitor";
            /**
             * @description Channel of the send that led to the decision
             * @enum {string}
             */
            channel: "sms" | "whatsapp" | "email" | "messenger" | "voice";
            /** @description ISO 3166-1 alpha-2 country of the range; `ZZ` for none */
            country: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            id: string;
            liftedAt: string | null;
            /** @description The number range: an E.164 number without its last 4 digits */
            prefix: string;
            /** @description The counts in the window and the app's thresholds when it was decided */
            reasons: {
                approvals: number;
                /** @description approvals / sends in the window */
                conversion: number;
                country: {
                    approvals: number;
                    code: string;
                    conversion: number;
                    sends: number;
                };
                minConversion: number;
                minSends: number;
                sends: number;
                windowSeconds: number;
            };
            /**
             * @description `active` blocks now; `monitor` is a live record that blocks nothing
             * @enum {string}
             */
            status: "active" | "monitor" | "expired" | "lifted";
        };
        /** @description SMS-pumping guard for sms, whatsapp and voice: sends and approvals are counted per number prefix (the number without its last 4 digits) and per country; a prefix with at least `minSends` sends in the window and a conversion under `minConversion` is blocked for `blockSeconds` (403 `blocked_by_fraud_guard`). Fails open on counting (the rate limits, which fail closed, still bound the volume) */
        FraudGuardSettings: {
            /**
             * @description How long a block lasts (s); default 43200 (12 hours)
             * @default 43200
             */
            blockSeconds: number;
            /**
             * @description Approvals per send (0–1) a prefix must keep once it has `minSends`; below it the prefix is blocked; default 0.1
             * @default 0.1
             */
            minConversion: number;
            /**
             * @description Sends to one prefix within the window before its conversion is judged; default 30
             * @default 30
             */
            minSends: number;
            /**
             * @description `enforce` (default) blocks a prefix that looks pumped; `monitor` records the decision and blocks nothing; `off` counts and records nothing
             * @default enforce
             * @enum {string}
             */
            mode: "off" | "monitor" | "enforce";
            /**
             * @description Sliding window over which sends and approvals are counted (s); default 3600
             * @default 3600
             */
            windowSeconds: number;
        };
        /** @description SMS-pumping guard for sms, whatsapp and voice: sends and approvals are counted per number prefix (the number without its last 4 digits) and per country; a prefix with at least `minSends` sends in the window and a conversion under `minConversion` is blocked for `blockSeconds` (403 `blocked_by_fraud_guard`). Fails open on counting (the rate limits, which fail closed, still bound the volume) */
        FraudGuardSettingsInput: {
            /**
             * @description How long a block lasts (s); default 43200 (12 hours)
             * @default 43200
             */
            blockSeconds?: number;
            /**
             * @description Approvals per send (0–1) a prefix must keep once it has `minSends`; below it the prefix is blocked; default 0.1
             * @default 0.1
             */
            minConversion?: number;
            /**
             * @description Sends to one prefix within the window before its conversion is judged; default 30
             * @default 30
             */
            minSends?: number;
            /**
             * @description `enforce` (default) blocks a prefix that looks pumped; `monitor` records the decision and blocks nothing; `off` counts and records nothing
             * @default enforce
             * @enum {string}
             */
            mode?: "off" | "monitor" | "enforce";
            /**
             * @description Sliding window over which sends and approvals are counted (s); default 3600
             * @default 3600
             */
            windowSeconds?: number;
        };
        /** @description Countries per phone channel, e.g. {"sms": {"allow": ["TR", "TZ"]}} or {"sms": {"deny": ["XX"]}}; a channel without a rule reaches every country. Email is exempt. A refused number answers 403 country_not_allowed */
        GeoPermissions: {
            sms?: components["schemas"]["GeoRule"];
            voice?: components["schemas"]["GeoRule"];
            whatsapp?: components["schemas"]["GeoRule"];
        };
        /** @description Countries per phone channel, e.g. {"sms": {"allow": ["TR", "TZ"]}} or {"sms": {"deny": ["XX"]}}; a channel without a rule reaches every country. Email is exempt. A refused number answers 403 country_not_allowed */
        GeoPermissionsInput: {
            sms?: components["schemas"]["GeoRuleInput"];
            voice?: components["schemas"]["GeoRuleInput"];
            whatsapp?: components["schemas"]["GeoRuleInput"];
        };
        GeoRule: {
            /** @description Only numbers of these countries receive codes; a number of no country neither */
            allow?: string[];
            /** @description Numbers of these countries receive no codes */
            deny?: string[];
        };
        GeoRuleInput: {
            /** @description Only numbers of these countries receive codes; a number of no country neither */
            allow?: string[];
            /** @description Numbers of these countries receive no codes */
            deny?: string[];
        };
        HttpReceiptConfig: {
            /** @description Where the receipt keeps the gateway's error code, if it sends one */
            errorPointer?: string | string[];
            /** @description Where the receipt keeps the gateway's id of the message (the one messageIdPointer found) */
            messageIdPointer: string | string[];
            /** @description The gateway's statuses to otpd's (queued, sent, delivered, undelivered, failed), e.g. {"DELIVRD": "delivered"}; matched exactly, then ignoring case. Others are ignored */
            statusMap: {
                [key: string]: "queued" | "sent" | "failed" | "delivered" | "undelivered";
            };
            /** @description Where the receipt keeps the gateway's status */
            statusPointer: string | string[];
            /** @description Shared secret the gateway sends as `?token=` or the `X-Otpd-Receipt-Token` header. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
            token: string;
        };
        HttpReceiptConfigInput: {
            /** @description Where the receipt keeps the gateway's error code, if it sends one */
            errorPointer?: string | string[];
            /** @description Where the receipt keeps the gateway's id of the message (the one messageIdPointer found) */
            messageIdPointer: string | string[];
            /** @description The gateway's statuses to otpd's (queued, sent, delivered, undelivered, failed), e.g. {"DELIVRD": "delivered"}; matched exactly, then ignoring case. Others are ignored */
            statusMap: {
                [key: string]: "queued" | "sent" | "failed" | "delivered" | "undelivered";
            };
            /** @description Where the receipt keeps the gateway's status */
            statusPointer: string | string[];
            /** @description Shared secret the gateway sends as `?token=` or the `X-Otpd-Receipt-Token` header. Stored encrypted; read back masked */
            token: string;
        };
        InboxConversation: {
            /** @description The console admin holding it (status `agent`); null when nobody in the console holds it */
            agent: {
                email: string | null;
                id: string;
            } | null;
            appId: string;
            createdAt: string;
            email: string | null;
            id: string;
            /** @description The sequence of its newest message */
            lastSequence: number;
            locale: string;
            name: string | null;
            /** @description The verified phone (E.164); null without a code gate */
            phone: string | null;
            /** @enum {string} */
            status: "bot" | "waiting" | "agent" | "closed";
            /** @description Its last message or change of status */
            updatedAt: string;
        };
        InboxMessage: {
            /** @enum {string} */
            author: "visitor" | "bot" | "agent" | "system";
            buttons: {
                title: string;
                /** @enum {string} */
                type: "postback" | "web_url";
                url?: string;
            }[];
            /** @description The message delivered a verification code: its text is not shown to agents */
            codeHidden: boolean;
            conversationId: string;
            createdAt: string;
            id: string;
            image: string | null;
            sequence: number;
            /** @description For `system`: `handover`, `taken`, `handed_back` or `closed`. Null for a message that delivered a code */
            text: string | null;
        };
        /** @description Any JSON value */
        JsonValue: string | number | boolean | null | components["schemas"]["JsonValue"][] | {
            [key: string]: components["schemas"]["JsonValue"];
        };
        /** @description Any JSON value */
        JsonValueInput: string | number | boolean | null | components["schemas"]["JsonValueInput"][] | {
            [key: string]: components["schemas"]["JsonValueInput"];
        };
        /** @description Abuse limits across verifications; a refusal answers 429 naming the limit */
        Limits: {
            /**
             * @description Codes requested (creates and resends) per end-user IP (`clientIp`, else the request address); default 10 per hour; max 0 = no limit
             * @default {
             *       "max": 10,
             *       "windowSeconds": 3600
             *     }
             */
            createPerClientIp: {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
            /**
             * @description Wrong codes per destination from anywhere; default 50 per day
             * @default {
             *       "max": 50,
             *       "windowSeconds": 86400
             *     }
             */
            failedChecksPerDestination: {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
            /**
             * @description Wrong codes per destination from one end-user IP (`clientIp`, else the request address); default 10 per hour
             * @default {
             *       "max": 10,
             *       "windowSeconds": 3600
             *     }
             */
            failedChecksPerDestinationAndIp: {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
            /**
             * @description The app's budget of codes sent per channel; default 100000 per day; max 0 = no limit
             * @default {
             *       "max": 100000,
             *       "windowSeconds": 86400
             *     }
             */
            sendsPerAppPerChannel: {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
            /**
             * @description The app's budget of codes sent per country of the phone number; default 20000 per day; max 0 = no limit
             * @default {
             *       "max": 20000,
             *       "windowSeconds": 86400
             *     }
             */
            sendsPerAppPerCountry: {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
            /**
             * @description Codes sent to one destination across verifications (creates and resends); default 5 per 10 minutes and 20 per day
             * @default [
             *       {
             *         "max": 5,
             *         "windowSeconds": 600
             *       },
             *       {
             *         "max": 20,
             *         "windowSeconds": 86400
             *       }
             *     ]
             */
            sendsPerDestination: {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
        };
        /** @description Abuse limits across verifications; a refusal answers 429 naming the limit */
        LimitsInput: {
            /**
             * @description Codes requested (creates and resends) per end-user IP (`clientIp`, else the request address); default 10 per hour; max 0 = no limit
             * @default {
             *       "max": 10,
             *       "windowSeconds": 3600
             *     }
             */
            createPerClientIp?: {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
            /**
             * @description Wrong codes per destination from anywhere; default 50 per day
             * @default {
             *       "max": 50,
             *       "windowSeconds": 86400
             *     }
             */
            failedChecksPerDestination?: {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
            /**
             * @description Wrong codes per destination from one end-user IP (`clientIp`, else the request address); default 10 per hour
             * @default {
             *       "max": 10,
             *       "windowSeconds": 3600
             *     }
             */
            failedChecksPerDestinationAndIp?: {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
            /**
             * @description The app's budget of codes sent per channel; default 100000 per day; max 0 = no limit
             * @default {
             *       "max": 100000,
             *       "windowSeconds": 86400
             *     }
             */
            sendsPerAppPerChannel?: {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
            /**
             * @description The app's budget of codes sent per country of the phone number; default 20000 per day; max 0 = no limit
             * @default {
             *       "max": 20000,
             *       "windowSeconds": 86400
             *     }
             */
            sendsPerAppPerCountry?: {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units allowed per window; 0 = no limit */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
            /**
             * @description Codes sent to one destination across verifications (creates and resends); default 5 per 10 minutes and 20 per day
             * @default [
             *       {
             *         "max": 5,
             *         "windowSeconds": 600
             *       },
             *       {
             *         "max": 20,
             *         "windowSeconds": 86400
             *       }
             *     ]
             */
            sendsPerDestination?: {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            } | {
                /** @description Units per window */
                max: number;
                /** @description Window length (s) */
                windowSeconds: number;
            }[];
        };
        Message: {
            /** @enum {string} */
            channel: "sms" | "whatsapp" | "email" | "messenger" | "voice";
            /** @description ISO 3166 country of a phone destination */
            country: string | null;
            /** Format: date-time */
            createdAt: string;
            deviceId: string | null;
            errorCode: string | null;
            id: string;
            /** @description How long the provider call took */
            latencyMs: number;
            messageId: string | null;
            /** @description The provider's charge, when its receipts report one (Twilio's `Price`) */
            price: {
                /** @description What the provider charged */
                amount: number;
                /** @description ISO 4217, e.g. `USD` */
                currency: string;
            } | null;
            /** @description The provider's name in the app's settings */
            provider: string;
            providerMessageId: string | null;
            /**
             * @description The newest status of `timeline`
             * @enum {string}
             */
            status: "queued" | "sent" | "failed" | "delivered" | "undelivered";
            timeline: {
                /** Format: date-time */
                at: string;
                /** @description The provider's error code */
                error?: string;
                /** @enum {string} */
                status: "queued" | "sent" | "failed" | "delivered" | "undelivered";
            }[];
            /** @description The destination as stored (E.164 or email), unmasked */
            to: string;
            txCode: string | null;
            verificationId: string;
        };
        /** @description Message templates per channel and locale. Looked up by the verification locale, its prefixes (`pt` for `pt-BR`), the app `defaultLocale` and its prefixes, then `en`; at each tag the app's template wins over otpd's built-in text (en, tr, sw, hi, ar, fr, es, de, pt) */
        MessageTemplates: {
            /** @description Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}} */
            email?: {
                [key: string]: string;
            };
            /** @description Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}} */
            messenger?: {
                [key: string]: string;
            };
            /** @description Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}} */
            sms?: {
                [key: string]: string;
            };
            /** @description Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}} */
            voice?: {
                [key: string]: string;
            };
            /** @description Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}} */
            whatsapp?: {
                [key: string]: string;
            };
        };
        /** @description Message templates per channel and locale. Looked up by the verification locale, its prefixes (`pt` for `pt-BR`), the app `defaultLocale` and its prefixes, then `en`; at each tag the app's template wins over otpd's built-in text (en, tr, sw, hi, ar, fr, es, de, pt) */
        MessageTemplatesInput: {
            /** @description Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}} */
            email?: {
                [key: string]: string;
            };
            /** @description Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}} */
            messenger?: {
                [key: string]: string;
            };
            /** @description Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}} */
            sms?: {
                [key: string]: string;
            };
            /** @description Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}} */
            voice?: {
                [key: string]: string;
            };
            /** @description Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}} */
            whatsapp?: {
                [key: string]: string;
            };
        };
        MessengerBot: {
            /** @description Signing secret (Standard Webhooks). Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
            secret: string;
            /**
             * Format: uri
             * @description Where visitor messages are POSTed as signed events
             */
            url: string;
        };
        MessengerBotInput: {
            /** @description Signing secret (Standard Webhooks). Stored encrypted; read back masked */
            secret: string;
            /**
             * Format: uri
             * @description Where visitor messages are POSTed as signed events
             */
            url: string;
        };
        MessengerMessage: {
            /** @enum {string} */
            author: "visitor" | "bot" | "agent" | "system";
            buttons: ({
                /** @description Signed when hidden; the chat page is never given a hidden payload */
                payload?: string;
                payloadHidden?: boolean;
                payloadSeenByUser?: string | null;
                title: string;
                /** @constant */
                type: "postback";
            } | {
                title: string;
                /** @constant */
                type: "web_url";
                url: string;
            })[];
            /** @description The code the message delivered, which the page offers to confirm */
            code: string | null;
            conversationId: string;
            createdAt: string;
            id: string;
            image: string | null;
            sequence: number;
            text: string | null;
        };
        /** @description The web messenger: a chat on your site, opened after the phone is verified */
        MessengerSettings: {
            /**
             * @description Origins whose pages may embed the messenger (CSP frame-ancestors)
             * @default []
             */
            allowedOrigins: string[];
            /**
             * @description Ask for the visitor's email before the phone
             * @default false
             */
            askEmail: boolean;
            /**
             * @description Ask for the visitor's name before the phone
             * @default false
             */
            askName: boolean;
            /**
             * @description `otp`: the chat opens after an SMS code; `none`: it opens at once
             * @default otp
             * @enum {string}
             */
            authentication: "none" | "otp";
            /**
             * @description The bot that receives visitor messages; none: they wait for an agent
             * @default null
             */
            bot: components["schemas"]["MessengerBot"] | null;
            /**
             * @description Serve the messenger; while false its page and API answer 404
             * @default false
             */
            enabled: boolean;
            limits: {
                /** @description Codes (first sends and resends) one visitor address may request through the messenger; default 2 per hour */
                requestsPerIp: {
                    /**
                     * @description Code requests
                     * @default 2
                     */
                    max: number;
                    /**
                     * @description Window length (s)
                     * @default 3600
                     */
                    windowSeconds: number;
                };
            };
            /**
             * @description The phone step's preselected country; default the app's `preferredCountry`
             * @default null
             */
            preferredCountry: string | null;
            /**
             * @description Texts by locale over otpd's built-in ones (nameHeader, nameDescription, emailHeader, emailDescription, phoneHeader, phoneDescription, smsHeader, smsDescription, welcome); picked by the visitor's language, its prefix, then `en`
             * @default {}
             */
            texts: {
                [key: string]: {
                    emailDescription?: string;
                    emailHeader?: string;
                    nameDescription?: string;
                    nameHeader?: string;
                    phoneDescription?: string;
                    phoneHeader?: string;
                    smsDescription?: string;
                    smsHeader?: string;
                    welcome?: string;
                };
            };
        };
        /** @description The web messenger: a chat on your site, opened after the phone is verified */
        MessengerSettingsInput: {
            /**
             * @description Origins whose pages may embed the messenger (CSP frame-ancestors)
             * @default []
             */
            allowedOrigins?: string[];
            /**
             * @description Ask for the visitor's email before the phone
             * @default false
             */
            askEmail?: boolean;
            /**
             * @description Ask for the visitor's name before the phone
             * @default false
             */
            askName?: boolean;
            /**
             * @description `otp`: the chat opens after an SMS code; `none`: it opens at once
             * @default otp
             * @enum {string}
             */
            authentication?: "none" | "otp";
            /**
             * @description The bot that receives visitor messages; none: they wait for an agent
             * @default null
             */
            bot?: components["schemas"]["MessengerBotInput"] | null;
            /**
             * @description Serve the messenger; while false its page and API answer 404
             * @default false
             */
            enabled?: boolean;
            /** @default {} */
            limits?: {
                /**
                 * @description Codes (first sends and resends) one visitor address may request through the messenger; default 2 per hour
                 * @default {}
                 */
                requestsPerIp?: {
                    /**
                     * @description Code requests
                     * @default 2
                     */
                    max?: number;
                    /**
                     * @description Window length (s)
                     * @default 3600
                     */
                    windowSeconds?: number;
                };
            };
            /**
             * @description The phone step's preselected country; default the app's `preferredCountry`
             * @default null
             */
            preferredCountry?: string | null;
            /**
             * @description Texts by locale over otpd's built-in ones (nameHeader, nameDescription, emailHeader, emailDescription, phoneHeader, phoneDescription, smsHeader, smsDescription, welcome); picked by the visitor's language, its prefix, then `en`
             * @default {}
             */
            texts?: {
                [key: string]: {
                    emailDescription?: string;
                    emailHeader?: string;
                    nameDescription?: string;
                    nameHeader?: string;
                    phoneDescription?: string;
                    phoneHeader?: string;
                    smsDescription?: string;
                    smsHeader?: string;
                    welcome?: string;
                };
            };
        };
        /** @description Kinds of phone number that may receive codes, on every phone channel (email is exempt). Mobile, fixed-line, personal, pager, UAN and voicemail numbers are always allowed. A refused number answers 403 number_type_not_allowed */
        NumberTypes: {
            /**
             * @description Premium-rate numbers; default refused
             * @default false
             */
            premiumRate: boolean;
            /**
             * @description Shared-cost numbers; default refused
             * @default false
             */
            sharedCost: boolean;
            /**
             * @description Toll-free numbers; default allowed
             * @default true
             */
            tollFree: boolean;
            /**
             * @description Numbers whose type libphonenumber cannot tell; default allowed
             * @default true
             */
            unknown: boolean;
            /**
             * @description VoIP numbers; default allowed
             * @default true
             */
            voip: boolean;
        };
        /** @description Kinds of phone number that may receive codes, on every phone channel (email is exempt). Mobile, fixed-line, personal, pager, UAN and voicemail numbers are always allowed. A refused number answers 403 number_type_not_allowed */
        NumberTypesInput: {
            /**
             * @description Premium-rate numbers; default refused
             * @default false
             */
            premiumRate?: boolean;
            /**
             * @description Shared-cost numbers; default refused
             * @default false
             */
            sharedCost?: boolean;
            /**
             * @description Toll-free numbers; default allowed
             * @default true
             */
            tollFree?: boolean;
            /**
             * @description Numbers whose type libphonenumber cannot tell; default allowed
             * @default true
             */
            unknown?: boolean;
            /**
             * @description VoIP numbers; default allowed
             * @default true
             */
            voip?: boolean;
        };
        Problem: {
            /** @description With `blocked_by_fraud_guard`: the decision, at `/v1/fraud/blocks` */
            blockId?: string;
            /** @description With `validator_unavailable`: why no verdict came (`timeout`, `http_503`, `unreadable_answer`, `no_reference`, …) */
            cause?: string;
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                field: string;
                message: string;
                /** @description The field as a JSON Pointer into the body (console settings) */
                pointer?: string;
            }[];
            limit?: string;
            status: number;
            title: string;
            type: string;
            /**
             * @description With `verification_not_pending`: the status the verification is in
             * @enum {string}
             */
            verificationStatus?: "pending" | "approved" | "expired" | "canceled" | "max_attempts_reached" | "failed";
        } & {
            [key: string]: unknown;
        };
        Readiness: {
            checks: {
                /** @enum {string} */
                database: "ok" | "unreachable" | "timeout";
                /**
                 * @description With OTPD_REDIS_URL
                 * @enum {string}
                 */
                redis?: "ok" | "unreachable" | "timeout";
            };
            /** @enum {string} */
            status: "ready" | "not_ready";
        };
        ReceiptAccepted: {
            /**
             * @description `applied`: the status moved; `unchanged`: recorded, status kept (duplicate or late); `unknown_message`: no such message of the app; `ignored`: a status otpd does not track
             * @enum {string}
             */
            outcome: "applied" | "unchanged" | "unknown_message" | "ignored";
        };
        TestNumber: {
            /** @description The fixed code every verification of this number expects */
            code: string;
            /** @description The test number in E.164 */
            to: string;
        };
        TestNumberInput: {
            /** @description The fixed code every verification of this number expects */
            code: string;
            /** @description The test number in E.164 */
            to: string;
        };
        TestSendAttempt: {
            detail?: string;
            /** @description The provider's stable error code, when it failed */
            error?: string;
            latencyMs: number;
            /** @description Whether it took the message */
            ok: boolean;
            /** @description The provider's name */
            provider: string;
            /** @description The gateway's answer; null when there was none (timeout, sandbox, SMTP) */
            response: {
                /** @description Truncated to 2000 characters; the app's secrets masked */
                body: string;
                status: number;
            } | null;
        };
        TotpEnrolment: {
            /** @description The URI as a QR code, an SVG document */
            qrSvg: string;
            /** @description Single-use codes for when the authenticator is lost; shown only now */
            recoveryCodes: string[];
            /** @description The secret in base32, for typing in by hand. Read back masked: `••••` and, for a long one, its last 4 characters */
            secret: string;
            /** @description The otpauth:// URI for an authenticator app */
            uri: string;
        };
        /** @description An error in Twilio's shape */
        TwilioError: {
            /** @description Twilio's error number, e.g. 60200 (invalid parameter) */
            code: number;
            message: string;
            more_info: string;
            status: number;
        };
        Verification: {
            appId: string;
            approvedAt: string | null;
            attempts: number;
            attemptsRemaining: number;
            /**
             * @description Delivery channel; default `sms`. `voice` reads the code out in a phone call
             * @enum {string}
             */
            channel: "sms" | "whatsapp" | "email" | "messenger" | "voice";
            /** Format: date-time */
            createdAt: string;
            delivery: {
                provider: string | null;
                /** @enum {string} */
                status: "queued" | "sent" | "delivered" | "undelivered" | "failed" | "canceled";
                /** Format: date-time */
                updatedAt: string;
            };
            deviceId: string | null;
            /** Format: date-time */
            expiresAt: string;
            id: string;
            locale: string | null;
            maxAttempts: number;
            maxSends: number;
            messageId: string | null;
            metadata: {
                [key: string]: unknown;
            } | null;
            /** @description Why the verification left `pending` */
            reason: string | null;
            /** @description Null when no further send is possible */
            resendAvailableAt: string | null;
            sends: number;
            /** @enum {string} */
            status: "pending" | "approved" | "expired" | "canceled" | "max_attempts_reached" | "failed";
            /** @description True for one of the app's test numbers: fixed code, never sent, never counted by a limit */
            test: boolean;
            to: string;
            txCode: string | null;
        };
        /** @description Defaults for new verifications; a request may still set codeLength and ttlSeconds */
        VerificationSettings: {
            /**
             * @description Digits in a code when the request names no `codeLength`
             * @default 6
             */
            codeLength: number;
            /**
             * @description Checks allowed per verification; a resend does not reset them
             * @default 5
             */
            maxAttempts: number;
            /**
             * @description Codes sent per verification, the first one included
             * @default 5
             */
            maxSends: number;
            /**
             * @description Seconds after a send before the next resend is accepted
             * @default 30
             */
            resendCooldownSeconds: number;
            /**
             * @description Seconds a code stays valid when the request names no `ttlSeconds`
             * @default 600
             */
            ttlSeconds: number;
        };
        /** @description Defaults for new verifications; a request may still set codeLength and ttlSeconds */
        VerificationSettingsInput: {
            /**
             * @description Digits in a code when the request names no `codeLength`
             * @default 6
             */
            codeLength?: number;
            /**
             * @description Checks allowed per verification; a resend does not reset them
             * @default 5
             */
            maxAttempts?: number;
            /**
             * @description Codes sent per verification, the first one included
             * @default 5
             */
            maxSends?: number;
            /**
             * @description Seconds after a send before the next resend is accepted
             * @default 30
             */
            resendCooldownSeconds?: number;
            /**
             * @description Seconds a code stays valid when the request names no `ttlSeconds`
             * @default 600
             */
            ttlSeconds?: number;
        };
        Webhook: {
            /** @description The events sent to this URL */
            events: ("verification.created" | "verification.approved" | "verification.expired" | "verification.canceled" | "verification.max_attempts_reached" | "verification.failed" | "message.sent" | "message.delivered" | "message.failed")[];
            /** @description Signing secret (Standard Webhooks). Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
            secret: string;
            /**
             * Format: uri
             * @description Where events are POSTed
             */
            url: string;
        };
        WebhookAttempt: {
            /** @description When the try ended */
            at: string;
            /** @description 1 for the first try; a retry by hand adds one */
            attempt: number;
            /** @description Null when delivered; else why not, as `lastError` */
            error: string | null;
            /** @enum {string} */
            outcome: "delivered" | "retrying" | "failed";
            /** @description The endpoint's HTTP status; null for none */
            statusCode: number | null;
        };
        WebhookDelivery: {
            /** @description Attempts allowed before it is given up */
            attemptLimit: number;
            attempts: number;
            createdAt: string;
            deliveredAt: string | null;
            /** @description The `webhook-id` the endpoint receives; the same on every retry */
            eventId: string;
            /** @enum {string} */
            eventType: "verification.created" | "verification.approved" | "verification.expired" | "verification.canceled" | "verification.max_attempts_reached" | "verification.failed" | "message.sent" | "message.delivered" | "message.failed" | "diyalog.postback";
            id: string;
            /** @description `http_<status>`, `timeout`, `connection_failed`, `blocked_address`, … */
            lastError: string | null;
            /** @description The endpoint's newest HTTP status */
            lastStatusCode: number | null;
            /** @description When it is tried next; null once it ended */
            nextAttemptAt: string | null;
            /** @description The event exactly as it was signed: `{type, timestamp, data}`; null for a forwarded Diyalog button press, which is kept encrypted (it may quote a code) */
            payload: unknown;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            updatedAt: string;
            url: string;
        };
        WebhookInput: {
            /** @description The events sent to this URL */
            events: ("verification.created" | "verification.approved" | "verification.expired" | "verification.canceled" | "verification.max_attempts_reached" | "verification.failed" | "message.sent" | "message.delivered" | "message.failed")[];
            /** @description Signing secret (Standard Webhooks). Stored encrypted; read back masked */
            secret: string;
            /**
             * Format: uri
             * @description Where events are POSTed
             */
            url: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    beemApiRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The app's numeric Beem id (number or string) */
                    appId?: string | number;
                    /** @description International digits without `+`, e.g. 255712345678 */
                    msisdn?: string | number;
                } | null;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            message: {
                                code: number;
                                message: string;
                            };
                            /**
                             * Format: uuid
                             * @description A UUID naming the PIN, for the verify call
                             */
                            pinId?: string;
                        };
                    };
                };
            };
            /** @description In the compatible API's error shape. The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    beemApiVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The code the user typed (a string keeps leading zeros) */
                    pin?: string | number;
                    /** @description The `pinId` (a UUID) the request answered */
                    pinId?: string;
                } | null;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    beemRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The app's numeric Beem id (number or string) */
                    appId?: string | number;
                    /** @description International digits without `+`, e.g. 255712345678 */
                    msisdn?: string | number;
                } | null;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            message: {
                                code: number;
                                message: string;
                            };
                            /**
                             * Format: uuid
                             * @description A UUID naming the PIN, for the verify call
                             */
                            pinId?: string;
                        };
                    };
                };
            };
            /** @description In the compatible API's error shape. The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    beemVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The code the user typed (a string keeps leading zeros) */
                    pin?: string | number;
                    /** @description The `pinId` (a UUID) the request answered */
                    pinId?: string;
                } | null;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description In the compatible API's error shape. The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeemResult"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleAnalytics: {
        parameters: {
            query?: {
                /** @description One of the admin's apps; default all */
                appId?: string;
                /** @description Start of the range (inclusive); default 24 hours before `to` */
                from?: string;
                /** @description Split each bucket by app, channel, provider (the one that delivered) or country (of a phone destination) */
                groupBy?: "app" | "channel" | "provider" | "country";
                /** @description Bucket width, UTC; the range may span 31 days by the hour, 366 by the day */
                interval?: "hour" | "day";
                /** @description End of the range (exclusive); default now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Analytics"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConsoleApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleAppList"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createConsoleApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The display name, used in messages as `{{app}}`; 1-100 characters */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleApp"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    renameConsoleApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app, e.g. `app_01…` */
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The display name, used in messages as `{{app}}`; 1-100 characters */
                    name: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleApp"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConsoleApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app, e.g. `app_01…` */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleApiKeyList"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createConsoleApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app, e.g. `app_01…` */
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the key may do: at least one scope, each once */
                    scopes: ("verifications" | "messages:read" | "settings:read" | "settings:write" | "conversations" | "analytics:read")[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleIssuedApiKey"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeConsoleApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app, e.g. `app_01…` */
                appId: string;
                /** @description The key, e.g. `key_01…` */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleApiKey"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app, e.g. `app_01…` */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description App settings; every field is optional on PUT and takes its default */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The Android app's SMS Retriever hash, e.g. `FA+9qCX9VSu`: added to every SMS on a line of its own so the app reads the code by itself. SMS only
                         * @default null
                         */
                        androidAppHash: string | null;
                        /** @description Delivery per channel */
                        channels: {
                            email: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for email, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            messenger: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for messenger, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            sms: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for sms, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            voice: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for voice, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            whatsapp: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for whatsapp, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                        };
                        /**
                         * @description Locale of a verification whose request names none; picks its template
                         * @default en
                         */
                        defaultLocale: string;
                        /** @description Vendor dialects */
                        dialects: {
                            /** @description Convertalk chatbot endpoints under /convertalk */
                            convertalk: {
                                /**
                                 * @description What send-otp-sms answers as `systemOtp`, the value the flow's verify step compares: `reference`, an opaque sealed reference that verify-user-otp checks (default); `code`, the code itself, for flows that compare it locally — the code then sits in the flow's attributes, and attempts are no longer counted
                                 * @default reference
                                 * @enum {string}
                                 */
                                systemOtp: "reference" | "code";
                                /**
                                 * Format: uri
                                 * @description Twilio API origin the Convertalk send-otp-sms endpoint posts to; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                twilioBaseUrl: string;
                            };
                            /** @description Diyalog sendmok and postback under /diyalog */
                            diyalog: {
                                /**
                                 * @description Signs hidden button payloads (HMAC-SHA256) and the button presses forwarded to webhookUrl (X-Signature, HMAC-SHA1). Stored encrypted, shown masked
                                 * @default null
                                 */
                                secret: string | null;
                                /**
                                 * @description Where button presses are forwarded in Diyalog's envelope; none: not forwarded. Goes through the outbound guard
                                 * @default null
                                 */
                                webhookUrl: string | null;
                            };
                            /** @description Twilio Verify v2 under /twilio */
                            twilio: {
                                /**
                                 * @description Accept Twilio's CustomCode: the app's own code is sent and checked (stored hashed like any code). Default false: a CustomCode is refused with 60204, as on a Twilio service without custom codes enabled
                                 * @default false
                                 */
                                allowCustomCode: boolean;
                            };
                        };
                        fraudGuard: components["schemas"]["FraudGuardSettings"];
                        geo: components["schemas"]["GeoPermissions"];
                        limits: components["schemas"]["Limits"];
                        messenger: components["schemas"]["MessengerSettings"];
                        numberTypes: components["schemas"]["NumberTypes"];
                        /**
                         * @description Country assumed for a national phone number sent without `country`, e.g. `TR`
                         * @default null
                         */
                        preferredCountry: string | null;
                        /**
                         * @description E.164 numbers (`+905551234567`) or prefixes (`+90555`) that bypass geo permissions, number types and the SMS-pumping guard; attempt and rate limits still apply
                         * @default []
                         */
                        safelist: string[];
                        templates: components["schemas"]["MessageTemplates"];
                        /**
                         * @description Numbers with a fixed code: never sent (no provider, no sandbox), never counted by a limit, exempt from geo permissions; their verifications read `test: true`
                         * @default []
                         */
                        testNumbers: components["schemas"]["TestNumber"][];
                        /**
                         * @description Who checks codes a sender made itself (`generatesCode`, twilio-verify): `builtin` (default; otpd checks its own codes), `http` or `twilio-verify`. otpd's own codes are always checked by otpd
                         * @default {
                         *       "type": "builtin"
                         *     }
                         */
                        validator: {
                            /**
                             * @description otpd checks its own hashed codes
                             * @enum {string}
                             */
                            type: "builtin";
                        } | {
                            request: {
                                body?: components["schemas"]["JsonValue"];
                                /**
                                 * @description "query" adds the body fields to the URL, for GET services
                                 * @default json
                                 * @enum {string}
                                 */
                                encoding: "json" | "form" | "query";
                                /**
                                 * @description Header values take placeholders
                                 * @default {}
                                 */
                                headers: {
                                    [key: string]: string;
                                };
                                /**
                                 * @default POST
                                 * @enum {string}
                                 */
                                method: "GET" | "POST" | "PUT" | "PATCH";
                                /** @description http(s) URL; placeholders in it are URL-encoded */
                                url: string;
                            };
                            success: {
                                /** @default null */
                                bodyContains: string | null;
                                /** @default null */
                                bodyNotContains: string | null;
                                equals?: components["schemas"]["JsonValue"];
                                /**
                                 * @description With equals: the answer must be JSON whose value here equals equals
                                 * @default null
                                 */
                                jsonPointer: string | null;
                                /**
                                 * @description Statuses that may mean success
                                 * @default [
                                 *       200,
                                 *       201,
                                 *       202
                                 *     ]
                                 */
                                status: number[];
                            };
                            /**
                             * @description Time limit of one attempt: resolving, connecting and the whole answer
                             * @default 5000
                             */
                            timeoutMs: number;
                            /**
                             * @description Validator plug-in
                             * @enum {string}
                             */
                            type: "http";
                            /**
                             * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                             * @default {}
                             */
                            vars: {
                                [key: string]: string;
                            };
                            /**
                             * @description Statuses that mean the code is wrong (or its verification unknown to the service). 5xx, 408 and 429 never do: they are no verdict
                             * @default [
                             *       400,
                             *       404,
                             *       422
                             *     ]
                             */
                            wrongCodeStatus: number[];
                        } | {
                            /** @description Account SID (AC…), also the Basic auth user */
                            accountSid: string;
                            /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                            authToken: string;
                            /**
                             * Format: uri
                             * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                             * @default https://verify.twilio.com
                             */
                            baseUrl: string;
                            /** @description The Verify service (VA…) that makes, sends and checks the codes */
                            serviceSid: string;
                            /**
                             * @description Time limit of one attempt: resolving, connecting and the whole answer
                             * @default 5000
                             */
                            timeoutMs: number;
                            /**
                             * @description Validator plug-in
                             * @enum {string}
                             */
                            type: "twilio-verify";
                        };
                        verification: components["schemas"]["VerificationSettings"];
                        /**
                         * @description Event subscriptions: signed (Standard Webhooks) POSTs of lifecycle events
                         * @default []
                         */
                        webhooks: components["schemas"]["Webhook"][];
                        /**
                         * @description Host the code is bound to (WebOTP, origin-bound one-time codes), e.g. `shop.example`: every SMS ends with the line `@shop.example #CODE`, so browsers on that site fill it in. SMS only
                         * @default null
                         */
                        webOtpHost: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceConsoleSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app, e.g. `app_01…` */
                appId: string;
            };
            cookie?: never;
        };
        /** @description App settings; every field is optional on PUT and takes its default */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The Android app's SMS Retriever hash, e.g. `FA+9qCX9VSu`: added to every SMS on a line of its own so the app reads the code by itself. SMS only
                     * @default null
                     */
                    androidAppHash?: string | null;
                    /**
                     * @description Delivery per channel
                     * @default {}
                     */
                    channels?: {
                        /** @default {} */
                        email?: {
                            /**
                             * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                             * @default false
                             */
                            failoverOnUndelivered?: boolean;
                            /**
                             * @description Providers for email, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                             * @default [
                             *       {
                             *         "type": "console"
                             *       }
                             *     ]
                             */
                            providers?: ({
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "console";
                            } | {
                                /**
                                 * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                 * @default false
                                 */
                                generatesCode?: boolean;
                                /**
                                 * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                 * @default null
                                 */
                                messageIdPointer?: string | null;
                                /** @description Names this gateway in the message log and in receipts */
                                name: string;
                                receipt?: components["schemas"]["HttpReceiptConfigInput"];
                                /**
                                 * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                 * @default null
                                 */
                                referencePointer?: string | null;
                                request: {
                                    body?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description "query" adds the body fields to the URL, for GET services
                                     * @default json
                                     * @enum {string}
                                     */
                                    encoding?: "json" | "form" | "query";
                                    /**
                                     * @description Header values take placeholders
                                     * @default {}
                                     */
                                    headers?: {
                                        [key: string]: string;
                                    };
                                    /**
                                     * @default POST
                                     * @enum {string}
                                     */
                                    method?: "GET" | "POST" | "PUT" | "PATCH";
                                    /** @description http(s) URL; placeholders in it are URL-encoded */
                                    url: string;
                                };
                                /** @default {} */
                                success?: {
                                    /** @default null */
                                    bodyContains?: string | null;
                                    /** @default null */
                                    bodyNotContains?: string | null;
                                    equals?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description With equals: the answer must be JSON whose value here equals equals
                                     * @default null
                                     */
                                    jsonPointer?: string | null;
                                    /**
                                     * @description Statuses that may mean success
                                     * @default [
                                     *       200,
                                     *       201,
                                     *       202
                                     *     ]
                                     */
                                    status?: number[];
                                };
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "http";
                                /**
                                 * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                 * @default {}
                                 */
                                vars?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                auth?: {
                                    /** @description Secret: stored encrypted, read back masked */
                                    pass: string;
                                    user: string;
                                };
                                /** @description The From header and envelope sender */
                                from: string;
                                /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                host: string;
                                /**
                                 * @description Also send an HTML part: the text escaped, the code emphasised
                                 * @default false
                                 */
                                html?: boolean;
                                /** @description Names this mail server in the message log */
                                name: string;
                                /** @description Default 465 with secure, else 587 (submission) */
                                port?: number;
                                /**
                                 * @description Implicit TLS from the first byte (usually port 465)
                                 * @default false
                                 */
                                secure?: boolean;
                                /**
                                 * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                 * @default required
                                 * @enum {string}
                                 */
                                starttls?: "required" | "opportunistic" | "off";
                                /**
                                 * @description Subject line; {{app}} is the app name. The code is not in it by default
                                 * @default Your {{app}} verification code
                                 */
                                subject?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                 * @default 15000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "smtp";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                from?: string;
                                /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                messagingServiceSid?: string;
                                /** @description Names this provider in the message log and in receipts */
                                name: string;
                                /**
                                 * Format: uri
                                 * @description URL Twilio posts delivery status changes (and a call's status) to
                                 */
                                statusCallback?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                 * @default https://verify.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Names this provider in the message log */
                                name: string;
                                /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                serviceSid: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio-verify";
                            } | {
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "webMessenger";
                            })[];
                        };
                        /** @default {} */
                        messenger?: {
                            /**
                             * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                             * @default false
                             */
                            failoverOnUndelivered?: boolean;
                            /**
                             * @description Providers for messenger, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                             * @default [
                             *       {
                             *         "type": "console"
                             *       }
                             *     ]
                             */
                            providers?: ({
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "console";
                            } | {
                                /**
                                 * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                 * @default false
                                 */
                                generatesCode?: boolean;
                                /**
                                 * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                 * @default null
                                 */
                                messageIdPointer?: string | null;
                                /** @description Names this gateway in the message log and in receipts */
                                name: string;
                                receipt?: components["schemas"]["HttpReceiptConfigInput"];
                                /**
                                 * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                 * @default null
                                 */
                                referencePointer?: string | null;
                                request: {
                                    body?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description "query" adds the body fields to the URL, for GET services
                                     * @default json
                                     * @enum {string}
                                     */
                                    encoding?: "json" | "form" | "query";
                                    /**
                                     * @description Header values take placeholders
                                     * @default {}
                                     */
                                    headers?: {
                                        [key: string]: string;
                                    };
                                    /**
                                     * @default POST
                                     * @enum {string}
                                     */
                                    method?: "GET" | "POST" | "PUT" | "PATCH";
                                    /** @description http(s) URL; placeholders in it are URL-encoded */
                                    url: string;
                                };
                                /** @default {} */
                                success?: {
                                    /** @default null */
                                    bodyContains?: string | null;
                                    /** @default null */
                                    bodyNotContains?: string | null;
                                    equals?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description With equals: the answer must be JSON whose value here equals equals
                                     * @default null
                                     */
                                    jsonPointer?: string | null;
                                    /**
                                     * @description Statuses that may mean success
                                     * @default [
                                     *       200,
                                     *       201,
                                     *       202
                                     *     ]
                                     */
                                    status?: number[];
                                };
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "http";
                                /**
                                 * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                 * @default {}
                                 */
                                vars?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                auth?: {
                                    /** @description Secret: stored encrypted, read back masked */
                                    pass: string;
                                    user: string;
                                };
                                /** @description The From header and envelope sender */
                                from: string;
                                /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                host: string;
                                /**
                                 * @description Also send an HTML part: the text escaped, the code emphasised
                                 * @default false
                                 */
                                html?: boolean;
                                /** @description Names this mail server in the message log */
                                name: string;
                                /** @description Default 465 with secure, else 587 (submission) */
                                port?: number;
                                /**
                                 * @description Implicit TLS from the first byte (usually port 465)
                                 * @default false
                                 */
                                secure?: boolean;
                                /**
                                 * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                 * @default required
                                 * @enum {string}
                                 */
                                starttls?: "required" | "opportunistic" | "off";
                                /**
                                 * @description Subject line; {{app}} is the app name. The code is not in it by default
                                 * @default Your {{app}} verification code
                                 */
                                subject?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                 * @default 15000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "smtp";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                from?: string;
                                /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                messagingServiceSid?: string;
                                /** @description Names this provider in the message log and in receipts */
                                name: string;
                                /**
                                 * Format: uri
                                 * @description URL Twilio posts delivery status changes (and a call's status) to
                                 */
                                statusCallback?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                 * @default https://verify.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Names this provider in the message log */
                                name: string;
                                /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                serviceSid: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio-verify";
                            } | {
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "webMessenger";
                            })[];
                        };
                        /** @default {} */
                        sms?: {
                            /**
                             * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                             * @default false
                             */
                            failoverOnUndelivered?: boolean;
                            /**
                             * @description Providers for sms, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                             * @default [
                             *       {
                             *         "type": "console"
                             *       }
                             *     ]
                             */
                            providers?: ({
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "console";
                            } | {
                                /**
                                 * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                 * @default false
                                 */
                                generatesCode?: boolean;
                                /**
                                 * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                 * @default null
                                 */
                                messageIdPointer?: string | null;
                                /** @description Names this gateway in the message log and in receipts */
                                name: string;
                                receipt?: components["schemas"]["HttpReceiptConfigInput"];
                                /**
                                 * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                 * @default null
                                 */
                                referencePointer?: string | null;
                                request: {
                                    body?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description "query" adds the body fields to the URL, for GET services
                                     * @default json
                                     * @enum {string}
                                     */
                                    encoding?: "json" | "form" | "query";
                                    /**
                                     * @description Header values take placeholders
                                     * @default {}
                                     */
                                    headers?: {
                                        [key: string]: string;
                                    };
                                    /**
                                     * @default POST
                                     * @enum {string}
                                     */
                                    method?: "GET" | "POST" | "PUT" | "PATCH";
                                    /** @description http(s) URL; placeholders in it are URL-encoded */
                                    url: string;
                                };
                                /** @default {} */
                                success?: {
                                    /** @default null */
                                    bodyContains?: string | null;
                                    /** @default null */
                                    bodyNotContains?: string | null;
                                    equals?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description With equals: the answer must be JSON whose value here equals equals
                                     * @default null
                                     */
                                    jsonPointer?: string | null;
                                    /**
                                     * @description Statuses that may mean success
                                     * @default [
                                     *       200,
                                     *       201,
                                     *       202
                                     *     ]
                                     */
                                    status?: number[];
                                };
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "http";
                                /**
                                 * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                 * @default {}
                                 */
                                vars?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                auth?: {
                                    /** @description Secret: stored encrypted, read back masked */
                                    pass: string;
                                    user: string;
                                };
                                /** @description The From header and envelope sender */
                                from: string;
                                /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                host: string;
                                /**
                                 * @description Also send an HTML part: the text escaped, the code emphasised
                                 * @default false
                                 */
                                html?: boolean;
                                /** @description Names this mail server in the message log */
                                name: string;
                                /** @description Default 465 with secure, else 587 (submission) */
                                port?: number;
                                /**
                                 * @description Implicit TLS from the first byte (usually port 465)
                                 * @default false
                                 */
                                secure?: boolean;
                                /**
                                 * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                 * @default required
                                 * @enum {string}
                                 */
                                starttls?: "required" | "opportunistic" | "off";
                                /**
                                 * @description Subject line; {{app}} is the app name. The code is not in it by default
                                 * @default Your {{app}} verification code
                                 */
                                subject?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                 * @default 15000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "smtp";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                from?: string;
                                /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                messagingServiceSid?: string;
                                /** @description Names this provider in the message log and in receipts */
                                name: string;
                                /**
                                 * Format: uri
                                 * @description URL Twilio posts delivery status changes (and a call's status) to
                                 */
                                statusCallback?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                 * @default https://verify.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Names this provider in the message log */
                                name: string;
                                /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                serviceSid: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio-verify";
                            } | {
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "webMessenger";
                            })[];
                        };
                        /** @default {} */
                        voice?: {
                            /**
                             * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                             * @default false
                             */
                            failoverOnUndelivered?: boolean;
                            /**
                             * @description Providers for voice, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                             * @default [
                             *       {
                             *         "type": "console"
                             *       }
                             *     ]
                             */
                            providers?: ({
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "console";
                            } | {
                                /**
                                 * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                 * @default false
                                 */
                                generatesCode?: boolean;
                                /**
                                 * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                 * @default null
                                 */
                                messageIdPointer?: string | null;
                                /** @description Names this gateway in the message log and in receipts */
                                name: string;
                                receipt?: components["schemas"]["HttpReceiptConfigInput"];
                                /**
                                 * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                 * @default null
                                 */
                                referencePointer?: string | null;
                                request: {
                                    body?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description "query" adds the body fields to the URL, for GET services
                                     * @default json
                                     * @enum {string}
                                     */
                                    encoding?: "json" | "form" | "query";
                                    /**
                                     * @description Header values take placeholders
                                     * @default {}
                                     */
                                    headers?: {
                                        [key: string]: string;
                                    };
                                    /**
                                     * @default POST
                                     * @enum {string}
                                     */
                                    method?: "GET" | "POST" | "PUT" | "PATCH";
                                    /** @description http(s) URL; placeholders in it are URL-encoded */
                                    url: string;
                                };
                                /** @default {} */
                                success?: {
                                    /** @default null */
                                    bodyContains?: string | null;
                                    /** @default null */
                                    bodyNotContains?: string | null;
                                    equals?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description With equals: the answer must be JSON whose value here equals equals
                                     * @default null
                                     */
                                    jsonPointer?: string | null;
                                    /**
                                     * @description Statuses that may mean success
                                     * @default [
                                     *       200,
                                     *       201,
                                     *       202
                                     *     ]
                                     */
                                    status?: number[];
                                };
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "http";
                                /**
                                 * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                 * @default {}
                                 */
                                vars?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                auth?: {
                                    /** @description Secret: stored encrypted, read back masked */
                                    pass: string;
                                    user: string;
                                };
                                /** @description The From header and envelope sender */
                                from: string;
                                /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                host: string;
                                /**
                                 * @description Also send an HTML part: the text escaped, the code emphasised
                                 * @default false
                                 */
                                html?: boolean;
                                /** @description Names this mail server in the message log */
                                name: string;
                                /** @description Default 465 with secure, else 587 (submission) */
                                port?: number;
                                /**
                                 * @description Implicit TLS from the first byte (usually port 465)
                                 * @default false
                                 */
                                secure?: boolean;
                                /**
                                 * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                 * @default required
                                 * @enum {string}
                                 */
                                starttls?: "required" | "opportunistic" | "off";
                                /**
                                 * @description Subject line; {{app}} is the app name. The code is not in it by default
                                 * @default Your {{app}} verification code
                                 */
                                subject?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                 * @default 15000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "smtp";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                from?: string;
                                /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                messagingServiceSid?: string;
                                /** @description Names this provider in the message log and in receipts */
                                name: string;
                                /**
                                 * Format: uri
                                 * @description URL Twilio posts delivery status changes (and a call's status) to
                                 */
                                statusCallback?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                 * @default https://verify.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Names this provider in the message log */
                                name: string;
                                /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                serviceSid: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio-verify";
                            } | {
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "webMessenger";
                            })[];
                        };
                        /** @default {} */
                        whatsapp?: {
                            /**
                             * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                             * @default false
                             */
                            failoverOnUndelivered?: boolean;
                            /**
                             * @description Providers for whatsapp, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                             * @default [
                             *       {
                             *         "type": "console"
                             *       }
                             *     ]
                             */
                            providers?: ({
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "console";
                            } | {
                                /**
                                 * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                 * @default false
                                 */
                                generatesCode?: boolean;
                                /**
                                 * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                 * @default null
                                 */
                                messageIdPointer?: string | null;
                                /** @description Names this gateway in the message log and in receipts */
                                name: string;
                                receipt?: components["schemas"]["HttpReceiptConfigInput"];
                                /**
                                 * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                 * @default null
                                 */
                                referencePointer?: string | null;
                                request: {
                                    body?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description "query" adds the body fields to the URL, for GET services
                                     * @default json
                                     * @enum {string}
                                     */
                                    encoding?: "json" | "form" | "query";
                                    /**
                                     * @description Header values take placeholders
                                     * @default {}
                                     */
                                    headers?: {
                                        [key: string]: string;
                                    };
                                    /**
                                     * @default POST
                                     * @enum {string}
                                     */
                                    method?: "GET" | "POST" | "PUT" | "PATCH";
                                    /** @description http(s) URL; placeholders in it are URL-encoded */
                                    url: string;
                                };
                                /** @default {} */
                                success?: {
                                    /** @default null */
                                    bodyContains?: string | null;
                                    /** @default null */
                                    bodyNotContains?: string | null;
                                    equals?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description With equals: the answer must be JSON whose value here equals equals
                                     * @default null
                                     */
                                    jsonPointer?: string | null;
                                    /**
                                     * @description Statuses that may mean success
                                     * @default [
                                     *       200,
                                     *       201,
                                     *       202
                                     *     ]
                                     */
                                    status?: number[];
                                };
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "http";
                                /**
                                 * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                 * @default {}
                                 */
                                vars?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                auth?: {
                                    /** @description Secret: stored encrypted, read back masked */
                                    pass: string;
                                    user: string;
                                };
                                /** @description The From header and envelope sender */
                                from: string;
                                /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                host: string;
                                /**
                                 * @description Also send an HTML part: the text escaped, the code emphasised
                                 * @default false
                                 */
                                html?: boolean;
                                /** @description Names this mail server in the message log */
                                name: string;
                                /** @description Default 465 with secure, else 587 (submission) */
                                port?: number;
                                /**
                                 * @description Implicit TLS from the first byte (usually port 465)
                                 * @default false
                                 */
                                secure?: boolean;
                                /**
                                 * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                 * @default required
                                 * @enum {string}
                                 */
                                starttls?: "required" | "opportunistic" | "off";
                                /**
                                 * @description Subject line; {{app}} is the app name. The code is not in it by default
                                 * @default Your {{app}} verification code
                                 */
                                subject?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                 * @default 15000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "smtp";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                from?: string;
                                /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                messagingServiceSid?: string;
                                /** @description Names this provider in the message log and in receipts */
                                name: string;
                                /**
                                 * Format: uri
                                 * @description URL Twilio posts delivery status changes (and a call's status) to
                                 */
                                statusCallback?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                 * @default https://verify.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Names this provider in the message log */
                                name: string;
                                /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                serviceSid: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio-verify";
                            } | {
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "webMessenger";
                            })[];
                        };
                    };
                    /**
                     * @description Locale of a verification whose request names none; picks its template
                     * @default en
                     */
                    defaultLocale?: string;
                    /**
                     * @description Vendor dialects
                     * @default {}
                     */
                    dialects?: {
                        /**
                         * @description Convertalk chatbot endpoints under /convertalk
                         * @default {}
                         */
                        convertalk?: {
                            /**
                             * @description What send-otp-sms answers as `systemOtp`, the value the flow's verify step compares: `reference`, an opaque sealed reference that verify-user-otp checks (default); `code`, the code itself, for flows that compare it locally — the code then sits in the flow's attributes, and attempts are no longer counted
                             * @default reference
                             * @enum {string}
                             */
                            systemOtp?: "reference" | "code";
                            /**
                             * Format: uri
                             * @description Twilio API origin the Convertalk send-otp-sms endpoint posts to; default https://api.twilio.com. Goes through the outbound guard
                             * @default https://api.twilio.com
                             */
                            twilioBaseUrl?: string;
                        };
                        /**
                         * @description Diyalog sendmok and postback under /diyalog
                         * @default {}
                         */
                        diyalog?: {
                            /**
                             * @description Signs hidden button payloads (HMAC-SHA256) and the button presses forwarded to webhookUrl (X-Signature, HMAC-SHA1). Stored encrypted, shown masked
                             * @default null
                             */
                            secret?: string | null;
                            /**
                             * @description Where button presses are forwarded in Diyalog's envelope; none: not forwarded. Goes through the outbound guard
                             * @default null
                             */
                            webhookUrl?: string | null;
                        };
                        /**
                         * @description Twilio Verify v2 under /twilio
                         * @default {}
                         */
                        twilio?: {
                            /**
                             * @description Accept Twilio's CustomCode: the app's own code is sent and checked (stored hashed like any code). Default false: a CustomCode is refused with 60204, as on a Twilio service without custom codes enabled
                             * @default false
                             */
                            allowCustomCode?: boolean;
                        };
                    };
                    fraudGuard?: components["schemas"]["FraudGuardSettingsInput"];
                    geo?: components["schemas"]["GeoPermissionsInput"];
                    limits?: components["schemas"]["LimitsInput"];
                    messenger?: components["schemas"]["MessengerSettingsInput"];
                    numberTypes?: components["schemas"]["NumberTypesInput"];
                    /**
                     * @description Country assumed for a national phone number sent without `country`, e.g. `TR`
                     * @default null
                     */
                    preferredCountry?: string | null;
                    /**
                     * @description E.164 numbers (`+905551234567`) or prefixes (`+90555`) that bypass geo permissions, number types and the SMS-pumping guard; attempt and rate limits still apply
                     * @default []
                     */
                    safelist?: string[];
                    templates?: components["schemas"]["MessageTemplatesInput"];
                    /**
                     * @description Numbers with a fixed code: never sent (no provider, no sandbox), never counted by a limit, exempt from geo permissions; their verifications read `test: true`
                     * @default []
                     */
                    testNumbers?: components["schemas"]["TestNumberInput"][];
                    /**
                     * @description Who checks codes a sender made itself (`generatesCode`, twilio-verify): `builtin` (default; otpd checks its own codes), `http` or `twilio-verify`. otpd's own codes are always checked by otpd
                     * @default {
                     *       "type": "builtin"
                     *     }
                     */
                    validator?: {
                        /**
                         * @description otpd checks its own hashed codes
                         * @enum {string}
                         */
                        type: "builtin";
                    } | {
                        request: {
                            body?: components["schemas"]["JsonValueInput"];
                            /**
                             * @description "query" adds the body fields to the URL, for GET services
                             * @default json
                             * @enum {string}
                             */
                            encoding?: "json" | "form" | "query";
                            /**
                             * @description Header values take placeholders
                             * @default {}
                             */
                            headers?: {
                                [key: string]: string;
                            };
                            /**
                             * @default POST
                             * @enum {string}
                             */
                            method?: "GET" | "POST" | "PUT" | "PATCH";
                            /** @description http(s) URL; placeholders in it are URL-encoded */
                            url: string;
                        };
                        /** @default {} */
                        success?: {
                            /** @default null */
                            bodyContains?: string | null;
                            /** @default null */
                            bodyNotContains?: string | null;
                            equals?: components["schemas"]["JsonValueInput"];
                            /**
                             * @description With equals: the answer must be JSON whose value here equals equals
                             * @default null
                             */
                            jsonPointer?: string | null;
                            /**
                             * @description Statuses that may mean success
                             * @default [
                             *       200,
                             *       201,
                             *       202
                             *     ]
                             */
                            status?: number[];
                        };
                        /**
                         * @description Time limit of one attempt: resolving, connecting and the whole answer
                         * @default 5000
                         */
                        timeoutMs?: number;
                        /**
                         * @description Validator plug-in
                         * @enum {string}
                         */
                        type: "http";
                        /**
                         * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                         * @default {}
                         */
                        vars?: {
                            [key: string]: string;
                        };
                        /**
                         * @description Statuses that mean the code is wrong (or its verification unknown to the service). 5xx, 408 and 429 never do: they are no verdict
                         * @default [
                         *       400,
                         *       404,
                         *       422
                         *     ]
                         */
                        wrongCodeStatus?: number[];
                    } | {
                        /** @description Account SID (AC…), also the Basic auth user */
                        accountSid: string;
                        /** @description The account's auth token. Stored encrypted; read back masked */
                        authToken: string;
                        /**
                         * Format: uri
                         * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                         * @default https://verify.twilio.com
                         */
                        baseUrl?: string;
                        /** @description The Verify service (VA…) that makes, sends and checks the codes */
                        serviceSid: string;
                        /**
                         * @description Time limit of one attempt: resolving, connecting and the whole answer
                         * @default 5000
                         */
                        timeoutMs?: number;
                        /**
                         * @description Validator plug-in
                         * @enum {string}
                         */
                        type: "twilio-verify";
                    };
                    verification?: components["schemas"]["VerificationSettingsInput"];
                    /**
                     * @description Event subscriptions: signed (Standard Webhooks) POSTs of lifecycle events
                     * @default []
                     */
                    webhooks?: components["schemas"]["WebhookInput"][];
                    /**
                     * @description Host the code is bound to (WebOTP, origin-bound one-time codes), e.g. `shop.example`: every SMS ends with the line `@shop.example #CODE`, so browsers on that site fill it in. SMS only
                     * @default null
                     */
                    webOtpHost?: string | null;
                };
            };
        };
        responses: {
            /** @description App settings; every field is optional on PUT and takes its default */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The Android app's SMS Retriever hash, e.g. `FA+9qCX9VSu`: added to every SMS on a line of its own so the app reads the code by itself. SMS only
                         * @default null
                         */
                        androidAppHash: string | null;
                        /** @description Delivery per channel */
                        channels: {
                            email: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for email, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            messenger: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for messenger, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            sms: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for sms, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            voice: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for voice, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            whatsapp: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for whatsapp, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                        };
                        /**
                         * @description Locale of a verification whose request names none; picks its template
                         * @default en
                         */
                        defaultLocale: string;
                        /** @description Vendor dialects */
                        dialects: {
                            /** @description Convertalk chatbot endpoints under /convertalk */
                            convertalk: {
                                /**
                                 * @description What send-otp-sms answers as `systemOtp`, the value the flow's verify step compares: `reference`, an opaque sealed reference that verify-user-otp checks (default); `code`, the code itself, for flows that compare it locally — the code then sits in the flow's attributes, and attempts are no longer counted
                                 * @default reference
                                 * @enum {string}
                                 */
                                systemOtp: "reference" | "code";
                                /**
                                 * Format: uri
                                 * @description Twilio API origin the Convertalk send-otp-sms endpoint posts to; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                twilioBaseUrl: string;
                            };
                            /** @description Diyalog sendmok and postback under /diyalog */
                            diyalog: {
                                /**
                                 * @description Signs hidden button payloads (HMAC-SHA256) and the button presses forwarded to webhookUrl (X-Signature, HMAC-SHA1). Stored encrypted, shown masked
                                 * @default null
                                 */
                                secret: string | null;
                                /**
                                 * @description Where button presses are forwarded in Diyalog's envelope; none: not forwarded. Goes through the outbound guard
                                 * @default null
                                 */
                                webhookUrl: string | null;
                            };
                            /** @description Twilio Verify v2 under /twilio */
                            twilio: {
                                /**
                                 * @description Accept Twilio's CustomCode: the app's own code is sent and checked (stored hashed like any code). Default false: a CustomCode is refused with 60204, as on a Twilio service without custom codes enabled
                                 * @default false
                                 */
                                allowCustomCode: boolean;
                            };
                        };
                        fraudGuard: components["schemas"]["FraudGuardSettings"];
                        geo: components["schemas"]["GeoPermissions"];
                        limits: components["schemas"]["Limits"];
                        messenger: components["schemas"]["MessengerSettings"];
                        numberTypes: components["schemas"]["NumberTypes"];
                        /**
                         * @description Country assumed for a national phone number sent without `country`, e.g. `TR`
                         * @default null
                         */
                        preferredCountry: string | null;
                        /**
                         * @description E.164 numbers (`+905551234567`) or prefixes (`+90555`) that bypass geo permissions, number types and the SMS-pumping guard; attempt and rate limits still apply
                         * @default []
                         */
                        safelist: string[];
                        templates: components["schemas"]["MessageTemplates"];
                        /**
                         * @description Numbers with a fixed code: never sent (no provider, no sandbox), never counted by a limit, exempt from geo permissions; their verifications read `test: true`
                         * @default []
                         */
                        testNumbers: components["schemas"]["TestNumber"][];
                        /**
                         * @description Who checks codes a sender made itself (`generatesCode`, twilio-verify): `builtin` (default; otpd checks its own codes), `http` or `twilio-verify`. otpd's own codes are always checked by otpd
                         * @default {
                         *       "type": "builtin"
                         *     }
                         */
                        validator: {
                            /**
                             * @description otpd checks its own hashed codes
                             * @enum {string}
                             */
                            type: "builtin";
                        } | {
                            request: {
                                body?: components["schemas"]["JsonValue"];
                                /**
                                 * @description "query" adds the body fields to the URL, for GET services
                                 * @default json
                                 * @enum {string}
                                 */
                                encoding: "json" | "form" | "query";
                                /**
                                 * @description Header values take placeholders
                                 * @default {}
                                 */
                                headers: {
                                    [key: string]: string;
                                };
                                /**
                                 * @default POST
                                 * @enum {string}
                                 */
                                method: "GET" | "POST" | "PUT" | "PATCH";
                                /** @description http(s) URL; placeholders in it are URL-encoded */
                                url: string;
                            };
                            success: {
                                /** @default null */
                                bodyContains: string | null;
                                /** @default null */
                                bodyNotContains: string | null;
                                equals?: components["schemas"]["JsonValue"];
                                /**
                                 * @description With equals: the answer must be JSON whose value here equals equals
                                 * @default null
                                 */
                                jsonPointer: string | null;
                                /**
                                 * @description Statuses that may mean success
                                 * @default [
                                 *       200,
                                 *       201,
                                 *       202
                                 *     ]
                                 */
                                status: number[];
                            };
                            /**
                             * @description Time limit of one attempt: resolving, connecting and the whole answer
                             * @default 5000
                             */
                            timeoutMs: number;
                            /**
                             * @description Validator plug-in
                             * @enum {string}
                             */
                            type: "http";
                            /**
                             * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                             * @default {}
                             */
                            vars: {
                                [key: string]: string;
                            };
                            /**
                             * @description Statuses that mean the code is wrong (or its verification unknown to the service). 5xx, 408 and 429 never do: they are no verdict
                             * @default [
                             *       400,
                             *       404,
                             *       422
                             *     ]
                             */
                            wrongCodeStatus: number[];
                        } | {
                            /** @description Account SID (AC…), also the Basic auth user */
                            accountSid: string;
                            /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                            authToken: string;
                            /**
                             * Format: uri
                             * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                             * @default https://verify.twilio.com
                             */
                            baseUrl: string;
                            /** @description The Verify service (VA…) that makes, sends and checks the codes */
                            serviceSid: string;
                            /**
                             * @description Time limit of one attempt: resolving, connecting and the whole answer
                             * @default 5000
                             */
                            timeoutMs: number;
                            /**
                             * @description Validator plug-in
                             * @enum {string}
                             */
                            type: "twilio-verify";
                        };
                        verification: components["schemas"]["VerificationSettings"];
                        /**
                         * @description Event subscriptions: signed (Standard Webhooks) POSTs of lifecycle events
                         * @default []
                         */
                        webhooks: components["schemas"]["Webhook"][];
                        /**
                         * @description Host the code is bound to (WebOTP, origin-bound one-time codes), e.g. `shop.example`: every SMS ends with the line `@shop.example #CODE`, so browsers on that site fill it in. SMS only
                         * @default null
                         */
                        webOtpHost: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    consoleTestSend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app, e.g. `app_01…` */
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The channel whose providers to try
                     * @enum {string}
                     */
                    channel: "sms" | "whatsapp" | "email" | "messenger" | "voice";
                    /** @description Country for a national phone number, e.g. `TR`; default the app's `preferredCountry` */
                    country?: string;
                    /** @description Phone number (E.164, or national with `country`) or email address */
                    to: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: components["schemas"]["TestSendAttempt"][];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConsoleAudit: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditList"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConsoleFraudBlocks: {
        parameters: {
            query?: {
                /** @description `true` also lists decisions that expired or were lifted */
                all?: "true" | "false";
                /** @description One of the admin's apps; default all */
                appId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ConsoleFraudBlock"][];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    liftConsoleFraudBlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Decision id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleFraudBlock"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConsoleInbox: {
        parameters: {
            query?: {
                /** @description One of the admin's apps; default all of them */
                appId?: string;
                /** @description An earlier page's nextCursor */
                cursor?: string;
                limit?: number;
                /** @description One status; default the open inbox: `waiting` and `agent` */
                status?: "bot" | "waiting" | "agent" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first */
                        data: components["schemas"]["InboxConversation"][];
                        /** @description Null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleInboxConversation: {
        parameters: {
            query?: {
                /** @description Only messages after this sequence (what the page has already) */
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The app of the conversation */
                appId: string;
                /** @description Conversation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        conversation: components["schemas"]["InboxConversation"];
                        /** @description Oldest first, after `after` */
                        messages: components["schemas"]["InboxMessage"][];
                        /** @description More messages follow: ask again after the last one */
                        more: boolean;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeConsoleInboxConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app of the conversation */
                appId: string;
                /** @description Conversation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxConversation"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    handBackConsoleInboxConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app of the conversation */
                appId: string;
                /** @description Conversation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxConversation"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleInboxMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app of the conversation */
                appId: string;
                /** @description Conversation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxMessage"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    takeConsoleInboxConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app of the conversation */
                appId: string;
                /** @description Conversation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxConversation"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamConsoleInbox: {
        parameters: {
            query?: {
                /** @description One of the admin's apps; default all of them */
                appId?: string;
            };
            header?: {
                "last-event-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless stream: `retry` and an `id`, then `conversation` and `message` events (`data` as JSON), and `: ping` comments with an `id` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    consoleLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    /** @description The authenticator code, or a recovery code; needed when the admin has TOTP on */
                    totp?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSession"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    consoleLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSession"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConsoleMessages: {
        parameters: {
            query?: {
                /** @description Only this app's messages; one the admin does not see matches nothing */
                appId?: string;
                channel?: "sms" | "whatsapp" | "email" | "messenger" | "voice";
                /** @description Only messages to phone numbers of this country, e.g. `TR` */
                country?: string;
                /** @description A previous page's `nextCursor`, for the page after it */
                cursor?: string;
                /** @description Only messages of verifications with this `deviceId` */
                deviceId?: string;
                /** @description Only attempts made at or after this time */
                from?: string;
                limit?: number;
                /** @description Only messages of verifications with this `messageId` */
                messageId?: string;
                /** @description Only attempts through this provider (its name in the app's settings) */
                provider?: string;
                status?: "queued" | "sent" | "failed" | "delivered" | "undelivered";
                /** @description Only messages to this destination (E.164 or email) */
                to?: string;
                /** @description Only messages of verifications with this `txCode` */
                txCode?: string;
                /** @description Only attempts made before this time */
                until?: string;
                /** @description Only the attempts of this verification */
                verificationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first */
                        data: components["schemas"]["ConsoleMessage"][];
                        /** @description Null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Message id (`msg_…`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every attempt of the message's verification, oldest first, this one among them */
                        attempts: components["schemas"]["ConsoleMessage"][];
                        data: components["schemas"]["ConsoleMessage"];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportConsoleMessages: {
        parameters: {
            query?: {
                /** @description Only this app's messages; one the admin does not see matches nothing */
                appId?: string;
                channel?: "sms" | "whatsapp" | "email" | "messenger" | "voice";
                /** @description Only messages to phone numbers of this country, e.g. `TR` */
                country?: string;
                /** @description Only messages of verifications with this `deviceId` */
                deviceId?: string;
                /** @description `csv` (a header line, then one message a line) or `ndjson` (one per line) */
                format?: "csv" | "ndjson";
                /** @description Only attempts made at or after this time */
                from?: string;
                /** @description Only messages of verifications with this `messageId` */
                messageId?: string;
                /** @description Only attempts through this provider (its name in the app's settings) */
                provider?: string;
                status?: "queued" | "sent" | "failed" | "delivered" | "undelivered";
                /** @description Only messages to this destination (E.164 or email) */
                to?: string;
                /** @description Only messages of verifications with this `txCode` */
                txCode?: string;
                /** @description Only attempts made before this time */
                until?: string;
                /** @description Only the attempts of this verification */
                verificationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every matching message, newest first, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSettingsSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Schema (2020-12) of the settings document as PUT takes it. Provider and validator variants carry their plug-in’s `title` and `description`; `x-secret: true` marks a field read back masked, `x-secret-keys` a map whose values are secret under such keys, `x-builtIn` the values used per key where the document leaves them out. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    enrolConsoleTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolment"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmConsoleTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The code the authenticator shows */
                    code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description False when the code was wrong: TOTP stays off, try again */
                        enabled: boolean;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConsoleWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description One of the admin's apps; default all */
                appId?: string;
                /** @description A previous page's `nextCursor`, for the page after it */
                cursor?: string;
                /** @description Only the deliveries of this event */
                eventId?: string;
                eventType?: "verification.created" | "verification.approved" | "verification.expired" | "verification.canceled" | "verification.max_attempts_reached" | "verification.failed" | "message.sent" | "message.delivered" | "message.failed" | "diyalog.postback";
                /** @description Only deliveries created at or after this time */
                from?: string;
                limit?: number;
                status?: "pending" | "delivered" | "failed";
                /** @description Only deliveries created before this time */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first */
                        data: components["schemas"]["ConsoleWebhookDelivery"][];
                        /** @description Null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Webhook delivery id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Each try and its answer, oldest first */
                        attempts: components["schemas"]["WebhookAttempt"][];
                        data: components["schemas"]["ConsoleWebhookDelivery"];
                        /** @description The event as it was signed, every `to` masked; null for a forwarded Diyalog press, which is kept encrypted (it may quote a code) */
                        payload: unknown;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryConsoleWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Webhook delivery id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleWebhookDelivery"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    convertalkSendOtpSms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Twilio Account SID; used for this request only, never stored */
                    accountSID: string;
                    /** @description Twilio auth token; used for this request only, never stored or logged */
                    authToken: string;
                    /** @description Your Twilio phone number, the sender */
                    fromNumber: string;
                    /** @description The person's phone number: E.164, international digits without `+` (`905551234567`), or national in the app's preferredCountry */
                    toNumber: string;
                };
            };
        };
        responses: {
            /** @description Every outcome of a well-formed request answers 200 with this */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description On failure: the stable cause, e.g. `twilio_20003` (bad credentials) */
                        errorCode?: string;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description What happened, for people */
                        message: string;
                        /**
                         * @description `sent`, or `failed` when Twilio refused or could not be reached
                         * @enum {string}
                         */
                        status: "sent" | "failed";
                        /** @description Whether Twilio took the message */
                        success: boolean;
                        /** @description What the flow's verify step compares: an opaque reference to the verification, for verify-user-otp (default), or the code itself when the app sets `dialects.convertalk.systemOtp` to `code` */
                        systemOtp: string;
                        verificationId: string;
                    };
                };
            };
            /** @description In the compatible API's error shape. The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
        };
    };
    convertalkVerifyUserOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `systemOtp` the send answered */
                    systemOtp: string;
                    /** @description The code the person typed */
                    userOtp: string | number;
                };
            };
        };
        responses: {
            /** @description Every outcome of a well-formed request answers 200 with this */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptsRemaining: number;
                        /** @description What happened, for people */
                        message: string;
                        /**
                         * @description The verification status after the check, or `invalid_system_otp`
                         * @enum {string}
                         */
                        status: "pending" | "approved" | "expired" | "canceled" | "max_attempts_reached" | "failed" | "invalid_system_otp";
                        /** @description Whether systemOtp named a verification of this app and the check ran */
                        success: boolean;
                        /** @description Whether the code was right */
                        verified: boolean;
                    };
                };
            };
            /** @description In the compatible API's error shape. The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
            /** @description In the compatible API's error shape. Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConvertalkError"];
                };
            };
        };
    };
    diyalogPostback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description One of the app's API keys: the bot's access token */
                botAccessToken: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Who pressed it; default the recipient of the message */
                    customerNo?: string;
                    /** @description The message whose button was pressed */
                    messageId: string;
                    /** @description The pressed button’s payload, as the message carried it (signed if hidden) */
                    payload: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description True when the payload was the message's code and approved its verification */
                        approved: boolean;
                        /** @description True when the press was queued for `dialects.diyalog.webhookUrl` */
                        forwarded: boolean;
                        /** @enum {boolean} */
                        success: true;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    diyalogSendmok: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description One of the app's API keys: the bot's access token */
                botAccessToken: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    buttonsV2?: {
                        /** @description What a press sends back (postback), or the http(s) URL it opens (web_url) */
                        payload: string;
                        /**
                         * @description The person must not see the payload: it leaves otpd signed with `dialects.diyalog.secret` (postback buttons only)
                         * @default false
                         */
                        payloadHidden?: boolean;
                        /** @description What the chat shows as the person's answer when it is pressed */
                        payloadSeenByUser?: string;
                        /** @description The text on the button */
                        title: string;
                        /** @enum {string} */
                        type: "postback" | "web_url";
                    }[];
                    /** @description The person's id on the chat platform: the message's recipient. With the `webMessenger` provider, a web messenger conversation id (or the verified phone of the app's open one) */
                    customerNo: string;
                    /** @description Kept in the message log */
                    deviceId?: string;
                    /** Format: uri */
                    imageUrl?: string;
                    /** @description Your id for the message; button presses name it. Default: one otpd makes */
                    messageId?: string;
                    /** @description The text the person receives */
                    mokMessage: string;
                    /** @description The code in the message, for auto-fill: any text of 1 to 64 characters. otpd keeps its hash as a verification that POST /v1/verifications/{id}/check, or a press of a button whose payload is the code, approves (only a signed press when that button hides its payload) */
                    mokValue?: string;
                    /** @description Kept in the message log */
                    txCode?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The message id: yours, or the one otpd made */
                        message_id: string;
                        /** @description customerNo */
                        recipient_id: string;
                        /** @description The verification recording the message: its delivery and, with mokValue, its code */
                        verification_id: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description The server is shutting down (`service_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    endMessengerChat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description App id */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMessengerConfig: {
        parameters: {
            query?: {
                locale?: string;
            };
            header?: never;
            path: {
                /** @description App id */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openMessengerConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description App id */
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email?: string;
                    locale?: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamMessengerEvents: {
        parameters: {
            query?: {
                after?: number;
            };
            header?: {
                "last-event-id"?: string;
            };
            path: {
                /** @description App id */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless stream: `retry`, then one `message` event per message (`id` its sequence, `data` the message as JSON), and `: ping` comments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestMessengerAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description App id */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    endMessengerSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description App id */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is over */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMessengerMessages: {
        parameters: {
            query?: {
                /** @description Sequence of the last message seen */
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description App id */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MessengerMessage"][];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMessengerMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description App id */
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessengerMessage"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmMessengerCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description App id */
                appId: string;
                /** @description The message that delivered the code */
                messageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptsRemaining: number;
                        id: string;
                        reason: string | null;
                        status: string;
                        valid: boolean;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pressMessengerButton: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description App id */
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Or the pressed button’s place among the message’s postback buttons, from 0 */
                    button?: number;
                    messageId: string;
                    /** @description The pressed button’s payload */
                    payload?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessengerMessage"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMessengerSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description App id */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startMessengerVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description App id */
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    country?: string;
                    /** Format: email */
                    email?: string;
                    locale?: string;
                    name?: string;
                    /** @description E.164, or national in the preferred country */
                    phone: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptsRemaining: number;
                        codeLength: number;
                        expiresAt: string;
                        id: string;
                        resendAvailableAt: string;
                        to: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkMessengerVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description App id */
                appId: string;
                /** @description Verification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptsRemaining: number;
                        conversation?: components["schemas"]["Conversation"];
                        id: string;
                        reason: string | null;
                        status: string;
                        valid: boolean;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendMessengerVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description App id */
                appId: string;
                /** @description Verification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptsRemaining: number;
                        codeLength: number;
                        expiresAt: string;
                        id: string;
                        resendAvailableAt: string;
                        to: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description OTPD_METRICS_TOKEN is set and the request does not carry it */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server is shutting down (`service_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description A dependency did not answer (`not_ready`), or the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    twilioCreateVerificationCheck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's `VA…` service SID */
                ServiceSid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    Amount?: string;
                    /** @description The code the user typed */
                    Code?: string;
                    Payee?: string;
                    /** @description Checks the destination's newest verification */
                    To?: string;
                    /** @description Checks this verification */
                    VerificationSid?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_sid: string;
                        amount: string | null;
                        channel: string;
                        /** @description ISO 8601, to the second */
                        date_created: string;
                        /** @description ISO 8601, to the second */
                        date_updated: string;
                        payee: string | null;
                        service_sid: string;
                        sid: string;
                        sna_attempts_error_codes: unknown[];
                        status: string;
                        to: string;
                        valid: boolean;
                    };
                };
            };
            /** @description In the compatible API's error shape. The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The Idempotency-Key was used for another request (`idempotency_key_reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
        };
    };
    twilioCreateVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's `VA…` service SID */
                ServiceSid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description PSD2 amount, with Payee: shown in the message */
                    Amount?: string;
                    /** @description The Android SMS Retriever hash line of this SMS, over the app's `androidAppHash` */
                    AppHash?: string;
                    /** @description `sms`, `call` (the `voice` channel), `whatsapp`, `email`, or `auto` (SMS); `sna`, `rcs` and `passkeys` answer 60223 */
                    Channel?: string;
                    /** @description Refused with 60200 */
                    ChannelConfiguration?: string;
                    /** @description The app's own code (4–10 letters or digits); needs `dialects.twilio.allowCustomCode`, else 60204 */
                    CustomCode?: string;
                    /** @description Replaces the app's name in the message; also kept as metadata `friendlyName` */
                    CustomFriendlyName?: string;
                    /** @description The message itself, with `{{code}}` where the code goes (deprecated at Twilio) */
                    CustomMessage?: string;
                    /** @description The end user's IP, for the per-IP limits */
                    DeviceIp?: string;
                    /** @description `true` answers 60223: no SNA */
                    EnableSnaClientToken?: string;
                    /** @description Message language, e.g. `en`, `pt-br`: picks the template */
                    Locale?: string;
                    /** @description PSD2 payee, with Amount: shown in the message */
                    Payee?: string;
                    /** @description Accepted and ignored: the app's own limits apply */
                    RateLimits?: string;
                    /** @description `enable` only: the abuse protection always applies */
                    RiskCheck?: string;
                    /** @description Refused with 60200 */
                    SendDigits?: string;
                    /** @description JSON object of tags, kept in the metadata as `tags` */
                    Tags?: string;
                    /** @description Refused with 60200 */
                    TemplateCustomSubstitutions?: string;
                    /** @description Refused with 60200 */
                    Templates?: string;
                    /** @description Refused with 60200: the app's templates apply */
                    TemplateSid?: string;
                    /** @description E.164 phone number or email address */
                    To?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_sid: string;
                        amount: string | null;
                        channel: string;
                        /** @description ISO 8601, to the second */
                        date_created: string;
                        /** @description ISO 8601, to the second */
                        date_updated: string;
                        lookup: {
                            carrier: null;
                        };
                        payee: string | null;
                        send_code_attempts: {
                            attempt_sid: string;
                            channel: string;
                            /** @description ISO 8601, to the second */
                            time: string;
                        }[];
                        service_sid: string;
                        sid: string;
                        sna: null;
                        status: string;
                        to: string;
                        url: string;
                        valid: boolean;
                    };
                };
            };
            /** @description In the compatible API's error shape. The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The Idempotency-Key was used for another request (`idempotency_key_reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
        };
    };
    twilioFetchVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's `VA…` service SID */
                ServiceSid: string;
                /** @description The verification SID (`VE…`), or its `To` for the newest one */
                Sid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_sid: string;
                        amount: string | null;
                        channel: string;
                        /** @description ISO 8601, to the second */
                        date_created: string;
                        /** @description ISO 8601, to the second */
                        date_updated: string;
                        lookup: {
                            carrier: null;
                        };
                        payee: string | null;
                        send_code_attempts: {
                            attempt_sid: string;
                            channel: string;
                            /** @description ISO 8601, to the second */
                            time: string;
                        }[];
                        service_sid: string;
                        sid: string;
                        sna: null;
                        status: string;
                        to: string;
                        url: string;
                        valid: boolean;
                    };
                };
            };
            /** @description In the compatible API's error shape. The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The Idempotency-Key was used for another request (`idempotency_key_reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
        };
    };
    twilioUpdateVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's `VA…` service SID */
                ServiceSid: string;
                /** @description The verification SID (`VE…`), or its `To` for the newest one */
                Sid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description `canceled`, or `approved` for a verification the app confirmed another way */
                    Status?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_sid: string;
                        amount: string | null;
                        channel: string;
                        /** @description ISO 8601, to the second */
                        date_created: string;
                        /** @description ISO 8601, to the second */
                        date_updated: string;
                        lookup: {
                            carrier: null;
                        };
                        payee: string | null;
                        send_code_attempts: {
                            attempt_sid: string;
                            channel: string;
                            /** @description ISO 8601, to the second */
                            time: string;
                        }[];
                        service_sid: string;
                        sid: string;
                        sna: null;
                        status: string;
                        to: string;
                        url: string;
                        valid: boolean;
                    };
                };
            };
            /** @description In the compatible API's error shape. The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. The Idempotency-Key was used for another request (`idempotency_key_reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
            /** @description In the compatible API's error shape. Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwilioError"];
                };
            };
        };
    };
    getAnalytics: {
        parameters: {
            query?: {
                /** @description Start of the range (inclusive); default 24 hours before `to` */
                from?: string;
                /** @description Split each bucket by app, channel, provider (the one that delivered) or country (of a phone destination) */
                groupBy?: "app" | "channel" | "provider" | "country";
                /** @description Bucket width, UTC; the range may span 31 days by the hour, 366 by the day */
                interval?: "hour" | "day";
                /** @description End of the range (exclusive); default now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Analytics"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAudit: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditList"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConversations: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
                phone?: string;
                status?: "bot" | "waiting" | "agent" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Conversation"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    handOverConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConversationMessages: {
        parameters: {
            query?: {
                /** @description Sequence of the last message seen */
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Conversation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ConversationMessage"][];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConversationMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Who writes: the bot or a live agent
                     * @enum {string}
                     */
                    author: "bot" | "agent";
                    buttons?: ({
                        payload: string;
                        title: string;
                        /** @enum {string} */
                        type: "postback";
                    } | {
                        title: string;
                        /** @enum {string} */
                        type: "web_url";
                        /** Format: uri */
                        url: string;
                    })[];
                    /** Format: uri */
                    image?: string;
                    text?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationMessage"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFraudBlocks: {
        parameters: {
            query?: {
                /** @description `true` also lists decisions that expired or were lifted */
                all?: "true" | "false";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["FraudDecision"][];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    liftFraudBlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Decision id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FraudDecision"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMessages: {
        parameters: {
            query?: {
                channel?: "sms" | "whatsapp" | "email" | "messenger" | "voice";
                /** @description Only messages to phone numbers of this country, e.g. `TR` */
                country?: string;
                /** @description A previous page's `nextCursor`, for the page after it */
                cursor?: string;
                /** @description Only messages of verifications with this `deviceId` */
                deviceId?: string;
                /** @description `ndjson` or `csv` stream every matching message, newest first, in one response (`cursor` and `limit` do not apply); the same as `/v1/messages/export` */
                format?: "json" | "ndjson" | "csv";
                /** @description Only attempts made at or after this time */
                from?: string;
                limit?: number;
                /** @description Only messages of verifications with this `messageId` */
                messageId?: string;
                /** @description Only attempts through this provider (its name in the app's settings) */
                provider?: string;
                status?: "queued" | "sent" | "failed" | "delivered" | "undelivered";
                /** @description Only messages to this destination (E.164 or email) */
                to?: string;
                /** @description Only messages of verifications with this `txCode` */
                txCode?: string;
                /** @description Only attempts made before this time */
                until?: string;
                /** @description Only the attempts of this verification */
                verificationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page (JSON), or every matching message (`format=ndjson` or `csv`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first */
                        data: components["schemas"]["Message"][];
                        /** @description Null on the last page */
                        nextCursor: string | null;
                    };
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Message id (`msg_…`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every attempt of the message's verification, oldest first, this one among them */
                        attempts: components["schemas"]["Message"][];
                        data: components["schemas"]["Message"];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportMessages: {
        parameters: {
            query?: {
                channel?: "sms" | "whatsapp" | "email" | "messenger" | "voice";
                /** @description Only messages to phone numbers of this country, e.g. `TR` */
                country?: string;
                /** @description Only messages of verifications with this `deviceId` */
                deviceId?: string;
                /** @description `csv` (a header line, then one message a line) or `ndjson` (one per line) */
                format?: "csv" | "ndjson";
                /** @description Only attempts made at or after this time */
                from?: string;
                /** @description Only messages of verifications with this `messageId` */
                messageId?: string;
                /** @description Only attempts through this provider (its name in the app's settings) */
                provider?: string;
                status?: "queued" | "sent" | "failed" | "delivered" | "undelivered";
                /** @description Only messages to this destination (E.164 or email) */
                to?: string;
                /** @description Only messages of verifications with this `txCode` */
                txCode?: string;
                /** @description Only attempts made before this time */
                until?: string;
                /** @description Only the attempts of this verification */
                verificationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every matching message, newest first, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    httpReceipt: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path: {
                appId: string;
                provider: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptAccepted"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    twilioReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: string | string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptAccepted"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSandboxMessages: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Only messages to this destination (as stored) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            body: string;
                            /**
                             * @description Delivery channel; default `sms`. `voice` reads the code out in a phone call
                             * @enum {string}
                             */
                            channel: "sms" | "whatsapp" | "email" | "messenger" | "voice";
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            to: string;
                            verificationId: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description App settings; every field is optional on PUT and takes its default */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The Android app's SMS Retriever hash, e.g. `FA+9qCX9VSu`: added to every SMS on a line of its own so the app reads the code by itself. SMS only
                         * @default null
                         */
                        androidAppHash: string | null;
                        /** @description Delivery per channel */
                        channels: {
                            email: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for email, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            messenger: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for messenger, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            sms: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for sms, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            voice: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for voice, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            whatsapp: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for whatsapp, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                        };
                        /**
                         * @description Locale of a verification whose request names none; picks its template
                         * @default en
                         */
                        defaultLocale: string;
                        /** @description Vendor dialects */
                        dialects: {
                            /** @description Convertalk chatbot endpoints under /convertalk */
                            convertalk: {
                                /**
                                 * @description What send-otp-sms answers as `systemOtp`, the value the flow's verify step compares: `reference`, an opaque sealed reference that verify-user-otp checks (default); `code`, the code itself, for flows that compare it locally — the code then sits in the flow's attributes, and attempts are no longer counted
                                 * @default reference
                                 * @enum {string}
                                 */
                                systemOtp: "reference" | "code";
                                /**
                                 * Format: uri
                                 * @description Twilio API origin the Convertalk send-otp-sms endpoint posts to; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                twilioBaseUrl: string;
                            };
                            /** @description Diyalog sendmok and postback under /diyalog */
                            diyalog: {
                                /**
                                 * @description Signs hidden button payloads (HMAC-SHA256) and the button presses forwarded to webhookUrl (X-Signature, HMAC-SHA1). Stored encrypted, shown masked
                                 * @default null
                                 */
                                secret: string | null;
                                /**
                                 * @description Where button presses are forwarded in Diyalog's envelope; none: not forwarded. Goes through the outbound guard
                                 * @default null
                                 */
                                webhookUrl: string | null;
                            };
                            /** @description Twilio Verify v2 under /twilio */
                            twilio: {
                                /**
                                 * @description Accept Twilio's CustomCode: the app's own code is sent and checked (stored hashed like any code). Default false: a CustomCode is refused with 60204, as on a Twilio service without custom codes enabled
                                 * @default false
                                 */
                                allowCustomCode: boolean;
                            };
                        };
                        fraudGuard: components["schemas"]["FraudGuardSettings"];
                        geo: components["schemas"]["GeoPermissions"];
                        limits: components["schemas"]["Limits"];
                        messenger: components["schemas"]["MessengerSettings"];
                        numberTypes: components["schemas"]["NumberTypes"];
                        /**
                         * @description Country assumed for a national phone number sent without `country`, e.g. `TR`
                         * @default null
                         */
                        preferredCountry: string | null;
                        /**
                         * @description E.164 numbers (`+905551234567`) or prefixes (`+90555`) that bypass geo permissions, number types and the SMS-pumping guard; attempt and rate limits still apply
                         * @default []
                         */
                        safelist: string[];
                        templates: components["schemas"]["MessageTemplates"];
                        /**
                         * @description Numbers with a fixed code: never sent (no provider, no sandbox), never counted by a limit, exempt from geo permissions; their verifications read `test: true`
                         * @default []
                         */
                        testNumbers: components["schemas"]["TestNumber"][];
                        /**
                         * @description Who checks codes a sender made itself (`generatesCode`, twilio-verify): `builtin` (default; otpd checks its own codes), `http` or `twilio-verify`. otpd's own codes are always checked by otpd
                         * @default {
                         *       "type": "builtin"
                         *     }
                         */
                        validator: {
                            /**
                             * @description otpd checks its own hashed codes
                             * @enum {string}
                             */
                            type: "builtin";
                        } | {
                            request: {
                                body?: components["schemas"]["JsonValue"];
                                /**
                                 * @description "query" adds the body fields to the URL, for GET services
                                 * @default json
                                 * @enum {string}
                                 */
                                encoding: "json" | "form" | "query";
                                /**
                                 * @description Header values take placeholders
                                 * @default {}
                                 */
                                headers: {
                                    [key: string]: string;
                                };
                                /**
                                 * @default POST
                                 * @enum {string}
                                 */
                                method: "GET" | "POST" | "PUT" | "PATCH";
                                /** @description http(s) URL; placeholders in it are URL-encoded */
                                url: string;
                            };
                            success: {
                                /** @default null */
                                bodyContains: string | null;
                                /** @default null */
                                bodyNotContains: string | null;
                                equals?: components["schemas"]["JsonValue"];
                                /**
                                 * @description With equals: the answer must be JSON whose value here equals equals
                                 * @default null
                                 */
                                jsonPointer: string | null;
                                /**
                                 * @description Statuses that may mean success
                                 * @default [
                                 *       200,
                                 *       201,
                                 *       202
                                 *     ]
                                 */
                                status: number[];
                            };
                            /**
                             * @description Time limit of one attempt: resolving, connecting and the whole answer
                             * @default 5000
                             */
                            timeoutMs: number;
                            /**
                             * @description Validator plug-in
                             * @enum {string}
                             */
                            type: "http";
                            /**
                             * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                             * @default {}
                             */
                            vars: {
                                [key: string]: string;
                            };
                            /**
                             * @description Statuses that mean the code is wrong (or its verification unknown to the service). 5xx, 408 and 429 never do: they are no verdict
                             * @default [
                             *       400,
                             *       404,
                             *       422
                             *     ]
                             */
                            wrongCodeStatus: number[];
                        } | {
                            /** @description Account SID (AC…), also the Basic auth user */
                            accountSid: string;
                            /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                            authToken: string;
                            /**
                             * Format: uri
                             * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                             * @default https://verify.twilio.com
                             */
                            baseUrl: string;
                            /** @description The Verify service (VA…) that makes, sends and checks the codes */
                            serviceSid: string;
                            /**
                             * @description Time limit of one attempt: resolving, connecting and the whole answer
                             * @default 5000
                             */
                            timeoutMs: number;
                            /**
                             * @description Validator plug-in
                             * @enum {string}
                             */
                            type: "twilio-verify";
                        };
                        verification: components["schemas"]["VerificationSettings"];
                        /**
                         * @description Event subscriptions: signed (Standard Webhooks) POSTs of lifecycle events
                         * @default []
                         */
                        webhooks: components["schemas"]["Webhook"][];
                        /**
                         * @description Host the code is bound to (WebOTP, origin-bound one-time codes), e.g. `shop.example`: every SMS ends with the line `@shop.example #CODE`, so browsers on that site fill it in. SMS only
                         * @default null
                         */
                        webOtpHost: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description App settings; every field is optional on PUT and takes its default */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The Android app's SMS Retriever hash, e.g. `FA+9qCX9VSu`: added to every SMS on a line of its own so the app reads the code by itself. SMS only
                     * @default null
                     */
                    androidAppHash?: string | null;
                    /**
                     * @description Delivery per channel
                     * @default {}
                     */
                    channels?: {
                        /** @default {} */
                        email?: {
                            /**
                             * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                             * @default false
                             */
                            failoverOnUndelivered?: boolean;
                            /**
                             * @description Providers for email, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                             * @default [
                             *       {
                             *         "type": "console"
                             *       }
                             *     ]
                             */
                            providers?: ({
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "console";
                            } | {
                                /**
                                 * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                 * @default false
                                 */
                                generatesCode?: boolean;
                                /**
                                 * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                 * @default null
                                 */
                                messageIdPointer?: string | null;
                                /** @description Names this gateway in the message log and in receipts */
                                name: string;
                                receipt?: components["schemas"]["HttpReceiptConfigInput"];
                                /**
                                 * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                 * @default null
                                 */
                                referencePointer?: string | null;
                                request: {
                                    body?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description "query" adds the body fields to the URL, for GET services
                                     * @default json
                                     * @enum {string}
                                     */
                                    encoding?: "json" | "form" | "query";
                                    /**
                                     * @description Header values take placeholders
                                     * @default {}
                                     */
                                    headers?: {
                                        [key: string]: string;
                                    };
                                    /**
                                     * @default POST
                                     * @enum {string}
                                     */
                                    method?: "GET" | "POST" | "PUT" | "PATCH";
                                    /** @description http(s) URL; placeholders in it are URL-encoded */
                                    url: string;
                                };
                                /** @default {} */
                                success?: {
                                    /** @default null */
                                    bodyContains?: string | null;
                                    /** @default null */
                                    bodyNotContains?: string | null;
                                    equals?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description With equals: the answer must be JSON whose value here equals equals
                                     * @default null
                                     */
                                    jsonPointer?: string | null;
                                    /**
                                     * @description Statuses that may mean success
                                     * @default [
                                     *       200,
                                     *       201,
                                     *       202
                                     *     ]
                                     */
                                    status?: number[];
                                };
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "http";
                                /**
                                 * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                 * @default {}
                                 */
                                vars?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                auth?: {
                                    /** @description Secret: stored encrypted, read back masked */
                                    pass: string;
                                    user: string;
                                };
                                /** @description The From header and envelope sender */
                                from: string;
                                /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                host: string;
                                /**
                                 * @description Also send an HTML part: the text escaped, the code emphasised
                                 * @default false
                                 */
                                html?: boolean;
                                /** @description Names this mail server in the message log */
                                name: string;
                                /** @description Default 465 with secure, else 587 (submission) */
                                port?: number;
                                /**
                                 * @description Implicit TLS from the first byte (usually port 465)
                                 * @default false
                                 */
                                secure?: boolean;
                                /**
                                 * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                 * @default required
                                 * @enum {string}
                                 */
                                starttls?: "required" | "opportunistic" | "off";
                                /**
                                 * @description Subject line; {{app}} is the app name. The code is not in it by default
                                 * @default Your {{app}} verification code
                                 */
                                subject?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                 * @default 15000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "smtp";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                from?: string;
                                /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                messagingServiceSid?: string;
                                /** @description Names this provider in the message log and in receipts */
                                name: string;
                                /**
                                 * Format: uri
                                 * @description URL Twilio posts delivery status changes (and a call's status) to
                                 */
                                statusCallback?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                 * @default https://verify.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Names this provider in the message log */
                                name: string;
                                /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                serviceSid: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio-verify";
                            } | {
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "webMessenger";
                            })[];
                        };
                        /** @default {} */
                        messenger?: {
                            /**
                             * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                             * @default false
                             */
                            failoverOnUndelivered?: boolean;
                            /**
                             * @description Providers for messenger, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                             * @default [
                             *       {
                             *         "type": "console"
                             *       }
                             *     ]
                             */
                            providers?: ({
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "console";
                            } | {
                                /**
                                 * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                 * @default false
                                 */
                                generatesCode?: boolean;
                                /**
                                 * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                 * @default null
                                 */
                                messageIdPointer?: string | null;
                                /** @description Names this gateway in the message log and in receipts */
                                name: string;
                                receipt?: components["schemas"]["HttpReceiptConfigInput"];
                                /**
                                 * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                 * @default null
                                 */
                                referencePointer?: string | null;
                                request: {
                                    body?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description "query" adds the body fields to the URL, for GET services
                                     * @default json
                                     * @enum {string}
                                     */
                                    encoding?: "json" | "form" | "query";
                                    /**
                                     * @description Header values take placeholders
                                     * @default {}
                                     */
                                    headers?: {
                                        [key: string]: string;
                                    };
                                    /**
                                     * @default POST
                                     * @enum {string}
                                     */
                                    method?: "GET" | "POST" | "PUT" | "PATCH";
                                    /** @description http(s) URL; placeholders in it are URL-encoded */
                                    url: string;
                                };
                                /** @default {} */
                                success?: {
                                    /** @default null */
                                    bodyContains?: string | null;
                                    /** @default null */
                                    bodyNotContains?: string | null;
                                    equals?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description With equals: the answer must be JSON whose value here equals equals
                                     * @default null
                                     */
                                    jsonPointer?: string | null;
                                    /**
                                     * @description Statuses that may mean success
                                     * @default [
                                     *       200,
                                     *       201,
                                     *       202
                                     *     ]
                                     */
                                    status?: number[];
                                };
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "http";
                                /**
                                 * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                 * @default {}
                                 */
                                vars?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                auth?: {
                                    /** @description Secret: stored encrypted, read back masked */
                                    pass: string;
                                    user: string;
                                };
                                /** @description The From header and envelope sender */
                                from: string;
                                /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                host: string;
                                /**
                                 * @description Also send an HTML part: the text escaped, the code emphasised
                                 * @default false
                                 */
                                html?: boolean;
                                /** @description Names this mail server in the message log */
                                name: string;
                                /** @description Default 465 with secure, else 587 (submission) */
                                port?: number;
                                /**
                                 * @description Implicit TLS from the first byte (usually port 465)
                                 * @default false
                                 */
                                secure?: boolean;
                                /**
                                 * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                 * @default required
                                 * @enum {string}
                                 */
                                starttls?: "required" | "opportunistic" | "off";
                                /**
                                 * @description Subject line; {{app}} is the app name. The code is not in it by default
                                 * @default Your {{app}} verification code
                                 */
                                subject?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                 * @default 15000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "smtp";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                from?: string;
                                /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                messagingServiceSid?: string;
                                /** @description Names this provider in the message log and in receipts */
                                name: string;
                                /**
                                 * Format: uri
                                 * @description URL Twilio posts delivery status changes (and a call's status) to
                                 */
                                statusCallback?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                 * @default https://verify.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Names this provider in the message log */
                                name: string;
                                /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                serviceSid: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio-verify";
                            } | {
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "webMessenger";
                            })[];
                        };
                        /** @default {} */
                        sms?: {
                            /**
                             * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                             * @default false
                             */
                            failoverOnUndelivered?: boolean;
                            /**
                             * @description Providers for sms, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                             * @default [
                             *       {
                             *         "type": "console"
                             *       }
                             *     ]
                             */
                            providers?: ({
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "console";
                            } | {
                                /**
                                 * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                 * @default false
                                 */
                                generatesCode?: boolean;
                                /**
                                 * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                 * @default null
                                 */
                                messageIdPointer?: string | null;
                                /** @description Names this gateway in the message log and in receipts */
                                name: string;
                                receipt?: components["schemas"]["HttpReceiptConfigInput"];
                                /**
                                 * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                 * @default null
                                 */
                                referencePointer?: string | null;
                                request: {
                                    body?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description "query" adds the body fields to the URL, for GET services
                                     * @default json
                                     * @enum {string}
                                     */
                                    encoding?: "json" | "form" | "query";
                                    /**
                                     * @description Header values take placeholders
                                     * @default {}
                                     */
                                    headers?: {
                                        [key: string]: string;
                                    };
                                    /**
                                     * @default POST
                                     * @enum {string}
                                     */
                                    method?: "GET" | "POST" | "PUT" | "PATCH";
                                    /** @description http(s) URL; placeholders in it are URL-encoded */
                                    url: string;
                                };
                                /** @default {} */
                                success?: {
                                    /** @default null */
                                    bodyContains?: string | null;
                                    /** @default null */
                                    bodyNotContains?: string | null;
                                    equals?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description With equals: the answer must be JSON whose value here equals equals
                                     * @default null
                                     */
                                    jsonPointer?: string | null;
                                    /**
                                     * @description Statuses that may mean success
                                     * @default [
                                     *       200,
                                     *       201,
                                     *       202
                                     *     ]
                                     */
                                    status?: number[];
                                };
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "http";
                                /**
                                 * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                 * @default {}
                                 */
                                vars?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                auth?: {
                                    /** @description Secret: stored encrypted, read back masked */
                                    pass: string;
                                    user: string;
                                };
                                /** @description The From header and envelope sender */
                                from: string;
                                /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                host: string;
                                /**
                                 * @description Also send an HTML part: the text escaped, the code emphasised
                                 * @default false
                                 */
                                html?: boolean;
                                /** @description Names this mail server in the message log */
                                name: string;
                                /** @description Default 465 with secure, else 587 (submission) */
                                port?: number;
                                /**
                                 * @description Implicit TLS from the first byte (usually port 465)
                                 * @default false
                                 */
                                secure?: boolean;
                                /**
                                 * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                 * @default required
                                 * @enum {string}
                                 */
                                starttls?: "required" | "opportunistic" | "off";
                                /**
                                 * @description Subject line; {{app}} is the app name. The code is not in it by default
                                 * @default Your {{app}} verification code
                                 */
                                subject?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                 * @default 15000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "smtp";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                from?: string;
                                /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                messagingServiceSid?: string;
                                /** @description Names this provider in the message log and in receipts */
                                name: string;
                                /**
                                 * Format: uri
                                 * @description URL Twilio posts delivery status changes (and a call's status) to
                                 */
                                statusCallback?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                 * @default https://verify.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Names this provider in the message log */
                                name: string;
                                /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                serviceSid: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio-verify";
                            } | {
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "webMessenger";
                            })[];
                        };
                        /** @default {} */
                        voice?: {
                            /**
                             * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                             * @default false
                             */
                            failoverOnUndelivered?: boolean;
                            /**
                             * @description Providers for voice, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                             * @default [
                             *       {
                             *         "type": "console"
                             *       }
                             *     ]
                             */
                            providers?: ({
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "console";
                            } | {
                                /**
                                 * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                 * @default false
                                 */
                                generatesCode?: boolean;
                                /**
                                 * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                 * @default null
                                 */
                                messageIdPointer?: string | null;
                                /** @description Names this gateway in the message log and in receipts */
                                name: string;
                                receipt?: components["schemas"]["HttpReceiptConfigInput"];
                                /**
                                 * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                 * @default null
                                 */
                                referencePointer?: string | null;
                                request: {
                                    body?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description "query" adds the body fields to the URL, for GET services
                                     * @default json
                                     * @enum {string}
                                     */
                                    encoding?: "json" | "form" | "query";
                                    /**
                                     * @description Header values take placeholders
                                     * @default {}
                                     */
                                    headers?: {
                                        [key: string]: string;
                                    };
                                    /**
                                     * @default POST
                                     * @enum {string}
                                     */
                                    method?: "GET" | "POST" | "PUT" | "PATCH";
                                    /** @description http(s) URL; placeholders in it are URL-encoded */
                                    url: string;
                                };
                                /** @default {} */
                                success?: {
                                    /** @default null */
                                    bodyContains?: string | null;
                                    /** @default null */
                                    bodyNotContains?: string | null;
                                    equals?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description With equals: the answer must be JSON whose value here equals equals
                                     * @default null
                                     */
                                    jsonPointer?: string | null;
                                    /**
                                     * @description Statuses that may mean success
                                     * @default [
                                     *       200,
                                     *       201,
                                     *       202
                                     *     ]
                                     */
                                    status?: number[];
                                };
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "http";
                                /**
                                 * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                 * @default {}
                                 */
                                vars?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                auth?: {
                                    /** @description Secret: stored encrypted, read back masked */
                                    pass: string;
                                    user: string;
                                };
                                /** @description The From header and envelope sender */
                                from: string;
                                /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                host: string;
                                /**
                                 * @description Also send an HTML part: the text escaped, the code emphasised
                                 * @default false
                                 */
                                html?: boolean;
                                /** @description Names this mail server in the message log */
                                name: string;
                                /** @description Default 465 with secure, else 587 (submission) */
                                port?: number;
                                /**
                                 * @description Implicit TLS from the first byte (usually port 465)
                                 * @default false
                                 */
                                secure?: boolean;
                                /**
                                 * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                 * @default required
                                 * @enum {string}
                                 */
                                starttls?: "required" | "opportunistic" | "off";
                                /**
                                 * @description Subject line; {{app}} is the app name. The code is not in it by default
                                 * @default Your {{app}} verification code
                                 */
                                subject?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                 * @default 15000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "smtp";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                from?: string;
                                /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                messagingServiceSid?: string;
                                /** @description Names this provider in the message log and in receipts */
                                name: string;
                                /**
                                 * Format: uri
                                 * @description URL Twilio posts delivery status changes (and a call's status) to
                                 */
                                statusCallback?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                 * @default https://verify.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Names this provider in the message log */
                                name: string;
                                /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                serviceSid: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio-verify";
                            } | {
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "webMessenger";
                            })[];
                        };
                        /** @default {} */
                        whatsapp?: {
                            /**
                             * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                             * @default false
                             */
                            failoverOnUndelivered?: boolean;
                            /**
                             * @description Providers for whatsapp, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                             * @default [
                             *       {
                             *         "type": "console"
                             *       }
                             *     ]
                             */
                            providers?: ({
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "console";
                            } | {
                                /**
                                 * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                 * @default false
                                 */
                                generatesCode?: boolean;
                                /**
                                 * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                 * @default null
                                 */
                                messageIdPointer?: string | null;
                                /** @description Names this gateway in the message log and in receipts */
                                name: string;
                                receipt?: components["schemas"]["HttpReceiptConfigInput"];
                                /**
                                 * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                 * @default null
                                 */
                                referencePointer?: string | null;
                                request: {
                                    body?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description "query" adds the body fields to the URL, for GET services
                                     * @default json
                                     * @enum {string}
                                     */
                                    encoding?: "json" | "form" | "query";
                                    /**
                                     * @description Header values take placeholders
                                     * @default {}
                                     */
                                    headers?: {
                                        [key: string]: string;
                                    };
                                    /**
                                     * @default POST
                                     * @enum {string}
                                     */
                                    method?: "GET" | "POST" | "PUT" | "PATCH";
                                    /** @description http(s) URL; placeholders in it are URL-encoded */
                                    url: string;
                                };
                                /** @default {} */
                                success?: {
                                    /** @default null */
                                    bodyContains?: string | null;
                                    /** @default null */
                                    bodyNotContains?: string | null;
                                    equals?: components["schemas"]["JsonValueInput"];
                                    /**
                                     * @description With equals: the answer must be JSON whose value here equals equals
                                     * @default null
                                     */
                                    jsonPointer?: string | null;
                                    /**
                                     * @description Statuses that may mean success
                                     * @default [
                                     *       200,
                                     *       201,
                                     *       202
                                     *     ]
                                     */
                                    status?: number[];
                                };
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "http";
                                /**
                                 * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                 * @default {}
                                 */
                                vars?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                auth?: {
                                    /** @description Secret: stored encrypted, read back masked */
                                    pass: string;
                                    user: string;
                                };
                                /** @description The From header and envelope sender */
                                from: string;
                                /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                host: string;
                                /**
                                 * @description Also send an HTML part: the text escaped, the code emphasised
                                 * @default false
                                 */
                                html?: boolean;
                                /** @description Names this mail server in the message log */
                                name: string;
                                /** @description Default 465 with secure, else 587 (submission) */
                                port?: number;
                                /**
                                 * @description Implicit TLS from the first byte (usually port 465)
                                 * @default false
                                 */
                                secure?: boolean;
                                /**
                                 * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                 * @default required
                                 * @enum {string}
                                 */
                                starttls?: "required" | "opportunistic" | "off";
                                /**
                                 * @description Subject line; {{app}} is the app name. The code is not in it by default
                                 * @default Your {{app}} verification code
                                 */
                                subject?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                 * @default 15000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "smtp";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                from?: string;
                                /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                messagingServiceSid?: string;
                                /** @description Names this provider in the message log and in receipts */
                                name: string;
                                /**
                                 * Format: uri
                                 * @description URL Twilio posts delivery status changes (and a call's status) to
                                 */
                                statusCallback?: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio";
                            } | {
                                /** @description Account SID (AC…), also the Basic auth user */
                                accountSid: string;
                                /** @description The account's auth token. Stored encrypted; read back masked */
                                authToken: string;
                                /**
                                 * Format: uri
                                 * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                 * @default https://verify.twilio.com
                                 */
                                baseUrl?: string;
                                /** @description Names this provider in the message log */
                                name: string;
                                /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                serviceSid: string;
                                /**
                                 * @description Time limit of one attempt: resolving, connecting and the whole answer
                                 * @default 5000
                                 */
                                timeoutMs?: number;
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "twilio-verify";
                            } | {
                                /**
                                 * @description Provider plug-in
                                 * @enum {string}
                                 */
                                type: "webMessenger";
                            })[];
                        };
                    };
                    /**
                     * @description Locale of a verification whose request names none; picks its template
                     * @default en
                     */
                    defaultLocale?: string;
                    /**
                     * @description Vendor dialects
                     * @default {}
                     */
                    dialects?: {
                        /**
                         * @description Convertalk chatbot endpoints under /convertalk
                         * @default {}
                         */
                        convertalk?: {
                            /**
                             * @description What send-otp-sms answers as `systemOtp`, the value the flow's verify step compares: `reference`, an opaque sealed reference that verify-user-otp checks (default); `code`, the code itself, for flows that compare it locally — the code then sits in the flow's attributes, and attempts are no longer counted
                             * @default reference
                             * @enum {string}
                             */
                            systemOtp?: "reference" | "code";
                            /**
                             * Format: uri
                             * @description Twilio API origin the Convertalk send-otp-sms endpoint posts to; default https://api.twilio.com. Goes through the outbound guard
                             * @default https://api.twilio.com
                             */
                            twilioBaseUrl?: string;
                        };
                        /**
                         * @description Diyalog sendmok and postback under /diyalog
                         * @default {}
                         */
                        diyalog?: {
                            /**
                             * @description Signs hidden button payloads (HMAC-SHA256) and the button presses forwarded to webhookUrl (X-Signature, HMAC-SHA1). Stored encrypted, shown masked
                             * @default null
                             */
                            secret?: string | null;
                            /**
                             * @description Where button presses are forwarded in Diyalog's envelope; none: not forwarded. Goes through the outbound guard
                             * @default null
                             */
                            webhookUrl?: string | null;
                        };
                        /**
                         * @description Twilio Verify v2 under /twilio
                         * @default {}
                         */
                        twilio?: {
                            /**
                             * @description Accept Twilio's CustomCode: the app's own code is sent and checked (stored hashed like any code). Default false: a CustomCode is refused with 60204, as on a Twilio service without custom codes enabled
                             * @default false
                             */
                            allowCustomCode?: boolean;
                        };
                    };
                    fraudGuard?: components["schemas"]["FraudGuardSettingsInput"];
                    geo?: components["schemas"]["GeoPermissionsInput"];
                    limits?: components["schemas"]["LimitsInput"];
                    messenger?: components["schemas"]["MessengerSettingsInput"];
                    numberTypes?: components["schemas"]["NumberTypesInput"];
                    /**
                     * @description Country assumed for a national phone number sent without `country`, e.g. `TR`
                     * @default null
                     */
                    preferredCountry?: string | null;
                    /**
                     * @description E.164 numbers (`+905551234567`) or prefixes (`+90555`) that bypass geo permissions, number types and the SMS-pumping guard; attempt and rate limits still apply
                     * @default []
                     */
                    safelist?: string[];
                    templates?: components["schemas"]["MessageTemplatesInput"];
                    /**
                     * @description Numbers with a fixed code: never sent (no provider, no sandbox), never counted by a limit, exempt from geo permissions; their verifications read `test: true`
                     * @default []
                     */
                    testNumbers?: components["schemas"]["TestNumberInput"][];
                    /**
                     * @description Who checks codes a sender made itself (`generatesCode`, twilio-verify): `builtin` (default; otpd checks its own codes), `http` or `twilio-verify`. otpd's own codes are always checked by otpd
                     * @default {
                     *       "type": "builtin"
                     *     }
                     */
                    validator?: {
                        /**
                         * @description otpd checks its own hashed codes
                         * @enum {string}
                         */
                        type: "builtin";
                    } | {
                        request: {
                            body?: components["schemas"]["JsonValueInput"];
                            /**
                             * @description "query" adds the body fields to the URL, for GET services
                             * @default json
                             * @enum {string}
                             */
                            encoding?: "json" | "form" | "query";
                            /**
                             * @description Header values take placeholders
                             * @default {}
                             */
                            headers?: {
                                [key: string]: string;
                            };
                            /**
                             * @default POST
                             * @enum {string}
                             */
                            method?: "GET" | "POST" | "PUT" | "PATCH";
                            /** @description http(s) URL; placeholders in it are URL-encoded */
                            url: string;
                        };
                        /** @default {} */
                        success?: {
                            /** @default null */
                            bodyContains?: string | null;
                            /** @default null */
                            bodyNotContains?: string | null;
                            equals?: components["schemas"]["JsonValueInput"];
                            /**
                             * @description With equals: the answer must be JSON whose value here equals equals
                             * @default null
                             */
                            jsonPointer?: string | null;
                            /**
                             * @description Statuses that may mean success
                             * @default [
                             *       200,
                             *       201,
                             *       202
                             *     ]
                             */
                            status?: number[];
                        };
                        /**
                         * @description Time limit of one attempt: resolving, connecting and the whole answer
                         * @default 5000
                         */
                        timeoutMs?: number;
                        /**
                         * @description Validator plug-in
                         * @enum {string}
                         */
                        type: "http";
                        /**
                         * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                         * @default {}
                         */
                        vars?: {
                            [key: string]: string;
                        };
                        /**
                         * @description Statuses that mean the code is wrong (or its verification unknown to the service). 5xx, 408 and 429 never do: they are no verdict
                         * @default [
                         *       400,
                         *       404,
                         *       422
                         *     ]
                         */
                        wrongCodeStatus?: number[];
                    } | {
                        /** @description Account SID (AC…), also the Basic auth user */
                        accountSid: string;
                        /** @description The account's auth token. Stored encrypted; read back masked */
                        authToken: string;
                        /**
                         * Format: uri
                         * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                         * @default https://verify.twilio.com
                         */
                        baseUrl?: string;
                        /** @description The Verify service (VA…) that makes, sends and checks the codes */
                        serviceSid: string;
                        /**
                         * @description Time limit of one attempt: resolving, connecting and the whole answer
                         * @default 5000
                         */
                        timeoutMs?: number;
                        /**
                         * @description Validator plug-in
                         * @enum {string}
                         */
                        type: "twilio-verify";
                    };
                    verification?: components["schemas"]["VerificationSettingsInput"];
                    /**
                     * @description Event subscriptions: signed (Standard Webhooks) POSTs of lifecycle events
                     * @default []
                     */
                    webhooks?: components["schemas"]["WebhookInput"][];
                    /**
                     * @description Host the code is bound to (WebOTP, origin-bound one-time codes), e.g. `shop.example`: every SMS ends with the line `@shop.example #CODE`, so browsers on that site fill it in. SMS only
                     * @default null
                     */
                    webOtpHost?: string | null;
                };
            };
        };
        responses: {
            /** @description App settings; every field is optional on PUT and takes its default */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The Android app's SMS Retriever hash, e.g. `FA+9qCX9VSu`: added to every SMS on a line of its own so the app reads the code by itself. SMS only
                         * @default null
                         */
                        androidAppHash: string | null;
                        /** @description Delivery per channel */
                        channels: {
                            email: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for email, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            messenger: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for messenger, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            sms: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for sms, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            voice: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for voice, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                            whatsapp: {
                                /**
                                 * @description When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false
                                 * @default false
                                 */
                                failoverOnUndelivered: boolean;
                                /**
                                 * @description Providers for whatsapp, in order: when one fails the next is tried at once. Default: the sandbox (`console`)
                                 * @default [
                                 *       {
                                 *         "type": "console"
                                 *       }
                                 *     ]
                                 */
                                providers: ({
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "console";
                                } | {
                                    /**
                                     * @description The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable
                                     * @default false
                                     */
                                    generatesCode: boolean;
                                    /**
                                     * @description Where the gateway's answer keeps its id for the message (JSON pointer)
                                     * @default null
                                     */
                                    messageIdPointer: string | null;
                                    /** @description Names this gateway in the message log and in receipts */
                                    name: string;
                                    receipt?: components["schemas"]["HttpReceiptConfig"];
                                    /**
                                     * @description With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send
                                     * @default null
                                     */
                                    referencePointer: string | null;
                                    request: {
                                        body?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description "query" adds the body fields to the URL, for GET services
                                         * @default json
                                         * @enum {string}
                                         */
                                        encoding: "json" | "form" | "query";
                                        /**
                                         * @description Header values take placeholders
                                         * @default {}
                                         */
                                        headers: {
                                            [key: string]: string;
                                        };
                                        /**
                                         * @default POST
                                         * @enum {string}
                                         */
                                        method: "GET" | "POST" | "PUT" | "PATCH";
                                        /** @description http(s) URL; placeholders in it are URL-encoded */
                                        url: string;
                                    };
                                    success: {
                                        /** @default null */
                                        bodyContains: string | null;
                                        /** @default null */
                                        bodyNotContains: string | null;
                                        equals?: components["schemas"]["JsonValue"];
                                        /**
                                         * @description With equals: the answer must be JSON whose value here equals equals
                                         * @default null
                                         */
                                        jsonPointer: string | null;
                                        /**
                                         * @description Statuses that may mean success
                                         * @default [
                                         *       200,
                                         *       201,
                                         *       202
                                         *     ]
                                         */
                                        status: number[];
                                    };
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "http";
                                    /**
                                     * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                                     * @default {}
                                     */
                                    vars: {
                                        [key: string]: string;
                                    };
                                } | {
                                    /** @description Log in with this user and password (AUTH PLAIN or LOGIN); required once given */
                                    auth?: {
                                        /** @description Secret: stored encrypted, read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                        pass: string;
                                        user: string;
                                    };
                                    /** @description The From header and envelope sender */
                                    from: string;
                                    /** @description Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS) */
                                    host: string;
                                    /**
                                     * @description Also send an HTML part: the text escaped, the code emphasised
                                     * @default false
                                     */
                                    html: boolean;
                                    /** @description Names this mail server in the message log */
                                    name: string;
                                    /** @description Default 465 with secure, else 587 (submission) */
                                    port?: number;
                                    /**
                                     * @description Implicit TLS from the first byte (usually port 465)
                                     * @default false
                                     */
                                    secure: boolean;
                                    /**
                                     * @description Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure
                                     * @default required
                                     * @enum {string}
                                     */
                                    starttls: "required" | "opportunistic" | "off";
                                    /**
                                     * @description Subject line; {{app}} is the app name. The code is not in it by default
                                     * @default Your {{app}} verification code
                                     */
                                    subject: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting, TLS, login and sending
                                     * @default 15000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "smtp";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio API origin; default https://api.twilio.com. Goes through the outbound guard
                                     * @default https://api.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it */
                                    from?: string;
                                    /** @description Messaging Service (MG…) that picks the sender, in place of from (not for voice) */
                                    messagingServiceSid?: string;
                                    /** @description Names this provider in the message log and in receipts */
                                    name: string;
                                    /**
                                     * Format: uri
                                     * @description URL Twilio posts delivery status changes (and a call's status) to
                                     */
                                    statusCallback?: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio";
                                } | {
                                    /** @description Account SID (AC…), also the Basic auth user */
                                    accountSid: string;
                                    /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                                    authToken: string;
                                    /**
                                     * Format: uri
                                     * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                                     * @default https://verify.twilio.com
                                     */
                                    baseUrl: string;
                                    /** @description Names this provider in the message log */
                                    name: string;
                                    /** @description The Verify service (VA…) that makes, sends and checks the codes */
                                    serviceSid: string;
                                    /**
                                     * @description Time limit of one attempt: resolving, connecting and the whole answer
                                     * @default 5000
                                     */
                                    timeoutMs: number;
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "twilio-verify";
                                } | {
                                    /**
                                     * @description Provider plug-in
                                     * @enum {string}
                                     */
                                    type: "webMessenger";
                                })[];
                            };
                        };
                        /**
                         * @description Locale of a verification whose request names none; picks its template
                         * @default en
                         */
                        defaultLocale: string;
                        /** @description Vendor dialects */
                        dialects: {
                            /** @description Convertalk chatbot endpoints under /convertalk */
                            convertalk: {
                                /**
                                 * @description What send-otp-sms answers as `systemOtp`, the value the flow's verify step compares: `reference`, an opaque sealed reference that verify-user-otp checks (default); `code`, the code itself, for flows that compare it locally — the code then sits in the flow's attributes, and attempts are no longer counted
                                 * @default reference
                                 * @enum {string}
                                 */
                                systemOtp: "reference" | "code";
                                /**
                                 * Format: uri
                                 * @description Twilio API origin the Convertalk send-otp-sms endpoint posts to; default https://api.twilio.com. Goes through the outbound guard
                                 * @default https://api.twilio.com
                                 */
                                twilioBaseUrl: string;
                            };
                            /** @description Diyalog sendmok and postback under /diyalog */
                            diyalog: {
                                /**
                                 * @description Signs hidden button payloads (HMAC-SHA256) and the button presses forwarded to webhookUrl (X-Signature, HMAC-SHA1). Stored encrypted, shown masked
                                 * @default null
                                 */
                                secret: string | null;
                                /**
                                 * @description Where button presses are forwarded in Diyalog's envelope; none: not forwarded. Goes through the outbound guard
                                 * @default null
                                 */
                                webhookUrl: string | null;
                            };
                            /** @description Twilio Verify v2 under /twilio */
                            twilio: {
                                /**
                                 * @description Accept Twilio's CustomCode: the app's own code is sent and checked (stored hashed like any code). Default false: a CustomCode is refused with 60204, as on a Twilio service without custom codes enabled
                                 * @default false
                                 */
                                allowCustomCode: boolean;
                            };
                        };
                        fraudGuard: components["schemas"]["FraudGuardSettings"];
                        geo: components["schemas"]["GeoPermissions"];
                        limits: components["schemas"]["Limits"];
                        messenger: components["schemas"]["MessengerSettings"];
                        numberTypes: components["schemas"]["NumberTypes"];
                        /**
                         * @description Country assumed for a national phone number sent without `country`, e.g. `TR`
                         * @default null
                         */
                        preferredCountry: string | null;
                        /**
                         * @description E.164 numbers (`+905551234567`) or prefixes (`+90555`) that bypass geo permissions, number types and the SMS-pumping guard; attempt and rate limits still apply
                         * @default []
                         */
                        safelist: string[];
                        templates: components["schemas"]["MessageTemplates"];
                        /**
                         * @description Numbers with a fixed code: never sent (no provider, no sandbox), never counted by a limit, exempt from geo permissions; their verifications read `test: true`
                         * @default []
                         */
                        testNumbers: components["schemas"]["TestNumber"][];
                        /**
                         * @description Who checks codes a sender made itself (`generatesCode`, twilio-verify): `builtin` (default; otpd checks its own codes), `http` or `twilio-verify`. otpd's own codes are always checked by otpd
                         * @default {
                         *       "type": "builtin"
                         *     }
                         */
                        validator: {
                            /**
                             * @description otpd checks its own hashed codes
                             * @enum {string}
                             */
                            type: "builtin";
                        } | {
                            request: {
                                body?: components["schemas"]["JsonValue"];
                                /**
                                 * @description "query" adds the body fields to the URL, for GET services
                                 * @default json
                                 * @enum {string}
                                 */
                                encoding: "json" | "form" | "query";
                                /**
                                 * @description Header values take placeholders
                                 * @default {}
                                 */
                                headers: {
                                    [key: string]: string;
                                };
                                /**
                                 * @default POST
                                 * @enum {string}
                                 */
                                method: "GET" | "POST" | "PUT" | "PATCH";
                                /** @description http(s) URL; placeholders in it are URL-encoded */
                                url: string;
                            };
                            success: {
                                /** @default null */
                                bodyContains: string | null;
                                /** @default null */
                                bodyNotContains: string | null;
                                equals?: components["schemas"]["JsonValue"];
                                /**
                                 * @description With equals: the answer must be JSON whose value here equals equals
                                 * @default null
                                 */
                                jsonPointer: string | null;
                                /**
                                 * @description Statuses that may mean success
                                 * @default [
                                 *       200,
                                 *       201,
                                 *       202
                                 *     ]
                                 */
                                status: number[];
                            };
                            /**
                             * @description Time limit of one attempt: resolving, connecting and the whole answer
                             * @default 5000
                             */
                            timeoutMs: number;
                            /**
                             * @description Validator plug-in
                             * @enum {string}
                             */
                            type: "http";
                            /**
                             * @description Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written
                             * @default {}
                             */
                            vars: {
                                [key: string]: string;
                            };
                            /**
                             * @description Statuses that mean the code is wrong (or its verification unknown to the service). 5xx, 408 and 429 never do: they are no verdict
                             * @default [
                             *       400,
                             *       404,
                             *       422
                             *     ]
                             */
                            wrongCodeStatus: number[];
                        } | {
                            /** @description Account SID (AC…), also the Basic auth user */
                            accountSid: string;
                            /** @description The account's auth token. Stored encrypted; read back masked. Read back masked: `••••` and, for a long one, its last 4 characters */
                            authToken: string;
                            /**
                             * Format: uri
                             * @description Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard
                             * @default https://verify.twilio.com
                             */
                            baseUrl: string;
                            /** @description The Verify service (VA…) that makes, sends and checks the codes */
                            serviceSid: string;
                            /**
                             * @description Time limit of one attempt: resolving, connecting and the whole answer
                             * @default 5000
                             */
                            timeoutMs: number;
                            /**
                             * @description Validator plug-in
                             * @enum {string}
                             */
                            type: "twilio-verify";
                        };
                        verification: components["schemas"]["VerificationSettings"];
                        /**
                         * @description Event subscriptions: signed (Standard Webhooks) POSTs of lifecycle events
                         * @default []
                         */
                        webhooks: components["schemas"]["Webhook"][];
                        /**
                         * @description Host the code is bound to (WebOTP, origin-bound one-time codes), e.g. `shop.example`: every SMS ends with the line `@shop.example #CODE`, so browsers on that site fill it in. SMS only
                         * @default null
                         */
                        webOtpHost: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    testSend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The channel whose providers to try
                     * @enum {string}
                     */
                    channel: "sms" | "whatsapp" | "email" | "messenger" | "voice";
                    /** @description Country for a national phone number, e.g. `TR`; default the app's `preferredCountry` */
                    country?: string;
                    /** @description Phone number (E.164, or national with `country`) or email address */
                    to: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: components["schemas"]["TestSendAttempt"][];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startVerification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for a repeated request */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description This SMS's Android SMS Retriever hash line, over the app's `androidAppHash` */
                    androidAppHash?: string;
                    /**
                     * @description Delivery channel; default `sms`. `voice` reads the code out in a phone call
                     * @enum {string}
                     */
                    channel?: "sms" | "whatsapp" | "email" | "messenger" | "voice";
                    /** @description Your end user's IP address, for the per-IP limits (`limits.createPerClientIp`, `limits.failedChecksPerDestinationAndIp`); leave it out on calls that have no end user */
                    clientIp?: string;
                    /** @description Digits in the code; default from the app's settings (6 unless changed) */
                    codeLength?: number;
                    /** @description Message template for this verification; placeholders {{code}}, {{app}}, {{minutes}} */
                    content?: string;
                    /** @description Country for a national phone number, e.g. `TR`; default the app's `preferredCountry` */
                    country?: string;
                    deviceId?: string;
                    /** @description Picks the message template; default the app's `defaultLocale` */
                    locale?: string;
                    messageId?: string;
                    metadata?: {
                        [key: string]: unknown;
                    };
                    /** @description Phone number (E.164, or national with `country`) or email address */
                    to: string;
                    /** @description Default from the app's settings (600 unless changed) */
                    ttlSeconds?: number;
                    /** @description Your transaction reference, kept in the message log */
                    txCode?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verification"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for another request (`idempotency_key_reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Verification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verification"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Verification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verification"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkVerification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for a repeated request */
                "idempotency-key"?: string;
            };
            path: {
                /** @description Verification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your end user's IP address, for the per-IP limits (`limits.createPerClientIp`, `limits.failedChecksPerDestinationAndIp`); leave it out on calls that have no end user */
                    clientIp?: string;
                    /** @description The code the person typed */
                    code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckResult"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for another request (`idempotency_key_reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVerificationMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Verification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every provider attempt, oldest first */
                        data: components["schemas"]["Message"][];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Verification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your end user's IP address, for the per-IP limits (`limits.createPerClientIp`, `limits.failedChecksPerDestinationAndIp`); leave it out on calls that have no end user */
                    clientIp?: string;
                } | null;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verification"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkVerificationByDestination: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for a repeated request */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Delivery channel; default `sms`. `voice` reads the code out in a phone call
                     * @enum {string}
                     */
                    channel?: "sms" | "whatsapp" | "email" | "messenger" | "voice";
                    /** @description Your end user's IP address, for the per-IP limits (`limits.createPerClientIp`, `limits.failedChecksPerDestinationAndIp`); leave it out on calls that have no end user */
                    clientIp?: string;
                    /** @description The code the person typed */
                    code: string;
                    /** @description Country for a national phone number, e.g. `TR`; default the app's `preferredCountry` */
                    country?: string;
                    to: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckResult"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for another request (`idempotency_key_reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description A previous page's `nextCursor`, for the page after it */
                cursor?: string;
                /** @description Only the deliveries of this event */
                eventId?: string;
                eventType?: "verification.created" | "verification.approved" | "verification.expired" | "verification.canceled" | "verification.max_attempts_reached" | "verification.failed" | "message.sent" | "message.delivered" | "message.failed" | "diyalog.postback";
                /** @description Only deliveries created at or after this time */
                from?: string;
                limit?: number;
                status?: "pending" | "delivered" | "failed";
                /** @description Only deliveries created before this time */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first */
                        data: components["schemas"]["WebhookDelivery"][];
                        /** @description Null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Webhook delivery id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Webhook delivery id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`) */
            401: {
                headers: {
                    /** @description The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation reads (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A fault on our side, logged (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After` */
            503: {
                headers: {
                    /** @description Seconds until the same request may succeed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
