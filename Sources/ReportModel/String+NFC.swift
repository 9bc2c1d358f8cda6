import Foundation

extension String {
    /// This text in Unicode NFC.
    ///
    /// Text with no combining mark (and none of the few characters NFC replaces) is already NFC
    /// and is returned as is: Foundation's normalization is slow, and most text needs none.
    public var nfc: String {
        String.mayNeedNFC(utf8) ? precomposedStringWithCanonicalMapping : self
    }

    /// Whether UTF-8 bytes hold anything NFC could change: combining marks (U+0300–U+036F,
    /// U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F), letterlike singletons
    /// (U+2126, U+212A, U+212B) or Hangul jamo.
    public static func mayNeedNFC<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        if let answer = bytes.withContiguousStorageIfAvailable(mayNeedNFC(buffer:)) { return answer }
        return Array(bytes).withUnsafeBufferPointer(mayNeedNFC(buffer:))
    }

    private static func mayNeedNFC(buffer b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            i += 1
            // Only lead bytes CC, CD, E1, E2 and EF can start what NFC changes; test them rarely.
            guard c >= 0xCC else { continue }
            if c == 0xCC || c == 0xCD { return true }
            guard i < n else { return false }
            let d = b[i]
            switch c {
            case 0xE1 where d == 0xAA || d == 0xAB || d == 0xB7 || (d >= 0x84 && d <= 0x87): return true
            case 0xE2 where d == 0x83 || d == 0x84: return true
            case 0xEF where d == 0xB8: return true
            default: continue
            }
        }
        return false
    }
}
