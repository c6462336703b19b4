//! Export ids.

use haven_platform::define_id;

define_id!(
    /// An export of a member's data (`exp_…`).
    ExportId,
    "exp"
);
