import Foundation
import SKKNICore
import SKKNIPublish

/// A scheme drafted in Word (.docx), read into the same lines the text importer parses,
/// each with its place in the document for diagnostics.
public enum WordDocument {
    /// Largest package part read, uncompressed. A real scheme's document.xml is well under
    /// 5 MiB; a ZIP bomb is refused instead of inflated.
    public static let maximumPartSize = 64 << 20

    /// True for data that starts like a ZIP package (every .docx does).
    static func looksLikePackage(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// Reads a .docx held in memory. ZIPFoundation's in-memory archives trap on some damaged
    /// packages (a read past the end of the data), so the bytes go through a private temporary
    /// file, which its file-backed reader handles with an error.
    public static func read(_ data: Data, path: String, maximumPartSize: Int = WordDocument.maximumPartSize)
        throws(ImportError) -> DocumentText
    {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "skkni-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try data.write(to: temporary, options: [.withoutOverwriting])
        } catch {
            throw ImportError(
                file: path, line: 1, message: "berkas sementara tidak dapat ditulis: \(FileErrorText.describe(error))")
        }
        return try read(contentsOf: temporary, data: data, path: path, maximumPartSize: maximumPartSize)
    }

    /// Reads a .docx file; `data` is its content, already read for telling Word from text.
    public static func read(
        contentsOf url: URL, data: Data, path: String, maximumPartSize: Int = WordDocument.maximumPartSize
    ) throws(ImportError) -> DocumentText {
        do throws(WordPackageError) {
            let package = try WordPackage(url: url, data: data, maximumPartSize: maximumPartSize)
            let numbering = try WordNumbering(numbering: package.numbering, styles: package.styles)
            let reader = WordBodyReader(numbering: numbering)
            try NamespacedXMLParser.parse(package.document, part: package.documentPart, handler: reader)
            guard !reader.lines.isEmpty else {
                throw WordPackageError("\(package.documentPart) tidak memuat paragraf atau tabel")
            }
            return DocumentText(
                path: path, lines: reader.lines.map(\.text), places: reader.lines.map(\.place), encoding: "docx")
        } catch {
            throw ImportError(file: path, line: 1, message: error.message)
        }
    }
}
