import Foundation

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

/// What the pipeline adds to the output beside the site's own files, written through the
/// same staging directory so it is published with the pages: the findings downloads and the
/// database.
public struct ExtraOutputs: Sendable {
    /// Files written with the pages.
    public var files: [(path: String, data: Data)]
    /// Writes the database into the output being built (its directory given), on a thread of
    /// its own while the pages render.
    public var database: (@Sendable (URL) throws -> Void)?
    /// For `update`: the downloads and the database are left as the output has them, for the
    /// caller to replace once the pages are out.
    public var later: Bool

    public init(
        files: [(path: String, data: Data)] = [], database: (@Sendable (URL) throws -> Void)? = nil,
        later: Bool = false
    ) {
        self.files = files
        self.database = database
        self.later = later
    }

    /// Extras written after the pages, by the caller.
    public static let later = ExtraOutputs(later: true)

    /// Files of the output something else writes, left in place.
    var keptPaths: [String] { later ? [SiteOutputs.database] + SiteOutputs.findings : [] }
}

/// The CSV downloads, each written on its own core.
public enum CSVDownload: CaseIterable, Sendable {
    case units, qualificationUnits, schemeUnits
    /// SKKNI decrees: their Daftar rows, and each unit's definition, elements and criteria:
    /// the database tables of the same names, with the decree and the printed number added.
    case decreeUnits, unitDefinitions, unitElements, unitCriteria

    public var path: String {
        switch self {
        case .units: "unduh/units.csv"
        case .qualificationUnits: "unduh/qualification_units.csv"
        case .schemeUnits: "unduh/scheme_units.csv"
        case .decreeUnits: "unduh/decree_units.csv"
        case .unitDefinitions: "unduh/unit_definitions.csv"
        case .unitElements: "unduh/unit_elements.csv"
        case .unitCriteria: "unduh/unit_criteria.csv"
        }
    }
}
