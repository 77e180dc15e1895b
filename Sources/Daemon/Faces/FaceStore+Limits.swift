import LineModel
import Store

extension FaceStore {
    /// `lineguard limits show`: the current control limits of each charted statistic and the
    /// current spec limits, one row each.
    public func limitsTable(_ characteristic: String) throws(FaceError) -> FaceTable {
        _ = try self.characteristic(characteristic)
        let id = CharacteristicID(characteristic)
        var rows: [[FaceValue]] = []
        for statistic in ["x", "mr", "xbar", "r", "s", "ewma"] {
            guard let limits = try read({ try reader.currentLimits(id, statistic: statistic) }) else { continue }
            rows.append([
                .text("control"), .text(statistic), .number(limits.center), .number(limits.sigma), .number(limits.lcl),
                .number(limits.ucl), .null, .null, .null, .text(limits.estimator), .integer(Int64(limits.phase1Count)),
                .text(limits.excluded.map(String.init).joined(separator: " ")), .time(limits.computedAt),
                .text(limits.approvedBy), .time(limits.approvedAt),
            ])
        }
        if let spec = try read({ try reader.specLimits(id) }) {
            rows.append([
                .text("spec"), .null, .null, .null, .null, .null, .number(spec.lsl), .number(spec.usl), .number(spec.target),
                .null, .null, .null, .null, .null, .null,
            ])
        }
        return FaceTable(
            columns: [
                "kind", "statistic", "center", "sigma", "lcl", "ucl", "lsl", "usl", "target", "estimator", "phase1_count",
                "excluded", "computed_at", "approved_by", "approved_at",
            ],
            rows: rows)
    }
}
