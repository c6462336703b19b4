/**
 * Checks every response the SDK receives against the OpenAPI document at run time: the
 * status is documented for the operation, and the body validates against the
 * documented schema (OpenAPI 3.0 `nullable` read as JSON Schema's `null` type), so a
 * `null` where the document says `string`, an undocumented field type or an
 * undocumented problem `code` fails the test that received it.
 */
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

import { operationInfo } from "../../src/generated/operations.js";

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** OpenAPI 3.0 schema → JSON Schema: `nullable: true` becomes `anyOf [schema, null]`. */
function toJsonSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== "object") return schema;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "nullable" || key === "example") continue;
    out[key] = toJsonSchema(value);
  }
  return schema["nullable"] === true ? { anyOf: [out, { type: "null" }] } : out;
}

/** The media type without parameters, lower-cased. */
const essence = (contentType: string) => contentType.split(";")[0]?.trim().toLowerCase() ?? "";

/** A path template as a matcher: `/v1/x/{id}` → `^/v1/x/[^/]+$`. */
const matcher = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`);

const routes = Object.entries(operationInfo).map(([id, info]) => ({ id, ...info, match: matcher(info.path) }));

/** The parts of the document the check reads. */
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
}

/** The document's validators, and what they found. */
export class Contract {
  /** Responses checked so far. */
  checked = 0;
  /** Violations found so far, one line each. */
  readonly violations: string[] = [];
  readonly #doc: Document;
  readonly #ajv: Ajv;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(doc: unknown) {
    this.#doc = doc as Document;
    this.#ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.#ajv);
    // The document's integer widths; the bounds are what counts and `type` checks the rest.
    for (const format of ["int32", "int64", "uint8", "uint16", "uint32", "uint64"]) this.#ajv.addFormat(format, true);
    const components = (doc as { components: Json }).components;
    this.#ajv.addSchema({ $id: "haven", components: toJsonSchema(components) } as object);
  }

  /** Checks one response; returns the violation, or `null`. */
  check(method: string, url: string, status: number, contentType: string | null, bodyText: string): string | null {
    const path = new URL(url).pathname;
    const route = routes.find((r) => r.method === method.toLowerCase() && r.match.test(path));
    const label = `${method} ${path} → ${status}`;
    this.checked++;
    const violation = this.#violation(route, status, contentType, bodyText);
    if (violation !== null) this.violations.push(`${label}: ${violation}`);
    return violation;
  }

  #violation(
    route: (typeof routes)[number] | undefined,
    status: number,
    contentType: string | null,
    bodyText: string,
  ): string | null {
    if (!route) return "no documented operation";
    const response = this.#doc.paths[route.path]?.[route.method]?.responses[String(status)] as
      | { content?: Record<string, { schema: Json }> }
      | undefined;
    if (!response) return `status not documented for ${route.id}`;
    if (bodyText === "") return response.content ? "empty body where the document has one" : null;
    const media = Object.entries(response.content ?? {}).find(([type]) => essence(type) === essence(contentType ?? ""));
    if (!media) return `content type ${contentType} not documented`;
    const key = `${route.id} ${status} ${media[0]}`;
    let validate = this.#compiled.get(key);
    if (!validate) {
      // Refs inside point at the document's components, registered as "haven".
      const schema = JSON.parse(JSON.stringify(toJsonSchema(media[1].schema)).replaceAll('"#/components/', '"haven#/components/'));
      validate = this.#ajv.compile(schema as object);
      this.#compiled.set(key, validate);
    }
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch {
      return "body is not JSON";
    }
    return validate(body) ? null : this.#ajv.errorsText(validate.errors, { dataVar: "body" });
  }

  /** `fetchFn`, checking each response it returns (the body is read from a clone). */
  wrap(fetchFn: typeof globalThis.fetch): typeof globalThis.fetch {
    return async (input, init) => {
      const response = await fetchFn(input, init);
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      const method = init?.method ?? (input instanceof Request ? input.method : "GET");
      this.check(method, url, response.status, response.headers.get("content-type"), await response.clone().text());
      return response;
    };
  }
}
