/// RFC 4180 at the byte level: fields with a comma, quote, CR or LF are quoted, quotes doubled,
/// records end in CRLF. Hand-written because the packages measured here were slow or wrong.
public enum CSVWriter {
  public static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

  public static func append(row: [String], to out: inout [UInt8]) {
    for (i, field) in row.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      var field = field
      // The field's own UTF-8 storage, copied whole when it needs no quotes (nearly always).
      field.withUTF8 { bytes in
        var plain = true
        for b in bytes where b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A {
          plain = false
          break
        }
        guard !plain else {
          out.append(contentsOf: bytes)
          return
        }
        out.append(0x22)
        for b in bytes {
          if b == 0x22 { out.append(0x22) }
          out.append(b)
        }
        out.append(0x22)
      }
    }
    out.append(0x0D)
    out.append(0x0A)
  }
}

/// One JSON object per line, with the record type first; numeric columns stay numbers.
public enum JSONLWriter {
  public static func append(row: [String], table: Table, to out: inout [UInt8]) {
    var line = "{\"type\":\"\(table.recordType)\""
    for (column, value) in zip(table.columns, row) {
      line += ",\"\(column)\":"
      if Table.numeric.contains(column), !value.isEmpty, Double(value) != nil {
        line += value
      } else {
        line += quote(value)
      }
    }
    line += "}\n"
    out.append(contentsOf: line.utf8)
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          out += String(format: "\\u%04x", u.value)
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
