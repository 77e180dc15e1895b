/// Configuration compiled into the binary, so that `lineguard demo` and `lineguard run`
/// without `--config` work from nothing but the executable.
public enum EmbeddedConfiguration {
    /// The text of config/demo.toml at build time.
    public static let demo = String(decoding: PackageResources.demo_toml, as: UTF8.self)
    /// seeds/lines/reference-line.toml: the simulated reference line.
    public static let referenceLine = String(decoding: PackageResources.reference_line_toml, as: UTF8.self)
    /// seeds/lines/reference-line.lineguard.toml: the daemon configuration generated for it
    /// (with the line study's limits; endpoints are replaced by the simulator's ports).
    public static let referenceLineConfiguration = String(
        decoding: PackageResources.reference_line_lineguard_toml, as: UTF8.self)
    /// seeds/scenarios/demo-mix.toml: the scenario mix of `lineguard demo`.
    public static let demoMix = String(decoding: PackageResources.demo_mix_toml, as: UTF8.self)
}
