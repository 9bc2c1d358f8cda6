import CZlibShim

/// Why gzip data could not be inflated.
public enum GunzipError: Error, Sendable, Equatable {
    /// The output passed the limit (inflating stopped there: a decompression bomb fills nothing).
    case tooLarge(limit: Int)
    /// The data ends before the gzip stream does.
    case truncated
    /// The data is not gzip, or is damaged.
    case corrupt(String)
}

/// Inflates `.gz` bytes through zlib, every member of a multi-member file, up to a size limit.
/// Shared by ingestion (submissions) and the archive reader.
public enum Gunzip {
    /// The inflated bytes; stops as soon as the output passes `limit`.
    public static func inflate(_ input: [UInt8], limit: Int) throws(GunzipError) -> [UInt8] {
        guard !input.isEmpty else { throw .truncated }
        // avail_in is 32 bits wide; gzip data this large is past any sane limit anyway.
        guard input.count < Int(UInt32.max) else { throw .tooLarge(limit: limit) }
        // zlib >= 1.2.9 checks that the stream has not moved: keep it on the heap.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { inflateEnd(stream); stream.deinitialize(count: 1); stream.deallocate() }
        guard czlib_inflate_init2(stream, 15 + 16) == Z_OK else {
            throw .corrupt("zlib could not start")
        }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(input.count * 4, 4096)))
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        var failure: GunzipError?
        input.withUnsafeBufferPointer { inBuf in
            var offset = 0
            while offset < inBuf.count {
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + offset)
                stream.pointee.avail_in = UInt32(inBuf.count - offset)
                var status: Int32 = Z_OK
                repeat {
                    status = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
                        stream.pointee.next_out = out.baseAddress
                        stream.pointee.avail_out = UInt32(chunk)
                        return CZlibShim.inflate(stream, Z_NO_FLUSH)
                    }
                    let produced = chunk - Int(stream.pointee.avail_out)
                    if output.count + produced > limit {
                        failure = .tooLarge(limit: limit)
                        return
                    }
                    output.append(contentsOf: buffer[0..<produced])
                    if status == Z_BUF_ERROR && stream.pointee.avail_in == 0 { break }
                } while status == Z_OK
                let consumed = (inBuf.count - offset) - Int(stream.pointee.avail_in)
                switch status {
                case Z_STREAM_END:
                    offset += consumed
                    // Another member may follow; trailing zero padding ends the file.
                    if inBuf[offset...].allSatisfy({ $0 == 0 }) { return }
                    inflateReset(stream)
                case Z_BUF_ERROR:
                    failure = .truncated
                    return
                default:
                    let message = stream.pointee.msg.map { String(cString: $0) } ?? "code \(status)"
                    failure = .corrupt(message)
                    return
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
