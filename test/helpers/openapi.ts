import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = (ajvFormats as unknown as { default: { default: (ajv: Ajv2020) => void } })
  .default.default;

type Json = Record<string, any>;

export interface Operation {
  method: string;
  /** As documented, e.g. `/v1/verifications/{id}`. */
  path: string;
  operationId: string;
  op: Json;
}

/** The served document, as a client reads it. */
export async function fetchDocument(baseUrl: string): Promise<Json> {
  const response = await fetch(`${baseUrl}/openapi.json`);
  if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}`);
  return (await response.json()) as Json;
}

export function operationsOf(doc: Json): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      found.push({ method: method.toUpperCase(), path, operationId: op.operationId, op });
    }
  }
  return found;
}

/** The media type without parameters: `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export interface ResponseCheck {
  /** What is wrong with the response, or undefined when the document declares it. */
  problem?: string;
}

/**
 * Checks real responses against the document: the status must be declared for the
 * operation, the content type must be one it declares for that status, and the body must
 * match that content type's schema.
 */
export function responseValidator(doc: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // Components are referenced as `#/components/schemas/…`: give the document an id and
  // point every reference at it.
  const id = 'urn:otpd:openapi';
  const rewritten = JSON.parse(
    JSON.stringify(doc).replaceAll('"#/components/', `"${id}#/components/`),
  ) as Json;
  ajv.addSchema({ $id: id, components: rewritten.components });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

  return function check(
    operation: Operation,
    status: number,
    contentType: string | null,
    body: unknown,
  ): string | undefined {
    const item = rewritten.paths[operation.path][operation.method.toLowerCase()];
    const response = item.responses[String(status)];
    if (!response) return `status ${status} is not declared`;
    const content = response.content as Json | undefined;
    if (!content) return body === '' ? undefined : `status ${status} declares no body`;
    const type = mediaType(contentType);
    const declared = content[type];
    if (!declared) {
      return `content type ${type} is not declared for ${status} (${Object.keys(content).join(', ')})`;
    }
    const key = `${operation.operationId} ${status} ${type}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(declared.schema ?? {});
      compiled.set(key, validate);
    }
    if (validate(body)) return undefined;
    return `body does not match the ${status} ${type} schema: ${ajv.errorsText(validate.errors)}`;
  };
}
