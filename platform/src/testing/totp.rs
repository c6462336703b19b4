//! An authenticator app for tests of accounts with a TOTP second factor (RFC 6238:
//! SHA-1, 6 digits, 30 s steps, as identity enrolls them).

use totp_rs::{Algorithm, Secret, TOTP};

/// Produces codes of increasing time steps, as an authenticator app would over time:
/// the server accepts each step once (one step of skew either side of now).
pub struct Authenticator {
    totp: TOTP,
    last_step: u64,
}

impl std::fmt::Debug for Authenticator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Authenticator")
            .field("last_step", &self.last_step)
            .finish_non_exhaustive()
    }
}

impl Authenticator {
    /// From the base32 secret of an enrollment.
    pub fn new(secret_base32: &str) -> Self {
        let secret = Secret::Encoded(secret_base32.to_owned())
            .to_bytes()
            .expect("a base32 TOTP secret");
        Self {
            totp: TOTP::new_unchecked(Algorithm::SHA1, 6, 0, 30, secret, None, String::new()),
            last_step: 0,
        }
    }

    fn now_step() -> u64 {
        u64::try_from(chrono::Utc::now().timestamp()).expect("a time after 1970") / 30
    }

    /// The code of the step `offset` steps from now (for codes the server must refuse).
    pub fn code_at(&self, offset: i64) -> String {
        let step = Self::now_step()
            .checked_add_signed(offset)
            .expect("a step after 1970");
        self.totp.generate(step * 30)
    }

    /// A valid code of a step not used before (at most three per 30 s).
    pub fn next_code(&mut self) -> String {
        let now = Self::now_step();
        let step = (self.last_step + 1).max(now - 1);
        assert!(step <= now + 1, "more than three codes in one 30 s window");
        self.last_step = step;
        self.totp.generate(step * 30)
    }

    /// A valid code of a step not used before, never older than the current step: the
    /// server still accepts it if a 30 s boundary passes before it arrives (a code of the
    /// previous step would then be two steps old). For set-up that must not flake; at
    /// most two per 30 s.
    pub fn fresh_code(&mut self) -> String {
        let now = Self::now_step();
        let step = (self.last_step + 1).max(now);
        assert!(
            step <= now + 1,
            "more than two fresh codes in one 30 s window"
        );
        self.last_step = step;
        self.totp.generate(step * 30)
    }

    /// The code of the last step handed out (a replay).
    pub fn last_code(&self) -> String {
        self.totp.generate(self.last_step * 30)
    }
}
