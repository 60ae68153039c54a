import Foundation

extension UInt8 {
    /// `A`...`Z` as `a`...`z`, every other byte as it is: case folding for the byte scans that
    /// stand in for Foundation's case-insensitive string calls on ASCII text.
    public var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self + 0x20 : self }
    public var asciiUppercased: UInt8 { self >= 0x61 && self <= 0x7A ? self - 0x20 : self }
    /// `0`-`9`, `A`-`Z`, `a`-`z`.
    public var isASCIIAlphanumeric: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }
}

extension StringProtocol {
    /// Whether every byte is ASCII, eight at a time on a native string's contiguous UTF-8
    /// (the generic `utf8.allSatisfy` runs for every line of every document several times).
    public var isASCIIText: Bool {
        utf8.withContiguousStorageIfAvailable { ASCIIScan.isASCII($0) } ?? utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether the UTF-8 holds `byte`, by memchr on contiguous storage.
    public func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }
}

public enum ASCIIScan {
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        while i + 8 <= count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < count {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Whether `text` holds `pattern`, ASCII letters compared without case.
    public static func containsFolded(_ text: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool
    {
        firstFolded(pattern, in: text, from: 0) != nil
    }

    /// Where `pattern` first occurs in `text` at or after `from`, ASCII letters compared
    /// without case.
    public static func firstFolded(
        _ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from: Int
    ) -> Int? {
        let m = pattern.count
        guard m > 0 else { return from }
        let n = text.count
        guard n >= m, let t = text.baseAddress, let p = pattern.baseAddress else { return nil }
        let first = p[0].asciiLowercased
        var start = from
        while start <= n - m {
            if t[start].asciiLowercased == first {
                var k = 1
                while k < m, t[start + k].asciiLowercased == p[k].asciiLowercased { k += 1 }
                if k == m { return start }
            }
            start += 1
        }
        return nil
    }
}
