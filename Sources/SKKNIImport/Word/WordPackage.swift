import Foundation
import ZIPFoundation

/// Why a Word file could not be read; the importer turns it into an `ImportError` for the file.
struct WordPackageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// The parts of a .docx package the importer needs, found through the package relationships
/// (`_rels/.rels`, then the main part's own `.rels`) rather than assumed file names.
struct WordPackage {
    var document: Data
    var documentPart: String
    var numbering: Data?
    var styles: Data?

    static let relationshipTypes = (
        officeDocument: "/officeDocument", numbering: "/numbering", styles: "/styles"
    )

    /// Opens the package at `url` (whose bytes are `data`) through ZIPFoundation's file-backed reader.
    init(url: URL, data: Data, maximumPartSize: Int = WordDocument.maximumPartSize) throws(WordPackageError) {
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw WordPackageError(
                "berkas Word 97-2003 (.doc) atau .docx terenkripsi: simpan sebagai .docx tanpa kata sandi")
        }
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw WordPackageError("bukan berkas .docx (arsip ZIP Office Open XML)")
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw WordPackageError("arsip .docx rusak: \(error)")
        }
        let rootRelationships = try WordPackage.relationships(
            archive, part: "_rels/.rels", base: "", limit: maximumPartSize)
        let main =
            rootRelationships.first { $0.type.hasSuffix(WordPackage.relationshipTypes.officeDocument) }?.target
            ?? "word/document.xml"
        guard let document = try WordPackage.read(archive, main, limit: maximumPartSize) else {
            throw WordPackageError("arsip tidak memuat bagian dokumen utama \(main): bukan dokumen Word")
        }
        self.document = document
        self.documentPart = main
        let directory = (main as NSString).deletingLastPathComponent
        let relationshipsPart =
            (directory.isEmpty ? "" : directory + "/") + "_rels/" + (main as NSString).lastPathComponent + ".rels"
        let partRelationships = try WordPackage.relationships(
            archive, part: relationshipsPart, base: directory, limit: maximumPartSize)
        func related(_ suffix: String, fallback: String) throws(WordPackageError) -> Data? {
            let target = partRelationships.first { $0.type.hasSuffix(suffix) }?.target ?? fallback
            return try WordPackage.read(archive, target, limit: maximumPartSize)
        }
        numbering = try related(WordPackage.relationshipTypes.numbering, fallback: "word/numbering.xml")
        styles = try related(WordPackage.relationshipTypes.styles, fallback: "word/styles.xml")
    }

    /// One part, inflated with a size cap and its CRC checked; nil when the archive lacks it.
    static func read(_ archive: Archive, _ path: String, limit: Int) throws(WordPackageError) -> Data? {
        guard let entry = archive[path] ?? archive["/" + path] else { return nil }
        guard entry.uncompressedSize <= UInt64(limit) else {
            throw WordPackageError("bagian \(path) terlalu besar (\(entry.uncompressedSize) byte) untuk sebuah draf")
        }
        var data = Data()
        do {
            let checksum = try archive.extract(entry) { chunk in
                data.append(chunk)
                // The header's size can lie; count what actually inflates.
                if data.count > limit { throw WordPackageError("bagian \(path) mengembang melebihi batas") }
            }
            guard checksum == entry.checksum else {
                throw WordPackageError("bagian \(path) rusak (CRC tidak cocok)")
            }
        } catch let error as WordPackageError {
            throw error
        } catch {
            throw WordPackageError("bagian \(path) tidak dapat dibuka: \(error)")
        }
        return data
    }

    struct Relationship {
        var type: String
        var target: String
    }

    /// Relationships of a part, with targets resolved against `base` (the part's folder).
    static func relationships(_ archive: Archive, part: String, base: String, limit: Int)
        throws(WordPackageError) -> [Relationship]
    {
        guard let data = try read(archive, part, limit: limit) else { return [] }
        let collector = RelationshipCollector()
        try NamespacedXMLParser.parse(data, part: part, handler: collector)
        return collector.found.compactMap { type, target, external in
            guard !external else { return nil }
            return Relationship(type: type, target: resolve(target, against: base))
        }
    }

    /// `numbering.xml` against `word` -> `word/numbering.xml`; `/word/x.xml` is absolute;
    /// `..` is followed but never above the package root.
    static func resolve(_ target: String, against base: String) -> String {
        var parts = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }
}

private final class RelationshipCollector: NamespacedXMLHandler {
    var found: [(String, String, Bool)] = []

    func start(_ name: QualifiedName, attributes: [QualifiedName: String]) {
        guard name.uri == OOXML.packageRelationships, name.local == "Relationship",
            let type = attributes[QualifiedName(uri: "", local: "Type")],
            let target = attributes[QualifiedName(uri: "", local: "Target")]
        else { return }
        let external = attributes[QualifiedName(uri: "", local: "TargetMode")] == "External"
        found.append((type, target, external))
    }
    func end(_ name: QualifiedName) {}
    func text(_ text: String) {}
}
