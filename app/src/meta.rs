//! `GET /v1/meta`: what is running. The app's own API until domains bring theirs.

use bytes::Bytes;
use poem_openapi::{ApiResponse, Object, OpenApi, Tags};

use haven_platform::http::rendered::JsonBytes;
use haven_platform::{ApiResult, PlatformContext};

/// Describes the running service.
#[derive(Debug, Clone, Object, PartialEq)]
pub struct Meta {
    /// Service name, always `haven`.
    pub name: String,
    /// Version of the binary.
    pub version: String,
    /// Git commit the binary was built from (`unknown` outside a checkout).
    pub commit: String,
    /// Database backend of the primary pool: `sqlite` or `postgres`.
    pub database: String,
    /// Names of the mounted domain modules.
    pub modules: Vec<String>,
}

/// Answer of `GET /v1/meta`.
#[derive(Debug, ApiResponse)]
pub enum MetaResponse {
    /// What this node runs.
    #[oai(status = 200)]
    Ok(JsonBytes<Meta>),
}

#[derive(Tags)]
enum MetaTags {
    /// Information about the running service.
    Meta,
}

/// The meta API.
#[derive(Debug)]
pub struct MetaApi {
    /// [`Meta`]'s JSON, rendered once: it never changes while the process runs.
    body: Bytes,
}

impl MetaApi {
    /// Reports `modules` as mounted.
    pub fn new(ctx: &PlatformContext, modules: Vec<String>) -> Self {
        let meta = Meta {
            name: "haven".to_owned(),
            version: ctx.build.version.to_owned(),
            commit: ctx.build.commit.to_owned(),
            database: ctx.db.backend().name().to_owned(),
            modules,
        };
        Self {
            body: JsonBytes::render(&meta),
        }
    }
}

#[OpenApi(tag = "MetaTags::Meta")]
impl MetaApi {
    /// Name, version, commit, database backend and mounted modules of this node.
    #[oai(path = "/v1/meta", method = "get", operation_id = "metaGet")]
    async fn get(&self) -> ApiResult<MetaResponse> {
        Ok(MetaResponse::Ok(JsonBytes::from_rendered(
            self.body.clone(),
        )))
    }
}
