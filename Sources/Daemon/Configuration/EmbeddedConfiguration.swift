/// Configuration compiled into the binary, so that `lineguard demo` and `lineguard run`
/// without `--config` work from nothing but the executable.
public enum EmbeddedConfiguration {
    /// The text of config/demo.toml at build time.
    public static let demo = String(decoding: PackageResources.demo_toml, as: UTF8.self)
}
