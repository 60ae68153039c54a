import Foundation

/// One short, actionable reason for a file-system error (Linux Foundation's own
/// descriptions are often just "The operation could not be completed").
public enum FileErrorText {
    public static func describe(_ error: Error) -> String {
        if let output = error as? OutputError { return output.description }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return posix(Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return posix(Int32(underlying.code))
        }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "berkas atau direktori tidak ada"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "izin ditolak"
            case NSFileWriteOutOfSpaceError: return "ruang disk habis"
            case NSFileWriteVolumeReadOnlyError: return "sistem berkas hanya-baca"
            case NSFileWriteFileExistsError: return "sudah ada"
            default: return ns.localizedDescription
            }
        }
        return String(describing: error)
    }

    static func posix(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "berkas atau direktori tidak ada"
        case EACCES, EPERM: return "izin ditolak"
        case ENOSPC: return "ruang disk habis"
        case EDQUOT: return "kuota disk habis"
        case EROFS: return "sistem berkas hanya-baca"
        case EISDIR: return "berupa direktori, bukan berkas"
        case ENOTDIR: return "bagian jalurnya bukan direktori"
        default: return String(cString: strerror(code))
        }
    }
}
