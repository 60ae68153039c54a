import Foundation
import SKKNICore

/// Reads a PDF as published into a document's lines, each with its place (`halaman 3 baris 12`).
///
/// poppler's `pdftotext -bbox-layout` runs in a bounded subprocess and gives every word with
/// its box; lines are rebuilt from those boxes and rendered like `pdftotext -layout` text, so
/// the text parsers read PDFs and layout text alike. Running headers, footers, page numbers
/// and watermarks are dropped; unit tables come out as one line per row.
public enum PDFReader {
    /// A PDF by its content (`%PDF-` within the first KiB, as readers accept), whatever its name.
    public static func looksLikePDF(_ data: Data) -> Bool {
        let head = data.prefix(1024)
        let magic = Array("%PDF-".utf8)
        guard head.count >= magic.count else { return false }
        return head.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            for start in 0...(bytes.count - magic.count) where bytes[start] == magic[0] {
                if (0..<magic.count).allSatisfy({ bytes[start + $0] == magic[$0] }) { return true }
            }
            return false
        }
    }

    public static func read(_ data: Data, path: String) throws(ImportError) -> DocumentText {
        try read(data, path: path, limits: .standard)
    }

    /// Reads with the given limits and tool (tests point these elsewhere).
    public static func read(_ data: Data, path: String, limits: PDFLimits) throws(ImportError) -> DocumentText {
        let pages = try PDFExtraction.pages(data, path: path, limits: limits).map { $0.upright() }
        return try document(from: pages, path: path, limits: limits)
    }

    /// A gap between lines that layout text shows as a blank line: clearly wider than the
    /// page's usual space between lines.
    static func paragraphGap(_ lines: [PDFLine]) -> Double {
        var gaps: [Double] = []
        for k in lines.indices.dropFirst() {
            let gap = lines[k].yMin - lines[k - 1].yMax
            if gap > 0 { gaps.append(gap) }
        }
        guard !gaps.isEmpty else { return 0 }
        gaps.sort()
        return gaps[gaps.count / 2] * 1.5
    }

    /// The document's lines from its pages of words.
    static func document(from pages: [PDFPage], path: String, limits: PDFLimits) throws(ImportError) -> DocumentText {
        guard !pages.isEmpty else { throw ImportError(file: path, message: "PDF tidak memiliki halaman") }
        guard pages.count <= limits.pages else {
            throw ImportError(
                file: path, message: "PDF lebih dari \(limits.pages) halaman; dokumen terlalu besar untuk dibaca")
        }
        guard pages.contains(where: { !$0.words.isEmpty }) else {
            throw ImportError(
                file: path,
                message:
                    "PDF tanpa lapisan teks (hasil pindai); jalankan OCR (misalnya ocrmypdf) atau gunakan berkas sumbernya"
            )
        }
        let raw = pages.enumerated().map { PDFLineBuilder.lines(of: $1, number: $0 + 1) }
        let (lines, furniture) = PDFPageArtifacts.remove(from: raw, sizes: pages.map { ($0.width, $0.height) })
        var tables = PDFUnitTables()
        let items = tables.assemble(lines)
        let renderer = PDFLineRenderer(pages: lines)

        var texts: [String] = []
        var places: [String] = []
        var notes: [(page: Int, line: Int)] = []
        texts.reserveCapacity(lines.reduce(0) { $0 + $1.count } + 2 * pages.count)
        places.reserveCapacity(texts.capacity)
        for (p, pageItems) in items.enumerated() {
            let page = p + 1
            if !texts.isEmpty {
                // A page break, as the form feed of layout text.
                texts.append("")
                places.append("halaman \(page)")
            }
            if pages[p].words.isEmpty {
                texts.append("")
                places.append("halaman \(page)")
                notes.append((page, texts.count))
                continue
            }
            var previous: PDFLine?
            var previousRow = false
            let paragraphGap = PDFReader.paragraphGap(pageItems.map(\.line))
            for item in pageItems {
                if let previous, !(item.row != nil && previousRow) {
                    // A paragraph gap: a blank line, as layout text has.
                    let gap = item.line.yMin - previous.yMax
                    if gap > max(paragraphGap, 0.9 * min(previous.height, item.line.height)) {
                        texts.append("")
                        places.append("halaman \(page) baris \(previous.number)")
                    }
                }
                if let row = item.row {
                    texts.append(tables.rows[row].text)
                } else {
                    texts.append(renderer.render(item.line.words))
                }
                places.append("halaman \(page) baris \(item.line.number)")
                previous = item.line
                previousRow = item.row != nil
            }
        }
        var document = DocumentText(path: path, lines: texts, places: places, encoding: "PDF")
        document.furniture = furniture
        document.readerNotes = notes.map { note in
            ImportIssue.pageWithoutText.diagnostic(
                "halaman \(note.page) tidak memiliki lapisan teks (gambar hasil pindai); isinya tidak terbaca",
                file: path, line: note.line, subject: (path as NSString).lastPathComponent)
        }
        return document
    }
}
