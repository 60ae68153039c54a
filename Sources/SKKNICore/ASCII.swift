extension UInt8 {
    /// `A`...`Z` as `a`...`z`, every other byte as it is: case folding for the byte scans that
    /// stand in for Foundation's case-insensitive string calls on ASCII text.
    public var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self + 0x20 : self }
}
