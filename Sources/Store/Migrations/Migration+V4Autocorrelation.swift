extension Migration {
    /// Version 4 (frozen): the lag-1 autocorrelation a characteristic's Phase I estimated, for
    /// charts of autocorrelated values (`autocorrelation = "ar1"`): the EWMA's limits depend on
    /// it, so it is frozen with the limits and restored with them. NULL: values charted as
    /// independent.
    static let v4Autocorrelation = Migration(version: 4, name: "control_limit_autocorrelation", sql: """
        ALTER TABLE control_limit ADD COLUMN lag1_autocorrelation REAL;
        """)
}
