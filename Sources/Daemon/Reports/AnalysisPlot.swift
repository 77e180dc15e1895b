import Charts
import LineModel
import SPC

/// The picture of an offline analysis (`lineguard analyze --plot FILE.svg`), drawn by the same
/// renderer as the CLI's `chart` command and the dashboard.
public enum AnalysisPlot {
    public static func svg(_ report: AnalysisReport, file: String, lsl: Double?, usl: Double?, target: Double?) -> String {
        let analysis = ChartAnalysis(phase1Count: report.phase1Count, excluded: report.excluded, charts: report.charts)
        let spec = lsl == nil && usl == nil ? nil : SpecLimits(lsl: lsl, usl: usl, target: target)
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let picture = ControlChartPicture(
            analysis: analysis, title: "\(report.chart.rawValue) chart of \(name)",
            subtitle: "Phase I: \(report.phase1Count) subgroups", spec: spec, rules: report.ruleSelection)
        return ControlChartRenderer().render(picture)
    }
}
