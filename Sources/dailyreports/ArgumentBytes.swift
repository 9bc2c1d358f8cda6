import Glibc

/// The bytes the command line gave for an argument: Swift decodes arguments as UTF-8 and replaces what is not,
/// so a file name that is not UTF-8 is found again in `argv` to be opened as the file system has it.
enum ArgumentBytes {
    static func of(_ argument: String) -> [UInt8] {
        guard argument.unicodeScalars.contains("\u{FFFD}") else { return Array(argument.utf8) }
        for i in 1..<Int(CommandLine.argc) {
            guard let p = CommandLine.unsafeArgv[i] else { continue }
            let bytes = Array(UnsafeRawBufferPointer(start: p, count: strlen(p)))
            if String(decoding: bytes, as: UTF8.self) == argument { return bytes }
        }
        return Array(argument.utf8)
    }
}
