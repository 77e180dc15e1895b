/// The one style sheet of every picture: high contrast, large type, colours that stay apart for
/// the common colour-vision deficiencies (limits red and dashed, spec limits purple and solid,
/// so shape tells them apart too).
enum ChartStyle {
    static let css = """
        .background{fill:#ffffff}\
        text{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;fill:#1a1a1a}\
        .title{font-size:26px;font-weight:bold}\
        .subtitle{font-size:16px;fill:#444444}\
        .panel-title{font-size:17px;font-weight:bold}\
        .tick{font-size:14px;fill:#333333}\
        .axis-label{font-size:14px;fill:#333333}\
        .frame{fill:none;stroke:#555555;stroke-width:1}\
        .grid{stroke:#e3e3e3;stroke-width:1}\
        .zone-c{fill:#e9f6ec}\
        .zone-b{fill:#fdf5d8}\
        .zone-a{fill:#fbe6dc}\
        .center{stroke:#1b7a35;stroke-width:2.5}\
        .limit{stroke:#c62828;stroke-width:2.5;stroke-dasharray:10 5}\
        .spec{stroke:#6a1b9a;stroke-width:3}\
        .target{stroke:#6a1b9a;stroke-width:1.5;stroke-dasharray:3 4}\
        .limit-label{font-size:15px;font-weight:bold;fill:#c62828}\
        .center-label{font-size:15px;font-weight:bold;fill:#1b7a35}\
        .spec-label{font-size:15px;font-weight:bold;fill:#6a1b9a}\
        .series{fill:none;stroke:#1f4e99;stroke-width:2}\
        .point{fill:#1f4e99}\
        .signal{fill:#d50000;stroke:#ffffff;stroke-width:1.5}\
        .signal-label{font-size:15px;font-weight:bold;fill:#ffffff}\
        .lot-boundary{stroke:#7a7a7a;stroke-width:1.5;stroke-dasharray:4 4}\
        .lot-label{font-size:13px;fill:#4a4a4a}\
        .phase-boundary{stroke:#1a1a1a;stroke-width:1.5;stroke-dasharray:2 3}\
        .bar{fill:#8fb1e3;stroke:#1f4e99;stroke-width:1}\
        .bar-out{fill:#f4a6a6;stroke:#c62828;stroke-width:1}\
        .curve{fill:none;stroke:#1b7a35;stroke-width:2.5}\
        .mean{stroke:#1f4e99;stroke-width:2;stroke-dasharray:6 4}\
        .legend{font-size:14px;fill:#333333}\
        .note{font-size:15px;fill:#1a1a1a}\
        .empty{font-size:20px;fill:#666666}
        """
}
