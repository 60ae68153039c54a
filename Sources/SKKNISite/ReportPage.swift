import Foundation
import SKKNICore

/// `skkni report`: one self-contained, printable page for a committee meeting.
public enum ReportPage {
    /// `place` names where a line is in the draft: `baris 16` in a text file, `tabel 1 baris 3`
    /// in a Word document.
    public static func render(
        _ review: DraftReview, siteDirectory: URL, sourceLine: (String, Int) -> String?,
        place: (String, Int) -> String = { _, line in "baris \(line)" }
    ) throws -> String {
        let library = try TemplateLibrary(directory: siteDirectory.appendingPathComponent("templates"))
        // Our own stylesheet, inlined so the page needs no other file (it is not document text).
        let css =
            (try? String(contentsOf: siteDirectory.appendingPathComponent("static/style.css"), encoding: .utf8)) ?? ""
        let context = self.context(review, css: css, sourceLine: sourceLine, place: place)
        guard let html = library.render(context, withTemplate: "report") else {
            throw SiteError(description: "templat 'report' tidak ada")
        }
        return String(decoding: html, as: UTF8.self)
    }

    static func context(
        _ review: DraftReview, css: String, sourceLine: (String, Int) -> String?, place: (String, Int) -> String
    ) -> TemplateObject {
        let s = review.draft
        let counts = Dictionary(grouping: review.findings, by: { $0.diagnostic.severity }).mapValues(\.count)
        return [
            "css": .text(css), "title": .text(s.name ?? s.title), "source": .text(s.source),
            "type": .text(s.packagingType.label), "level": .textOrFalse(s.level.map(String.init)),
            "owner": .textOrFalse(s.owner), "errors": .number(counts[.error] ?? 0),
            "warnings": .number(counts[.warning] ?? 0), "notes": .number(counts[.note] ?? 0),
            "units": .list(
                review.units.map {
                    [
                        "place": .text(place(s.source, $0.line)), "code": .text($0.code), "title": .text($0.title),
                        "status": .text($0.status), "detail": .text($0.detail), "ok": .flag($0.ok),
                    ]
                }),
            "findings": .list(
                review.findings.map { f in
                    let d = f.diagnostic
                    return [
                        "rule": .text(d.rule), "name": .text(d.name), "severity": .text(d.severity.rawValue),
                        "severityLabel": .text(d.severity.label), "message": .text(d.message),
                        "place": .text(place(d.location.file, d.location.line)), "fix": .text(f.fix),
                        "sourceLine": .textOrFalse(sourceLine(d.location.file, d.location.line)),
                    ]
                }),
            "hasFindings": .flag(!review.findings.isEmpty),
            "qualification": .textOrFalse(review.qualification),
            "packaging": .list(
                review.packaging.map {
                    [
                        "code": .text($0.code), "title": .text($0.title), "role": .text($0.role),
                        "inDraft": .text($0.inDraft), "ok": .flag($0.ok),
                    ]
                }),
        ]
    }
}
