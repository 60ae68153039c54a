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
        let library = try SiteGenerator.loadTemplates(siteDirectory.appendingPathComponent("templates"))
        // Our own stylesheet, inlined so the page needs no other file (it is not document text).
        let css =
            (try? String(contentsOf: siteDirectory.appendingPathComponent("static/style.css"), encoding: .utf8)) ?? ""
        let s = review.draft
        let counts = Dictionary(grouping: review.findings, by: { $0.diagnostic.severity }).mapValues(\.count)
        let context: [String: Any] = [
            "css": css, "title": s.name ?? s.title, "source": s.source, "type": s.packagingType.label,
            "level": s.level.map(String.init) ?? false, "owner": s.owner ?? false,
            "errors": counts[.error] ?? 0, "warnings": counts[.warning] ?? 0, "notes": counts[.note] ?? 0,
            "units": review.units.map {
                [
                    "place": place(s.source, $0.line), "code": $0.code, "title": $0.title, "status": $0.status,
                    "detail": $0.detail,
                    "ok": $0.ok,
                ]
            },
            "findings": review.findings.map { f -> [String: Any] in
                let d = f.diagnostic
                return [
                    "rule": d.rule, "name": d.name, "severity": d.severity.rawValue, "severityLabel": d.severity.label,
                    "message": d.message, "place": place(d.location.file, d.location.line), "fix": f.fix,
                    "sourceLine": sourceLine(d.location.file, d.location.line) ?? false,
                ]
            },
            "hasFindings": !review.findings.isEmpty,
            "qualification": review.qualification ?? false,
            "packaging": review.packaging.map {
                ["code": $0.code, "title": $0.title, "role": $0.role, "inDraft": $0.inDraft, "ok": $0.ok]
            },
        ]
        guard let html = library.render(context, withTemplate: "report") else {
            throw SiteError(description: "templat 'report' tidak ada")
        }
        return html
    }
}
