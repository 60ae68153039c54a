import Foundation
import SKKNIImport
import SKKNIPublish
import SKKNISite

/// A refused document as scripts read it: `{"refused": [{"file", "line", "message"}]}`.
public enum ImportRefusal {
    struct Item: Encodable {
        var file: String
        var line: Int?
        var message: String
    }

    public static func json(_ refusals: [ImportError]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let items = refusals.map { Item(file: $0.file, line: $0.line, message: $0.message) }
        let data = (try? encoder.encode(["refused": items])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension Pipeline {
    /// One build or import at a time per catalogue and per output: a lock on each of `targets`,
    /// held while the locks live (the kernel drops them if the process is killed).
    public static func lock(_ targets: URL...) throws(Unreadable) -> [BuildLock] {
        do {
            return try targets.map { try BuildLock(for: $0) }
        } catch {
            throw Unreadable("galat: \(FileErrorText.describe(error))")
        }
    }

    /// Today's date in the local calendar, as the report states it.
    public static func today() -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.day, .month, .year], from: Date())
        return ReportPage.Provenance.date(day: parts.day ?? 1, month: parts.month ?? 1, year: parts.year ?? 1970)
    }
}
