import CZlibShim
import ReportModel

/// Compresses bytes into gzip with zlib's deflate, streaming output chunks into a sink.
public final class GzipWriter {
    private static let chunkSize = 1 << 16
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutablePointer<UInt8>
    private let sink: ([UInt8]) throws -> Void
    private var finished = false
    /// False when `deflateInit2` failed: there is no deflate state to end.
    private var started = false

    /// Starts one gzip member at `level` (0–9) whose compressed bytes go to `sink`.
    public init(level: Int = 6, sink: @escaping ([UInt8]) throws -> Void) throws {
        // zlib ≥ 1.2.9 refuses a z_stream that moved since init: keep it on the heap.
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(capacity: Self.chunkSize)
        self.sink = sink
        let status = czlib_deflate_init2(stream, Int32(clamping: level), 15 + 16)
        // Every stored property is set, so a throw from here runs deinit, which frees the buffers (once).
        guard status == Z_OK else {
            throw ReportError(.internal, "deflateInit2 failed", cause: ZlibStatus(status: status, level: level))
        }
        started = true
    }

    deinit {
        if started { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses `bytes`, handing any finished output to the sink.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Compresses the bytes of `buffer`, handing any finished output to the sink.
    public func write(_ buffer: UnsafeRawBufferPointer) throws {
        precondition(!finished, "GzipWriter.write after finish")
        guard var base = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            // avail_in is 32 bits wide.
            let piece = min(remaining, 1 << 30)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
            stream.pointee.avail_in = UInt32(piece)
            try pump(flush: Z_NO_FLUSH)
            base += piece
            remaining -= piece
        }
    }

    /// Ends the gzip member (trailer with CRC and length); further writes are an error.
    public func finish() throws {
        guard !finished else { return }
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try pump(flush: Z_FINISH)
        finished = true
    }

    private func pump(flush: Int32) throws {
        while true {
            stream.pointee.next_out = output
            stream.pointee.avail_out = UInt32(Self.chunkSize)
            let status = deflate(stream, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw ReportError(.internal, "deflate failed", cause: ZlibStatus(status: status, level: nil))
            }
            let produced = Self.chunkSize - Int(stream.pointee.avail_out)
            if produced > 0 { try sink(Array(UnsafeBufferPointer(start: output, count: produced))) }
            if flush == Z_FINISH {
                if status == Z_STREAM_END { return }
            } else if stream.pointee.avail_out != 0 {
                return
            }
        }
    }

    /// Compresses `bytes` into one complete gzip member.
    public static func compress(_ bytes: [UInt8], level: Int = 6) throws -> [UInt8] {
        try bytes.withUnsafeBytes { try compress($0, level: level) }
    }

    static func compress(_ buffer: UnsafeRawBufferPointer, level: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(buffer.count / 3 + 64)
        let writer = try GzipWriter(level: level) { result.append(contentsOf: $0) }
        try writer.write(buffer)
        try writer.finish()
        return result
    }

    /// Compresses `bytes` as two gzip members on two threads (when over 1 MB); `gzip -d` reads the concatenation.
    public static func compressParallel(_ bytes: [UInt8], level: Int = 6) throws -> [UInt8] {
        // Always two parts, whatever the core count, so that the output bytes
        // are the same on every machine.
        let parts = bytes.count > 1 << 20 ? 2 : 1
        if parts == 1 { return try compress(bytes, level: level) }
        let half = bytes.count / 2
        let ranges = [0..<half, half..<bytes.count]
        let joined = try Parallel.map(count: parts) { index in
            try bytes[ranges[index]].withUnsafeBytes { try compress($0, level: level) }
        }.joined()
        return Array(joined)
    }
}
