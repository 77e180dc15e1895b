import Charts

/// A control chart drawn for a file: the SVG document and what it holds.
public struct RenderedChart: Sendable, Hashable {
    public var svg: String
    public var points: Int
    public var signalled: Int
}

extension FaceStore {
    /// `chartPicture` drawn as a standalone SVG document of `width` x `height` pixels.
    public func chartSVG(_ characteristic: String, window: SampleWindow, width: Double = 1200, height: Double = 760)
        throws(FaceError) -> RenderedChart
    {
        let picture = try chartPicture(characteristic, window: window)
        return RenderedChart(
            svg: ControlChartRenderer(width: width, height: height).render(picture),
            points: picture.panels.first?.marks.count ?? 0,
            signalled: picture.panels.reduce(0) { $0 + $1.signalled.count })
    }
}

extension CapabilityStudy {
    /// The histogram as a standalone SVG document.
    public var histogramSVG: String { HistogramRenderer().render(histogram) }
}
