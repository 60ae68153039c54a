import Foundation
import SKKNICore

/// Reads a PDF as published into a document's lines, each with its place (`halaman 3 baris 12`).
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
        throw ImportError(file: path, message: "PDF belum dapat dibaca")
    }
}
