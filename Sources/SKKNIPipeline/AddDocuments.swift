import Foundation
import SKKNICore
import SKKNIImport
import SKKNIPublish

/// `import FILE…`: new documents read first, all of them (one that is refused changes
/// nothing), then copied into the catalogue's sources one by one.
public enum AddDocuments {
    public struct Accepted {
        public var file: String
        public var diagnostics: [Diagnostic]
        public var text: DocumentText
    }

    /// Every file read as a document: those accepted, or, when any is refused, the refusals.
    public static func read(_ files: [String], paths: ProjectPaths) -> Result<[Accepted], RefusedDocuments> {
        var accepted: [Accepted] = []
        var refusals: [ImportError] = []
        for file in files {
            do throws(ImportError) {
                let (_, diagnostics, text) = try Importer.importFile(at: URL(fileURLWithPath: file), displayPath: file)
                let target = target(of: file, paths: paths)
                if !isInSources(file, paths: paths), FileManager.default.fileExists(atPath: target.path) {
                    throw ImportError(
                        file: file, message: "\(target.path) sudah ada; ganti nama berkas atau hapus yang lama dahulu")
                }
                accepted.append(Accepted(file: file, diagnostics: diagnostics, text: text))
            } catch {
                refusals.append(error)
            }
        }
        return refusals.isEmpty ? .success(accepted) : .failure(RefusedDocuments(errors: refusals))
    }

    /// Copies an accepted document into the sources (unless it is there already).
    public static func copy(_ document: Accepted, paths: ProjectPaths) throws(Unreadable) {
        guard !isInSources(document.file, paths: paths) else { return }
        let target = target(of: document.file, paths: paths)
        do {
            try FileManager.default.createDirectory(at: paths.sourcesURL, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: URL(fileURLWithPath: document.file), to: target)
        } catch {
            throw Unreadable(
                "\(document.file): galat: tidak dapat disalin ke \(target.path): \(FileErrorText.describe(error))")
        }
    }

    static func target(of file: String, paths: ProjectPaths) -> URL {
        paths.sourcesURL.appendingPathComponent((file as NSString).lastPathComponent)
    }

    static func isInSources(_ file: String, paths: ProjectPaths) -> Bool {
        target(of: file, paths: paths).standardizedFileURL.path == URL(fileURLWithPath: file).standardizedFileURL.path
    }
}

/// Documents `import` would not take, each with its reason.
public struct RefusedDocuments: Error {
    public var errors: [ImportError]
}
