/// RFC 4180 records of a CSV file the pipeline wrote (quoted fields, doubled quotes, CRLF or LF line ends).
enum CSVRecords {
    static func parse(_ bytes: [UInt8]) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field: [UInt8] = []
        var quoted = false, started = false
        var i = 0
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 { field.append(0x22); i += 1 } else { quoted = false }
                } else {
                    field.append(b)
                }
            } else if b == 0x22, field.isEmpty {
                quoted = true; started = true
            } else if b == 0x2C {
                endField(); started = true
            } else if b == 0x0D || b == 0x0A {
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                if started || !field.isEmpty || !record.isEmpty {
                    endField()
                    records.append(record)
                }
                record = []; started = false
            } else {
                field.append(b); started = true
            }
            i += 1
        }
        if started || !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}
