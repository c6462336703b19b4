//! The mounted domain modules. Mounting a domain is one line in the `mount!` list below
//! (plus its construction in `wiring.rs` when it needs ports adapted).

use std::sync::Arc;

use haven_platform::module::ModuleInfo;

/// Declares [`Modules`]: one field per domain, their APIs combined in a tuple (poem-openapi's
/// `OpenApi` is not object-safe) and their object-safe halves in a list.
macro_rules! mount {
    ($($field:ident: $ty:ty),* $(,)?) => {
        /// Every mounted domain module.
        #[derive(Debug)]
        pub struct Modules {
            $(
                #[doc = concat!("The `", stringify!($field), "` domain.")]
                pub $field: Arc<$ty>,
            )*
        }

        impl Modules {
            /// The modules' OpenAPI operations, combined.
            pub fn api(&self) -> impl poem_openapi::OpenApi + 'static {
                // `()` first: poem-openapi has no impl for 1-tuples.
                ((), $(haven_platform::module::Module::api(&*self.$field),)*)
            }

            /// The modules as trait objects, in mount order.
            pub fn all(&self) -> Vec<&dyn ModuleInfo> {
                vec![$(&*self.$field as &dyn ModuleInfo),*]
            }

            /// The modules as shared trait objects, in mount order (for the platform's
            /// module directory).
            pub fn shared(&self) -> Vec<Arc<dyn ModuleInfo>> {
                vec![$(Arc::clone(&self.$field) as Arc<dyn ModuleInfo>),*]
            }
        }
    };
}

// Domain crates add themselves here, one line each.
mount!(
    identity: haven_identity::IdentityModule,
    content: haven_content::ContentModule,
    billing: haven_billing::BillingModule,
    care: haven_care::CareModule,
);

impl Modules {
    /// Names of the mounted modules.
    pub fn names(&self) -> Vec<String> {
        self.all().iter().map(|m| m.name().to_owned()).collect()
    }

    /// Every module's non-OpenAPI routes added to `route`.
    pub fn routes(&self, route: poem::Route) -> poem::Route {
        self.all()
            .into_iter()
            .fold(route, |route, m| m.routes(route))
    }
}
