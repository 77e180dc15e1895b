import LineModel
import Logging
import Store

extension MultivariateHub {
    /// The hub of a configuration's `[[multivariate]]` tables, rebuilt from the database at
    /// `databasePath` (nil when there are none). `latest` gives a characteristic's latest stored
    /// samples (the pollers' replay history).
    static func restored(
        _ charts: [MultivariateSettings], databasePath: String, latest: (CharacteristicID) -> [Sample], logger: Logger
    ) throws -> MultivariateHub? {
        guard !charts.isEmpty else { return nil }
        // Unreadable, the store would look as if no limits were frozen: Phase I would start
        // again on the latest samples (during a drift, the drift would become the baseline).
        let reader = try StoreReader(path: databasePath)
        return restored(
            charts, storedLimits: { id in (try? reader.currentLimits(id, statistic: "t2")) ?? nil },
            samples: { id, range in
                (try? reader.samples(characteristic: id, from: range.lowerBound, to: range.upperBound, limit: 1_000_000)) ?? []
            },
            latest: latest, logger: logger)
    }
}
