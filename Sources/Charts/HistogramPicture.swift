public import LineModel

/// A capability histogram: the values in bins against the spec limits and target, the mean,
/// and the normal curve of the within-process sigma the indices were computed with.
public struct HistogramPicture: Sendable, Hashable {
    public var title: String
    public var subtitle: String
    public var unit: String
    public var values: [Double]
    public var spec: SpecLimits
    public var mean: Double?
    /// Sigma of the normal curve drawn over the bars (nil: no curve).
    public var sigma: Double?
    /// Lines of text shown beside the plot (Cpk with its interval, expected ppm, n).
    public var notes: [String]
    /// Number of bins (nil: about the square root of the count, 6 to 40).
    public var bins: Int?

    public init(
        title: String, subtitle: String = "", unit: String = "", values: [Double], spec: SpecLimits,
        mean: Double? = nil, sigma: Double? = nil, notes: [String] = [], bins: Int? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.unit = unit
        self.values = values
        self.spec = spec
        self.mean = mean
        self.sigma = sigma
        self.notes = notes
        self.bins = bins
    }
}
