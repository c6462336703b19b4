//! Command-line interface.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Haven: the backend of a mental-health service.
#[derive(Debug, Parser)]
#[command(name = "haven", version)]
pub struct Cli {
    /// Settings file (default: ./haven.toml if present); env HAVEN__SECTION__KEY overrides.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API (and /metrics on the admin listener) until SIGTERM or SIGINT.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Add every module's demo data for development (after the migrations); a second run
    /// adds nothing. Demo accounts get the password in HAVEN_SEED_PASSWORD, else a random
    /// one that is printed.
    Seed,
    /// Print the OpenAPI document (or write it to --out) without touching a database.
    Openapi {
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Administration tasks.
    Admin {
        /// What to do.
        #[command(subcommand)]
        action: AdminAction,
    },
    /// Inspect configuration.
    Config {
        /// What to do with the configuration.
        #[command(subcommand)]
        action: ConfigAction,
    },
}

/// `haven config …`
#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print the merged settings with secrets redacted; exit non-zero naming a bad key.
    Check,
}

/// `haven admin …`
#[derive(Debug, Subcommand)]
pub enum AdminAction {
    /// Create an account (e.g. the first admin). The password is read from the
    /// environment variable HAVEN_ADMIN_PASSWORD, else from the first line of standard
    /// input; it must meet the password policy. Prints the new user id.
    CreateUser {
        /// The account's email address.
        #[arg(long)]
        email: String,
        /// A role to grant (repeatable): member, coach, clinician, admin. `member` is
        /// always granted.
        #[arg(long = "role", value_name = "ROLE", required = true)]
        roles: Vec<String>,
        /// The display name.
        #[arg(long)]
        display_name: Option<String>,
    },
}
