// bench/run's peer: the work of haven's GET /v1/identity/me done the way a typical Node
// service does it. Fastify serves GET /me; jose verifies the same EdDSA access token
// against haven's JWKS (fetched once at start, as a service would cache it), pinned to
// EdDSA with haven's issuer and audience; pg reads the same row with the same SQL
// (the user plus its roles) through a pool of the same size as haven's, as a named
// (prepared) statement. One process, as such services usually run per core budget.
//
// Environment: PORT, JWKS_URL, DATABASE_URL, ISSUER (haven), AUDIENCE (haven-api),
// POOL_MAX (4).
import Fastify from "fastify";
import { createLocalJWKSet, jwtVerify } from "jose";
import pg from "pg";

const env = (name, fallback) => process.env[name] ?? fallback;
const issuer = env("ISSUER", "haven");
const audience = env("AUDIENCE", "haven-api");

const jwksResponse = await fetch(env("JWKS_URL"));
if (!jwksResponse.ok) throw new Error(`JWKS: HTTP ${jwksResponse.status}`);
const jwks = createLocalJWKSet(await jwksResponse.json());

const pool = new pg.Pool({
  connectionString: env("DATABASE_URL"),
  max: Number(env("POOL_MAX", "4")),
});

// The columns and the roles subquery of haven's identity repo::find_user.
const FIND_USER = {
  name: "find_user",
  text: `SELECT id, email, display_name,
           ('[' || COALESCE((SELECT string_agg('"' || r.role || '"', ',' ORDER BY CASE r.role
             WHEN 'member' THEN 0 WHEN 'coach' THEN 1 WHEN 'clinician' THEN 2 ELSE 3 END)
             FROM identity_user_roles r WHERE r.user_id = identity_users.id), '') || ']') AS roles,
           created_at, time_zone, locale, marketing_consent, marketing_consent_at,
           email_verified_at, disabled_at
         FROM identity_users WHERE id = $1 LIMIT 1`,
};

const app = Fastify({ logger: false });

app.get("/me", async (request, reply) => {
  const header = request.headers.authorization ?? "";
  if (!header.startsWith("Bearer ")) return reply.code(401).send({ code: "unauthorized" });
  let payload;
  try {
    ({ payload } = await jwtVerify(header.slice(7), jwks, {
      algorithms: ["EdDSA"],
      issuer,
      audience,
      requiredClaims: ["sub", "exp", "nbf", "iat", "jti", "sid"],
    }));
  } catch {
    return reply.code(401).send({ code: "unauthorized" });
  }
  if (payload.typ !== "access") return reply.code(401).send({ code: "unauthorized" });
  const { rows } = await pool.query({ ...FIND_USER, values: [payload.sub] });
  if (rows.length === 0) return reply.code(404).send({ code: "not_found" });
  const row = rows[0];
  reply.header("cache-control", "private");
  return {
    id: row.id,
    email: row.email,
    display_name: row.display_name,
    roles: JSON.parse(row.roles),
    created_at: row.created_at,
    time_zone: row.time_zone,
    locale: row.locale,
    marketing_consent: row.marketing_consent,
    marketing_consent_at: row.marketing_consent_at,
    email_verified_at: row.email_verified_at,
    disabled_at: row.disabled_at,
  };
});

await app.listen({ host: "127.0.0.1", port: Number(env("PORT", "3000")) });
