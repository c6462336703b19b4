//! `haven`: Haven's single binary.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    haven_app::run::main(haven_app::cli::Cli::parse())
}
