import Foundation
import SKKNICore

/// Reads the text of a certification scheme (skema sertifikasi): its cover, packaging type,
/// cited decrees, unit table and applicant requirements.
struct SchemeParser {
    let document: DocumentText
    let id: String
    private(set) var diagnostics: [Diagnostic] = []

    init(document: DocumentText, id: String) {
        self.document = document
        self.id = id
    }

    /// `5. KEMASAN / PAKET KOMPETENSI` -> 5; list items (`- 1.1.`) and sub-numbers are not sections.
    static func topSection(_ line: String) -> (number: Int, title: String)? {
        let trimmed = LineText.trimmed(LineText.withoutBold(line))
        // Cheap test first: a section heading starts with a digit.
        guard let lead = trimmed.utf8.first, lead >= 0x30, lead <= 0x39 else { return nil }
        guard let dot = trimmed.firstIndex(of: "."), let number = Int(trimmed[..<dot]), number < 20 else { return nil }
        let after = trimmed[trimmed.index(after: dot)...]
        guard after.first == " " else { return nil }
        let title = LineText.trimmed(String(after))
        guard let first = title.first, first.isLetter, first.isUppercase, title.count < 80 else { return nil }
        return (number, title)
    }

    static func isTableHeader(_ plain: String) -> Bool {
        // Cheap test first: the header starts with NO (any case).
        var bytes = plain.utf8.makeIterator()
        guard let n = bytes.next(), n | 0x20 == 0x6E, let o = bytes.next(), o | 0x20 == 0x6F else { return false }
        let words = plain.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        return words.count >= 3 && words[0] == "NO" && words[1] == "KODE" && words[2] == "UNIT"
    }

    /// Text after the first `:` of a `Label : value` line, when the label matches.
    static func value(of label: String, in plain: String) -> String? {
        guard LineText.mentions(plain, label), let range = LineText.range(ofFolded: label, in: plain) else {
            return nil
        }
        let after = plain[range.upperBound...]
        guard let colon = after.firstIndex(of: ":") else { return nil }
        let between = LineText.trimmed(String(after[..<colon]))
        guard between.isEmpty || between.count < 4 else { return nil }
        return LineText.trimmed(String(after[after.index(after: colon)...]))
    }

    static func packagingType(_ text: String) -> SchemeType {
        let lower = text.lowercased()
        // The template offers `KKNI/Okupasi/Klaster`; one left with more than one choice is unspecified.
        if lower.contains("/") { return .unspecified }
        if lower.contains("okupasi nasional") { return .okupasiNasional }
        if lower.contains("okupasi") { return .okupasi }
        if lower.contains("klaster") || lower.contains("klasster") || lower.contains("cluster") { return .klaster }
        if lower.contains("kkni") { return .kkni }
        return .unspecified
    }

    mutating func parse() throws(ImportError) -> Scheme {
        guard
            let titleIndex = document.plainLines.firstIndex(where: { $0.uppercased().hasPrefix("SKEMA SERTIFIKASI") })
        else {
            throw ImportError(file: document.path, line: 1, message: "tidak ditemukan judul 'SKEMA SERTIFIKASI'")
        }
        var scheme = Scheme(id: id, source: document.path, line: titleIndex + 1, title: readTitle(from: titleIndex))
        readCover(into: &scheme)
        readBody(into: &scheme)
        if scheme.units.isEmpty {
            diagnostics.append(
                ImportIssue.emptyTable.diagnostic(
                    "skema tidak memiliki baris unit (tabel 'NO KODE UNIT JUDUL UNIT')", file: document.path,
                    line: scheme.line, subject: id))
        }
        return scheme
    }

    /// The first `SKEMA SERTIFIKASI …` heading with a name, joined with a wrapped second line.
    private func readTitle(from start: Int) -> String {
        let lines = document.lines
        for i in start..<min(lines.count, start + 20) {
            let plain = LineText.plain(lines[i])
            guard plain.uppercased().hasPrefix("SKEMA SERTIFIKASI") else { continue }
            var title = plain
            if title.count <= "SKEMA SERTIFIKASI".count + 1 { continue }
            if i + 1 < lines.count {
                let next = LineText.plain(lines[i + 1])
                if !next.isEmpty, next == next.uppercased(), next.count < 60, next.first?.isLetter == true {
                    title += " " + next
                }
            }
            return TitleText.collapseWhitespace(title)
        }
        return LineText.plain(lines[start])
    }

