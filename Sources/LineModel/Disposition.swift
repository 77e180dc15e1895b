/// A review board's decision on a suspect lot (ISO 9001 8.7, IATF 16949 8.7.1).
public enum Disposition: Sendable, Hashable {
    /// The lot is fit for use as it is; nothing was wrong with it.
    case release
    /// Nonconforming but accepted under a customer or internal concession.
    case useAsIs(concession: String)
    /// Sent back for rework; it must be inspected again before it is released.
    case rework
    /// Downgraded to a lower grade (e.g. "B" or "C").
    case regrade(grade: String)
    case scrap
    case returnToVendor

    /// The stable text name used in storage and on the command line.
    public var name: String {
        switch self {
        case .release: "release"
        case .useAsIs: "use-as-is"
        case .rework: "rework"
        case .regrade: "regrade"
        case .scrap: "scrap"
        case .returnToVendor: "return-to-vendor"
        }
    }
}
