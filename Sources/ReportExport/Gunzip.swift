import CZlib
import ReportModel

/// Inflates whole gzip files with zlib, reading every member of a multi-member file.
enum Gunzip {
    /// The inflated bytes of `compressed`; throws `.dataError` when corrupt or past `limit` bytes.
    static func inflate(_ compressed: [UInt8], limit: Int, location: String) throws -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deinitialize(count: 1); stream.deallocate() }
        guard czlib_inflate_init2(stream, 15 + 16) == Z_OK else {
            throw ReportError(.internal, "inflateInit2 failed", location: location)
        }
        defer { inflateEnd(stream) }

        let chunkSize = 1 << 16
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { output.deallocate() }
        var result: [UInt8] = []
        try compressed.withUnsafeBytes { input in
            guard let base = input.baseAddress, input.count > 0 else {
                throw ReportError(.dataError, "empty gzip file", location: location)
            }
            let start = base.assumingMemoryBound(to: UInt8.self)
            var consumed = 0
            // avail_in is 32 bits wide: feed at most 1 GiB at a time.
            func feed() {
                stream.pointee.next_in = UnsafeMutablePointer(mutating: start + consumed)
                stream.pointee.avail_in = UInt32(min(input.count - consumed, 1 << 30))
            }
            feed()
            while true {
                stream.pointee.next_out = output
                stream.pointee.avail_out = UInt32(chunkSize)
                let status = CZlib.inflate(stream, Z_NO_FLUSH)
                let produced = chunkSize - Int(stream.pointee.avail_out)
                guard result.count + produced <= limit else {
                    throw ReportError(.dataError, "archive inflates past \(limit) bytes", location: location)
                }
                result.append(contentsOf: UnsafeBufferPointer(start: output, count: produced))
                consumed = UnsafePointer(stream.pointee.next_in) - start
                switch status {
                case Z_STREAM_END:
                    if consumed == input.count { return }
                    // zlib stops after one member; a concatenated gzip holds more.
                    inflateReset(stream)
                    feed()
                case Z_OK, Z_BUF_ERROR:
                    if stream.pointee.avail_in == 0 {
                        guard consumed < input.count else {
                            throw ReportError(.dataError, "gzip file is truncated", location: location)
                        }
                        feed()
                    } else if status == Z_BUF_ERROR {
                        throw ReportError(.internal, "inflate made no progress", location: location)
                    }
                default:
                    let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                    throw ReportError(.dataError, "gzip file is corrupt", cause: message, location: location)
                }
            }
        }
        return result
    }
}