    private mutating func readCover(into scheme: inout Scheme) {
        var standaloneLSP: String?
        var approvalLines: [Int] = []
        for (i, plain) in document.plainLines.enumerated() {
            if scheme.owner == nil, LineText.containsFolded(plain, "dikembangkan oleh "),
                let range = plain.lowercased().range(of: "dikembangkan oleh ")
            {
                let after = String(plain[range.upperBound...])
                let end = after.range(of: " untuk ")?.lowerBound ?? after.endIndex
                var owner = String(after[..<end])
                if let lsp = owner.range(of: "LSP") {
                    owner = String(owner[lsp.lowerBound...])
                } else if let bnsp = owner.range(of: "Badan Nasional") {
                    owner = String(owner[bnsp.lowerBound...])
                }
                scheme.owner = owner
            }
            if standaloneLSP == nil, plain.hasPrefix("LSP "), plain.count < 60, !plain.contains(":") {
                standaloneLSP = plain
            }
            if scheme.level == nil, let level = SchemeParser.level(in: plain) { scheme.level = level }
            if scheme.approvedDate == nil,
                LineText.containsFolded(plain, "disahkan") || LineText.containsFolded(plain, "ditetapkan")
            {
                if let date = IndonesianDate.find(in: plain) {
                    scheme.approvedDate = date.iso
                    scheme.approvedDateText = date.text
                }
            }
            if scheme.documentNumber == nil, LineText.containsFolded(plain, "nomor dokumen") {
                if LineText.containsFolded(plain, "nomor salinan") {
                    // OCR merged the labels and values of the cover table; the number is not trustworthy.
                    diagnostics.append(
                        ImportIssue.missingField.diagnostic(
                            "blok sampul rusak (label dan nilai tercampur); nomor dokumen tidak dapat dibaca dengan pasti",
                            file: document.path, line: i + 1, subject: id))
                } else if let value = SchemeParser.value(of: "Nomor Dokumen", in: plain) {
                    scheme.documentNumber = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(
                        String.init)
                }
            }
            if LineText.hasLowercasedPrefix(plain, "disahkan"), IndonesianDate.find(in: plain) == nil {
                approvalLines.append(i + 1)
            }
        }
        if scheme.owner == nil { scheme.owner = standaloneLSP }
        if scheme.approvedDate == nil, let line = approvalLines.first {
            diagnostics.append(
                ImportIssue.missingField.diagnostic(
                    "tanggal pengesahan skema kosong atau tidak terbaca", file: document.path, line: line, subject: id))
        }
    }

    static let levelPunctuation = CharacterSet(charactersIn: ".,;)")

