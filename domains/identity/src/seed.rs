//! Demo data for development (`haven seed`): an admin, a few members and an organization
//! whose domain the members share. Idempotent: what exists is left as it is.

use base64::Engine;
use haven_platform::Fault;
use haven_platform::auth::Role;
use haven_platform::module::Seeded;

use crate::accounts;
use crate::accounts::error::RegisterError;
use crate::accounts::model::RegisterInput;
use crate::organizations::error::CreateOrganizationError;
use crate::organizations::model::NewOrganization;
use crate::service::IdentityService;

/// The environment variable whose value becomes the demo accounts' password; unset, a
/// random one is generated and printed once.
pub const SEED_PASSWORD_ENV: &str = "HAVEN_SEED_PASSWORD";

/// The demo accounts: email, display name, roles.
pub const DEMO_ACCOUNTS: &[(&str, &str, &[Role])] = &[
    (
        "admin@example.com",
        "Demo Admin",
        &[Role::Member, Role::Admin],
    ),
    ("ana@example.org", "Ana Demo", &[Role::Member]),
    ("ben@example.org", "Ben Demo", &[Role::Member]),
    ("cy@example.net", "Cy Demo", &[Role::Member]),
];

/// The demo organization and the work-email domain it sponsors.
pub const DEMO_ORGANIZATION: (&str, &str) = ("Example Org", "example.org");

impl IdentityService {
    /// Creates the demo accounts and organization that do not exist yet.
    pub async fn seed_demo_data(&self) -> anyhow::Result<Seeded> {
        let password = match std::env::var(SEED_PASSWORD_ENV) {
            Ok(p) if !p.is_empty() => p,
            _ => random_password()?,
        };
        let mut created = 0;
        let mut new_accounts = Vec::new();
        for (email, name, roles) in DEMO_ACCOUNTS {
            let input = RegisterInput {
                email: (*email).to_owned(),
                password: password.clone(),
                display_name: Some((*name).to_owned()),
            };
            match self.create_user(input, roles.to_vec()).await {
                Ok(_) => {
                    created += 1;
                    new_accounts.push(*email);
                }
                Err(RegisterError::EmailTaken) => {}
                Err(RegisterError::Invalid(problems)) => {
                    let reasons: Vec<String> = problems.0.into_iter().map(|p| p.message).collect();
                    anyhow::bail!("{SEED_PASSWORD_ENV}: {}", reasons.join(" "));
                }
                Err(e) => return Err(e.into()),
            }
        }
        let admin_email = DEMO_ACCOUNTS[0].0.to_owned();
        let admin = self
            .db
            // The primary: the demo admin was created a moment ago.
            .read_primary(move |conn| {
                accounts::repo::find_user_by_email(conn, &admin_email).map_err(Fault::from)
            })
            .await?
            .ok_or_else(|| anyhow::anyhow!("the demo admin vanished while seeding"))?;
        let (org_name, org_domain) = DEMO_ORGANIZATION;
        let organization = NewOrganization {
            name: org_name.to_owned(),
            allowed_domains: vec![org_domain.to_owned()],
        };
        let admin_id = admin.id;
        match self.create_organization(&admin_id, organization).await {
            Ok(_) => created += 1,
            // The demo domain is taken: the organization exists from an earlier run.
            Err(CreateOrganizationError::DomainTaken(_)) => {}
            Err(e) => return Err(e.into()),
        }
        let mut notes = Vec::new();
        if !new_accounts.is_empty() {
            let shown = if std::env::var(SEED_PASSWORD_ENV).is_ok_and(|p| !p.is_empty()) {
                format!("the password in {SEED_PASSWORD_ENV}")
            } else {
                format!("password {password}")
            };
            notes.push(format!(
                "identity: demo accounts {} created with {shown} (the admin enrolls a second \
                 factor before admin operations)",
                new_accounts.join(", ")
            ));
        }
        Ok(Seeded::Done { created, notes })
    }
}

/// 24 random bytes as base64url: 32 characters, well past the password policy.
fn random_password() -> anyhow::Result<String> {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes)
        .map_err(|e| anyhow::anyhow!("the OS random generator failed: {e}"))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}
