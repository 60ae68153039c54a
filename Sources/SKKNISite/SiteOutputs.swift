/// Every file of the output that is not a page, declared once: the build, the watch, the
/// downloads writer and the tests name them from here (`site/templates/layout.mustache` links
/// to each download; a test holds it to this list).
public enum SiteOutputs {
    /// The SQLite database of the catalogue and its findings.
    public static let database = "skkni.sqlite"
    public static let findingsJSON = "unduh/findings.json"
    public static let findingsSARIF = "unduh/findings.sarif"
    /// The findings downloads, written by the pipeline beside the pages.
    public static let findings = [findingsJSON, findingsSARIF]
    /// The CSV downloads, written with the pages.
    public static let csv = CSVDownload.allCases.map(\.path)
    /// Every download the layout links to.
    public static let downloads = [database] + findings + csv
}

/// The CSV downloads, each written on its own core.
public enum CSVDownload: CaseIterable, Sendable {
    case units, qualificationUnits, schemeUnits

    public var path: String {
        switch self {
        case .units: "unduh/units.csv"
        case .qualificationUnits: "unduh/qualification_units.csv"
        case .schemeUnits: "unduh/scheme_units.csv"
        }
    }
}