    /// `Level V`, `Level 5`, `Jenjang 3`, `KKNI Level IV`.
    static func level(in text: String) -> Int? {
        guard LineText.mentions(text, "level") || LineText.mentions(text, "jenjang") else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        for (i, word) in words.enumerated() where i + 1 < words.count {
            // Most words are neither: compared by length before lowercasing.
            guard word.utf8.count == 5 || word.utf8.count == 7 else { continue }
            let lower = word.lowercased()
            guard lower == "level" || lower == "jenjang" else { continue }
            let next = words[i + 1].trimmingCharacters(in: SchemeParser.levelPunctuation)
            if let n = Int(next), (1...9).contains(n) { return n }
            let romans = ["I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9]
            if let n = romans[next] { return n }
        }
        return nil
    }

    private mutating func readBody(into scheme: inout Scheme) {
        let lines = document.lines
        var section = 0
        var inTable = false
        var lastUnit: Int?
        var sectionTitle = ""
        var inReferences: [Bool] = []
        for (i, raw) in lines.enumerated() {
            let lineNumber = i + 1
            let plain = document.plainLines[i]
            if let heading = SchemeParser.topSection(raw), heading.number >= section {
                section = heading.number
                sectionTitle = heading.title
                inTable = false
                lastUnit = nil
                continue
            }
            for citation in SchemeParser.ministerialDecrees(in: plain, line: lineNumber) {
                // The normative references (section 4) name decrees best; the cover may name them first.
                if let existing = scheme.citations.firstIndex(where: { $0.decreeID == citation.decreeID }) {
                    if !inReferences[existing], sectionTitle.uppercased().contains("ACUAN") {
                        scheme.citations[existing] = citation
                        inReferences[existing] = true
                    }
                } else {
                    scheme.citations.append(citation)
                    inReferences.append(sectionTitle.uppercased().contains("ACUAN"))
                }
            }
            if scheme.packagingTypeText == nil,
                let type = SchemeParser.value(of: "Jenis Kemasan", in: plain)
                    ?? SchemeParser.value(of: "Jenis Skema", in: plain)
            {
                scheme.packagingTypeText = type
                scheme.packagingType = SchemeParser.packagingType(type)
                scheme.packagingTypeLine = lineNumber
            }
            if scheme.name == nil, let name = SchemeParser.value(of: "Nama Skema", in: plain) {
                var cleaned = name
                if let cut = cleaned.range(of: "Rincian Unit", options: .caseInsensitive) {
                    cleaned = String(cleaned[..<cut.lowerBound])
                }
                cleaned = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: " :\t"))
                if !cleaned.isEmpty {
                    scheme.name = cleaned
                    scheme.nameLine = lineNumber
                }
            }
            if SchemeParser.isTableHeader(plain) {
                inTable = true
                continue
            }
            if inTable {
                if let row = UnitRowParser.parse(plain: plain, expectPrerequisites: false) {
                    scheme.units.append(
                        SchemeUnit(number: row.number, code: row.code, title: row.title, line: lineNumber))
                    lastUnit = scheme.units.count - 1
                } else if !plain.isEmpty, let last = lastUnit, SchemeParser.isContinuation(plain) {
                    scheme.units[last].title = TitleText.collapseWhitespace(scheme.units[last].title + " " + plain)
                    scheme.units[last].cleanTitle = TitleText.clean(scheme.units[last].title)
                    scheme.units[last].continuationLines = (scheme.units[last].continuationLines ?? []) + [lineNumber]
                } else if !plain.isEmpty {
                    lastUnit = nil
                    if UnitRowParser.looksLikeRow(plain) {
                        diagnostics.append(
                            ImportIssue.unreadableRow.diagnostic(
                                "baris tabel unit tidak dapat dibaca: \(plain.prefix(80))", file: document.path,
                                line: lineNumber, subject: id))
                    }
                } else {
                    lastUnit = nil
                }
                continue
            }
            if section == 6, !plain.isEmpty, !SchemeParser.isPageArtifact(plain, title: scheme.title) {
                scheme.requirements.append(plain)
            }
        }
    }

    /// A wrapped title goes on in lower case or with a connecting word, never as a number or heading.
    static func isContinuation(_ plain: String) -> Bool {
        guard let first = plain.first else { return false }
        return first.isLowercase || plain.hasPrefix("(")
    }

    /// Running headers, footers and lone years that a page break dropped into the text.
    static func isPageArtifact(_ plain: String, title: String) -> Bool {
        if plain.count == 4, Int(plain) != nil { return true }
        return LineText.hasUppercasedPrefix(plain, "SKEMA SERTIFIKASI")
    }

    /// Citations of ministerial decrees (`Keputusan Menteri … Nomor 313 Tahun 2013 tentang …`)
    /// in a line; a running paragraph may name several.
    static func ministerialDecrees(in plain: String, line: Int) -> [DecreeReference] {
        var found: [DecreeReference] = []
        guard LineText.mentions(plain, "keputusan menteri") else { return found }
        var searchStart = plain.startIndex
        while let start = LineText.range(ofFolded: "Keputusan Menteri", in: plain, from: searchStart) {
            searchStart = start.upperBound
            let words = DecreeReferenceScanner.words(String(plain[start.lowerBound...]))
            guard let match = DecreeReferenceScanner.matches(words: words).first else { continue }
            // The number must belong to this decree, not to one its title mentions.
            let before = words[..<match.endWord].joined(separator: " ").lowercased()
            guard !before.contains(" tentang ") else { continue }
            let title = DecreeReferenceScanner.title(after: match, in: words).map(endOfCitationTitle)
            found.append(DecreeReference(number: match.number, year: match.year, title: title, line: line))
        }
        return found
    }

    /// A title in running text ends where the next citation or sentence starts.
    static func endOfCitationTitle(_ title: String) -> String {
        var end = title.endIndex
        for marker in [", Keputusan", " dan Keputusan", ". ", "; ", ", dan "] {
            if let r = LineText.range(ofFolded: marker, in: title), r.lowerBound < end { end = r.lowerBound }
        }
        var result = String(title[..<end])
        while result.hasSuffix(".") || result.hasSuffix(",") { result.removeLast() }
        return result
    }
}

extension UnitRowParser {
    /// A line that starts like a numbered row but did not parse: worth a diagnostic.
    static func looksLikeRow(_ plain: String) -> Bool {
        let first = plain.split(whereSeparator: { $0 == " " || $0 == "\t" }).first
        return first.flatMap(rowNumber) != nil
    }
}
