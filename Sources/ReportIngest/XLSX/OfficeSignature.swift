/// An Office file told by its first bytes, whatever its name says: a workbook renamed `.csv`, a registry saved as
/// a workbook, an `.xls` renamed `.xlsx` are each explained by what they are.
enum OfficeSignature: Equatable {
    /// A zip's local file header, as every `.xlsx` begins.
    case zip
    /// An OLE compound file: an `.xls`, or a password-protected (encrypted) workbook of any version.
    case ole

    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The signature `bytes` begin with; nil for anything else.
    init?(_ bytes: some Collection<UInt8>) {
        if bytes.starts(with: OfficeSignature.zipMagic) { self = .zip }
        else if bytes.starts(with: OfficeSignature.oleMagic) { self = .ole }
        else { return nil }
    }
}
