import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { finishDocument, type OpenApiDocument } from './openapi-document.ts';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * A response that is not one JSON body, e.g. Prometheus text, or an export in several
 * formats: Fastify's `{description, content: {mediaType: {schema}}}` with zod schemas. The
 * serializer does not read response schemas (app.ts): this is documentation.
 */
export interface MediaResponse {
  description: string;
  content: Record<string, { schema: z.ZodType }>;
}

/** One zod schema as the JSON schema jsonSchemaTransform makes of a response. */
function responseSchema(input: TransformInput, schema: z.ZodType): unknown {
  const out = jsonSchemaTransform({ ...input, schema: { response: { 200: schema } } });
  return (out.schema as { response: Record<number, unknown> }).response[200];
}

type Transformed = ReturnType<typeof jsonSchemaTransform>;

/**
 * The API key scope a route needs (`config.scope`, checked by http/auth.ts), written into the
 * document: as the scopes of its security requirements, in its description, and as its 403,
 * shaped like the route's own 401 (a problem, or a compatible API's error).
 */
function documentScope(input: TransformInput, out: Transformed): Transformed {
  const scope = (input.route.config as { scope?: string } | undefined)?.scope;
  if (!scope) return out;
  const schema = out.schema as {
    security?: Record<string, string[]>[];
    description?: string;
    response?: Record<string, unknown>;
  };
  schema.security = schema.security?.map((requirement) =>
    Object.fromEntries(Object.keys(requirement).map((name) => [name, [scope]])),
  );
  const note = `Needs an API key with the scope \`${scope}\`; a key without it is answered 403 \`insufficient_scope\`.`;
  schema.description = schema.description ? `${schema.description}\n\n${note}` : note;
  const unauthorized = schema.response?.['401'];
  if (schema.response && unauthorized && !schema.response['403']) {
    schema.response['403'] = unauthorized;
  }
  return out;
}

/** jsonSchemaTransform, plus responses declared with their media types (MediaResponse). */
function transformRoute(input: TransformInput) {
  return documentScope(input, transformMedia(input));
}

function transformMedia(input: TransformInput) {
  const declared = (input.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!declared) return jsonSchemaTransform(input);
  const zodOnly: Record<string, unknown> = {};
  const media: Record<string, MediaResponse> = {};
  for (const [status, value] of Object.entries(declared)) {
    if (value instanceof z.ZodType) zodOnly[status] = value;
    else media[status] = value as MediaResponse;
  }
  const out = jsonSchemaTransform({ ...input, schema: { ...input.schema, response: zodOnly } });
  const response = (out.schema as { response: Record<string, unknown> }).response;
  for (const [status, { description, content }] of Object.entries(media)) {
    response[status] = {
      description,
      content: Object.fromEntries(
        Object.entries(content).map(([type, { schema }]) => [
          type,
          { schema: responseSchema(input, schema) },
        ]),
      ),
    };
  }
  return out;
}

/**
 * The servers the document names: OTPD_PUBLIC_URL when set, and always the origin the
 * document was fetched from (a relative URL), so the docs page calls the otpd it came from.
 */
function servers(publicUrl: string | undefined) {
  const here = { url: '/', description: 'The otpd serving this document' };
  return publicUrl ? [{ url: publicUrl, description: 'OTPD_PUBLIC_URL' }, here] : [here];
}

/**
 * OpenAPI 3.1 generated from the routes' own zod schemas, served at `/openapi.json`, with a
 * browsable page at `/docs`. Must be registered before the routes it describes.
 */
export async function registerOpenApi(
  app: FastifyInstance,
  version: string,
  publicUrl?: string,
): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'otpd',
        version,
        description:
          'Self-hosted one-time passwords: start a verification, deliver a code, check it. ' +
          'Errors are RFC 9457 problem documents with a stable `code`.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'App API key' },
          metricsToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'OTPD_METRICS_TOKEN, required by `/metrics` when the operator sets one',
          },
          consoleSession: {
            type: 'apiKey',
            in: 'cookie',
            name: 'otpd_console',
            description:
              'The admin console session cookie that `POST /console/api/login` sets; requests that change something also send its `X-CSRF-Token`',
          },
          basicAuth: {
            type: 'http',
            scheme: 'basic',
            description: 'Compatible APIs: Twilio account SID or Beem app id, and an API key',
          },
        },
      },
    },
    transform: transformRoute,
    transformObject: (input) =>
      finishDocument(jsonSchemaTransformObject(input) as OpenApiDocument, {
        servers: servers(publicUrl),
      }) as ReturnType<typeof jsonSchemaTransformObject>,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
