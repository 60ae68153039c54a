import Foundation
import SKKNICore

/// Reads the text of a certification scheme (skema sertifikasi): its cover, packaging type,
/// cited decrees, unit table and applicant requirements.
struct SchemeParser {
    let document: DocumentText
    let id: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Indices of running headers and footers (see `pageFurniture`).
    private var furniture: Set<Int> = []

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
        // A table row (`5.  N.78SPS02.061.01  Melakukan …`) or a table of contents line
        // (`2. Persyaratan Dasar …… 2`) is no heading.
        if let word = UnitRowParser.words(title[...]).first, UnitRowParser.looksLikeUnitCode(word) { return nil }
        if LineText.mentions(title, "....") || (title.containsByte(0xE2) && title.contains("\u{2026}")) { return nil }
        return (number, title)
    }

    /// `NO KODE UNIT JUDUL UNIT` and its variants: `No.`, `Kode Unit`, `Judul Unit Kompetensi`,
    /// `Unit Kompetensi`, or no number column (`Kode Unit   Judul Unit`).
    static func isTableHeader(_ plain: String) -> Bool {
        // Cheap test first: the header starts with NO or KODE (any case).
        var bytes = plain.utf8.makeIterator()
        guard let n = bytes.next(), let o = bytes.next() else { return false }
        let startsWithNo = n | 0x20 == 0x6E && o | 0x20 == 0x6F
        let startsWithKode = n | 0x20 == 0x6B && o | 0x20 == 0x6F
        guard startsWithNo || startsWithKode else { return false }
        var words = plain.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        if startsWithNo {
            guard words.count >= 3, words[0] == "NO" || words[0] == "NO." else { return false }
            words.removeFirst()
            if words[0] == "KODE" && words[1] == "UNIT" { return true }
            return false
        }
        // Without a number column the title column must follow, and no `Kode Unit : …` value.
        guard words.count >= 4, words[0] == "KODE", words[1] == "UNIT", !plain.contains(":") else { return false }
        return words[2] == "JUDUL" || (words[2] == "UNIT" && words[3].hasPrefix("KOMPETENSI"))
            || (words[2] == "NAMA" && words[3] == "UNIT")
    }

    /// A scheme's title line, `SKEMA SERTIFIKASI …`, also numbered (`1. Skema Sertifikasi
    /// Persiapan Ekspor`) or as a running header with a page number or document number beside
    /// it; nil for other lines. The title is cut at the column gap.
    static func titleText(_ raw: String) -> String? {
        var plain = LineText.plain(raw)
        // Cheap test first: every line is asked, and an ASCII line without the words cannot be
        // the heading (a non-ASCII one may be by case mapping, and takes the full test).
        if plain.isASCIIText, !LineText.mentions(plain, "skema sertifikasi") { return nil }
        if let first = plain.utf8.first, first >= 0x30, first <= 0x39 {
            let words = UnitRowParser.words(plain[...])
            guard words.count > 1, UnitRowParser.rowNumber(words[0]) != nil else { return nil }
            plain = LineText.trimmed(String(plain[words[0].endIndex...]))
        }
        // A heading, in capitals or Title Case; `skema sertifikasi.` in a sentence is none.
        guard LineText.hasUppercasedPrefix(plain, "SKEMA SERTIFIKASI"), plain.first == "S" else { return nil }
        // Columns of a layout: the running header's page number or document number.
        var end = plain.endIndex
        if let tab = plain.firstIndex(of: "\t") { end = tab }
        if let gap = plain.range(of: "   "), gap.lowerBound < end { end = gap.lowerBound }
        var title = LineText.trimmed(String(plain[..<end]))
        if let last = title.split(separator: " ").last, last.allSatisfy({ $0.isASCII && $0.isNumber }),
            title.split(separator: " ").count > 3
        {
            title = LineText.trimmed(String(title.dropLast(last.count)))
        }
        return title
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

    /// `SKEMA SERTIFIKASI` followed by the scheme's name.
    static func hasName(_ title: String) -> Bool { title.count > "SKEMA SERTIFIKASI".count + 1 }

    mutating func parse() throws(ImportError) -> Scheme {
        let titleIndex = document.lines.firstIndex(where: { SchemeParser.titleText($0) != nil })
        // A PDF whose cover is a picture may name the scheme only in its running header.
        let runningTitle = document.furniture.lazy.compactMap(SchemeParser.titleText).first(where: SchemeParser.hasName)
        var title = titleIndex.map(readTitle)
        if title.map(SchemeParser.hasName) != true, let runningTitle { title = runningTitle }
        guard let title else {
            throw ImportError(file: document.path, line: 1, message: "tidak ditemukan judul 'SKEMA SERTIFIKASI'")
        }
        var scheme = Scheme(id: id, source: document.path, line: (titleIndex ?? 0) + 1, title: title)
        furniture = SchemeParser.pageFurniture(document)
        readCover(into: &scheme)
        readBody(into: &scheme)
        typeFromTitle(into: &scheme)
        readDetailBlocks(of: scheme)
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
            guard let plain = SchemeParser.titleText(lines[i]) else { continue }
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
        return SchemeParser.titleText(lines[start]) ?? LineText.plain(lines[start])
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
        var sectionTitle = ""
        var inRequirements = false
        var inReferences: [Bool] = []
        var i = 0
        while i < lines.count {
            let raw = lines[i]
            let lineNumber = i + 1
            let plain = document.plainLines[i]
            if let heading = SchemeParser.topSection(raw), heading.number >= section {
                section = heading.number
                sectionTitle = heading.title
                inRequirements = SchemeParser.isRequirementsSection(heading.title)
                i += 1
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
                let furniture = self.furniture
                let title = scheme.title
                var table = SchemeUnitTable(
                    document: document, header: i, subject: id,
                    isArtifact: { [document] in
                        furniture.contains($0) || SchemeParser.isPageArtifact(document.plainLines[$0], title: title)
                    })
                i = table.read(from: i + 1)
                scheme.units += table.units
                diagnostics += table.diagnostics
                continue
            }
            if inRequirements, !plain.isEmpty,
                !SchemeParser.isPageArtifact(plain, title: scheme.title), !furniture.contains(i)
            {
                scheme.requirements.append(plain)
            }
            i += 1
        }
    }

    /// The applicants' requirements: the section named `Persyaratan Dasar …` (6 in the BNSP
    /// template, 2 in the LSP Signal guides), wherever it stands.
    static func isRequirementsSection(_ title: String) -> Bool {
        LineText.containsFolded(title, "persyaratan dasar")
    }

    /// Lines repeated on every page: all in capitals (a page number or document number
    /// aside) and found at least twice, such as `LSP TRAINER KOMPETEN INDONESIA   3`.
    static func pageFurniture(_ document: DocumentText) -> Set<Int> {
        var keys: [String: [Int]] = [:]
        for (i, plain) in document.plainLines.enumerated() where !plain.isEmpty {
            // Nearly every line has a lower-case letter: rejected on its bytes, without splitting.
            if plain.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { continue }
            var words = plain.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if plain.isASCIIText {
                // No a-z (above): a letter is A-Z, and nothing is lower-case.
                while let last = words.last, last.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { words.removeLast() }
                guard words.count >= 2, plain.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { continue }
            } else {
                while let last = words.last, last.allSatisfy({ $0.isNumber }) { words.removeLast() }
                guard words.count >= 2, plain.contains(where: { $0.isLetter }),
                    !plain.contains(where: { $0.isLowercase })
                else { continue }
            }
            if words.contains(where: { UnitRowParser.looksLikeUnitCode($0) }) { continue }
            keys[words.joined(separator: " "), default: []].append(i)
        }
        var found: Set<Int> = []
        for (key, lines) in keys where lines.count >= 2 && !SchemeParser.isTableHeader(key) {
            found.formUnion(lines)
        }
        return found
    }

    /// A scheme that does not say its packaging type, or left the template's choice untouched
    /// (`KKNI/Okupasi/Klaster`), takes it from its title when the title names one. A template
    /// line someone edited (`KKNI-/ Okupasi /Klaster`, `KKN/Okupasi/Klaster`) stays unspecified:
    /// the choice may have been marked in a way the text lost (struck through), and the checker
    /// reports it (scheme-type-unspecified).
    private mutating func typeFromTitle(into scheme: inout Scheme) {
        guard scheme.packagingType == .unspecified, let type = SchemeParser.typeNamed(in: scheme.title) else { return }
        if let text = scheme.packagingTypeText {
            let squeezed = text.lowercased().filter { !$0.isWhitespace }
            guard squeezed == "kkni/okupasi/klaster" else { return }
            scheme.packagingType = type
            diagnostics.append(
                ImportIssue.typeFromTitle.diagnostic(
                    "jenis kemasan masih teks templat \"\(text)\"; jenisnya diambil dari judul skema: \(type.rawValue)",
                    file: document.path, line: scheme.packagingTypeLine ?? scheme.line, subject: id))
        } else {
            scheme.packagingType = type
            diagnostics.append(
                ImportIssue.typeFromTitle.diagnostic(
                    "skema tidak menyatakan jenis kemasan (baris 'Jenis Kemasan' atau 'Jenis Skema' tidak ada); jenisnya diambil dari judul skema: \(type.rawValue)",
                    file: document.path, line: scheme.line, subject: id))
        }
    }

    /// The packaging type a title names: `SKEMA SERTIFIKASI OKUPASI …`, `Skema Klaster …`.
    static func typeNamed(in title: String) -> SchemeType? {
        let words = title.uppercased().split(whereSeparator: { !$0.isLetter })
        for (i, word) in words.enumerated() {
            switch word {
            case "OKUPASI":
                return i + 1 < words.count && words[i + 1] == "NASIONAL" ? .okupasiNasional : .okupasi
            case "KLASTER", "KLASSTER", "CLUSTER": return .klaster
            case "KKNI": return .kkni
            default: continue
            }
        }
        return nil
    }

    // MARK: Detail blocks

    /// One `Kode Unit : … / Judul Unit : …` block of a "Rincian Unit Kompetensi".
    struct DetailBlock {
        var line: Int
        var codeText: String
        var titleLine: Int?
        var title: String
    }

    /// The detail blocks of a Panduan Uji Kompetensi, compared with the unit list: each block
    /// should repeat a listed unit's code and title, and each listed unit should have a block.
    /// Disagreements are reported (detail-block-mismatch); the list stays the scheme's units.
    private mutating func readDetailBlocks(of scheme: Scheme) {
        let blocks = detailBlocks()
        guard !blocks.isEmpty, !scheme.units.isEmpty else { return }
        let units = scheme.units
        var matched = Array(repeating: false, count: units.count)
        var pendingBlocks: [DetailBlock] = []
        func report(_ message: String, _ line: Int) {
            diagnostics.append(
                ImportIssue.detailMismatch.diagnostic(message, file: document.path, line: line, subject: id))
        }
        func compareTitles(_ block: DetailBlock, _ unit: SchemeUnit) {
            guard SchemeParser.wordingKey(block.title) != SchemeParser.wordingKey(unit.cleanTitle) else { return }
            report(
                "judul unit \(unit.code.raw) di rincian (\"\(TitleText.clean(block.title))\") berbeda dengan daftar unit \(document.lineName(unit.line)) (\"\(unit.cleanTitle)\")",
                block.titleLine ?? block.line)
        }
        // The same code first, so that a block is never paired with the wrong unit.
        for block in blocks {
            if let k = units.indices.first(where: { !matched[$0] && units[$0].code.raw == block.codeText }) {
                matched[k] = true
                compareTitles(block, units[k])
            } else {
                pendingBlocks.append(block)
            }
        }
        for block in pendingBlocks {
            let words = UnitRowParser.words(block.codeText[...])
            let codeWord = words.first(where: { UnitRowParser.looksLikeUnitCode($0) }).map {
                UnitRowParser.splitGluedNumber($0).code
            }
            let code = codeWord.map { UnitCode(String($0)) }
            let shown = "'\(block.codeText)'"
            // A code written wrongly (`J J.63OPR00.009.2`) around a listed one.
            if let code, words.count > 1 || code.raw != block.codeText,
                let k = units.indices.first(where: { !matched[$0] && units[$0].code == code })
            {
                matched[k] = true
                report(
                    "kode unit di rincian \(shown) rusak; daftar unit \(document.lineName(units[k].line)) menulis \(units[k].code.raw)",
                    block.line)
                compareTitles(block, units[k])
                continue
            }
            // Another version of a listed unit.
            if let code,
                let k = units.indices.first(where: { !matched[$0] && units[$0].code.identity == code.identity })
            {
                matched[k] = true
                report(
                    "versi kode unit berbeda: rincian \(code.raw), daftar unit \(document.lineName(units[k].line)) \(units[k].code.raw)",
                    block.line)
                compareTitles(block, units[k])
                continue
            }
            // Another code for a listed title.
            let key = SchemeParser.wordingKey(block.title)
            if !key.isEmpty,
                let k = units.indices.first(where: {
                    !matched[$0] && SchemeParser.wordingKey(units[$0].cleanTitle) == key
                })
            {
                matched[k] = true
                report(
                    "kode unit berbeda untuk judul \"\(units[k].cleanTitle)\": rincian \(shown), daftar unit \(document.lineName(units[k].line)) \(units[k].code.raw)",
                    block.line)
                continue
            }
            report(
                "unit \(shown) (\"\(TitleText.clean(block.title))\") ada di rincian tetapi tidak ada di daftar unit",
                block.line)
        }
        for (k, unit) in units.enumerated() where !matched[k] {
            report("unit \(unit.code.raw) di daftar unit tidak memiliki blok rincian (Kode Unit : …)", unit.line)
        }
    }

    /// Every `Kode Unit : …` line whose value holds something code-shaped, with the `Judul
    /// Unit : …` below it joined over its wrapped lines (and over a page break).
    private func detailBlocks() -> [DetailBlock] {
        var blocks: [DetailBlock] = []
        let plains = document.plainLines
        for (i, plain) in plains.enumerated() {
            guard LineText.mentions(plain, "kode unit"), let value = SchemeParser.value(of: "Kode Unit", in: plain),
                UnitRowParser.words(value[...]).contains(where: { UnitRowParser.looksLikeUnitCode($0) })
            else { continue }
            var block = DetailBlock(line: i + 1, codeText: TitleText.collapseWhitespace(value), title: "")
            var j = i + 1
            while j < min(plains.count, i + 4) {
                if let title = SchemeParser.value(of: "Judul Unit", in: plains[j]) {
                    block.titleLine = j + 1
                    block.title = title
                    block.title += continuation(after: j)
                    break
                }
                j += 1
            }
            blocks.append(block)
        }
        return blocks
    }

    /// The wrapped lines of the value on line index `start`: indented to the value's column,
    /// until a blank line, another `Label :` line or the end of the wrapped text; a page break
    /// (blank lines with a running header among them) is stepped over.
    private func continuation(after start: Int) -> String {
        let raw = document.lines[start]
        guard let colon = raw.firstIndex(of: ":") else { return "" }
        let valueColumn = raw.distance(from: raw.startIndex, to: colon) + 1
        var text = ""
        var j = start + 1
        while j < document.lines.count {
            let plain = document.plainLines[j]
            if plain.isEmpty || furniture.contains(j) || SchemeParser.isPageArtifact(plain, title: "") {
                // Step over a page break only; a blank line alone ends the value.
                var k = j
                var sawArtifact = false
                while k < document.lines.count,
                    document.plainLines[k].isEmpty || furniture.contains(k)
                        || SchemeParser.isPageArtifact(document.plainLines[k], title: "")
                {
                    if !document.plainLines[k].isEmpty { sawArtifact = true }
                    k += 1
                }
                guard sawArtifact else { break }
                j = k
                continue
            }
            let line = document.lines[j]
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
            if indent < valueColumn - 1 || SchemeParser.isLabelLine(plain) { break }
            // The first line of the next label's value, centred on its label (`Deskripsi Unit :`
            // below it going on in lower case), is not part of this value.
            if j + 1 < document.lines.count, SchemeParser.isLabelLine(document.plainLines[j + 1]),
                let colon = document.plainLines[j + 1].firstIndex(of: ":"),
                let next = document.plainLines[j + 1][document.plainLines[j + 1].index(after: colon)...]
                    .first(where: { !$0.isWhitespace }), next.isLowercase
            {
                break
            }
            text += " " + plain
            j += 1
        }
        return text
    }

    /// `Deskripsi Unit : …`, `Elemen Kompetensi`: a label starting the line.
    static func isLabelLine(_ plain: String) -> Bool {
        if let colon = plain.firstIndex(of: ":") {
            let label = plain[..<colon]
            if label.split(separator: " ").count <= 3, label.first?.isUppercase == true { return true }
        }
        return LineText.hasLowercasedPrefix(plain, "elemen kompetensi")
    }

    /// Titles compared for wording: letters and digits only, in lower case, so that case,
    /// dashes and spacing do not count (`Pengolah Kata – Tingkat` = `Pengolah Kata Tingkat`).
    static func wordingKey(_ title: String) -> String {
        TitleText.clean(title).lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(
            separator: " ")
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

extension Importer {
    /// Why a document is neither a decree nor a scheme: the kind it came closest to, what it
    /// lacks, at the line nearest to what is missing (a line that looks like a table header
    /// but is not one, a unit row without a header, the title).
    static func refusal(_ document: DocumentText) -> ImportError {
        let plains = document.plainLines
        let prefix = "bukan dokumen yang dikenali: "
        func error(_ index: Int, _ message: String) -> ImportError {
            ImportError(file: document.path, line: index + 1, message: prefix + message)
        }
        let schemeTitle = document.lines.firstIndex { SchemeParser.titleText($0) != nil }
        let tableHeader = plains.firstIndex(where: SchemeParser.isTableHeader)
        let decreeHeader = plains.firstIndex {
            LineText.hasUppercasedPrefix($0, "KEPUTUSAN MENTERI")
                || LineText.hasUppercasedPrefix($0, "PERATURAN MENTERI")
        }
        // A line that names the code column but is no header (`Kode Unit` alone, `No Kode Judul`),
        // or a numbered title column without the code column (`No. Judul Unit`).
        let nearHeader = plains.firstIndex { plain in
            guard !SchemeParser.isTableHeader(plain), plain.count < 100 else { return false }
            if LineText.hasLowercasedPrefix(plain, "no"), LineText.mentions(plain, "judul unit") { return true }
            return LineText.mentions(plain, "kode") && SchemeParser.value(of: "Kode Unit", in: plain) == nil
                && (LineText.mentions(plain, "kode unit") || LineText.mentions(plain, "judul"))
        }
        let firstRow = plains.firstIndex { plain in
            UnitRowParser.words(plain[...]).prefix(3).contains { UnitRowParser.looksLikeUnitCode($0) }
        }
        if let title = schemeTitle, title < Importer.headingWindow, tableHeader == nil {
            let titleText = SchemeParser.titleText(document.lines[title]) ?? ""
            if let near = nearHeader {
                return error(
                    near,
                    "paling mirip skema sertifikasi ('\(titleText)', \(document.lineName(title + 1))), tetapi tidak ada kepala tabel unit 'No | Kode Unit | Judul Unit'; baris ini mirip kepala tabel namun kolomnya tidak lengkap: '\(plains[near].prefix(80))'"
                )
            }
            if let row = firstRow {
                return error(
                    row,
                    "paling mirip skema sertifikasi ('\(titleText)', \(document.lineName(title + 1))), tetapi baris unit ini tidak didahului kepala tabel 'No | Kode Unit | Judul Unit'"
                )
            }
            return error(
                title,
                "paling mirip skema sertifikasi ('\(titleText)'), tetapi tidak ada tabel unit 'No | Kode Unit | Judul Unit'"
            )
        }
        if let title = schemeTitle, title >= Importer.headingWindow {
            return error(
                title,
                "paling mirip skema sertifikasi, tetapi judul 'SKEMA SERTIFIKASI …' baru muncul di \(document.lineName(title + 1)); judul skema harus ada di \(Importer.headingWindow) baris pertama"
            )
        }
        if let decree = decreeHeader, decree < Importer.headingWindow {
            let near = plains.firstIndex { LineText.mentions($0, "jenjang") && LineText.mentions($0, "kualifikasi") }
            return error(
                near ?? decree,
                "paling mirip KEPMEN ('\(plains[decree].prefix(60))', \(document.lineName(decree + 1))), tetapi tidak ada bagian 'A. JENJANG KUALIFIKASI … KELOMPOK …' yang dapat dibaca"
                    + (near != nil ? "; baris ini menyebut jenjang kualifikasi tetapi bukan kepala bagian" : ""))
        }
        if let header = tableHeader ?? firstRow {
            return error(
                header,
                "paling mirip skema sertifikasi (ada tabel unit), tetapi tidak ada judul 'SKEMA SERTIFIKASI …' di \(Importer.headingWindow) baris pertama"
            )
        }
        let first = document.lines.firstIndex { !LineText.isBlank($0) } ?? 0
        return error(
            first,
            "tidak ada kepala 'KEPUTUSAN MENTERI' dengan bagian 'JENJANG KUALIFIKASI', maupun judul 'SKEMA SERTIFIKASI' dengan tabel unit"
        )
    }
}
