/// Character classes over folded scalar values. Every table in the number parser is keyed by
/// folded scalars, so traditional and full-width input needs no second spelling anywhere.
enum NumberChars {
  /// Traditional forms of the numeral, unit and qualifier characters this parser reads.
  static let simplified: [UInt32: UInt32] = {
    let pairs: [(Character, Character)] = [
      ("萬", "万"), ("億", "亿"), ("兩", "两"), ("倆", "俩"), ("貳", "贰"), ("參", "叁"),
      ("叄", "叁"), ("陸", "陆"), ("點", "点"), ("負", "负"), ("個", "个"), ("對", "对"),
      ("雙", "双"), ("幾", "几"), ("餘", "余"), ("圓", "圆"), ("塊", "块"), ("錢", "钱"),
      ("歲", "岁"), ("噸", "吨"), ("畝", "亩"), ("項", "项"), ("臺", "台"), ("輛", "辆"),
      ("張", "张"), ("戶", "户"), ("間", "间"), ("約", "约"), ("來", "来"), ("內", "内"),
      ("過", "过"), ("達", "达"), ("數", "数"), ("於", "于"), ("關", "关"), ("級", "级"),
      ("規", "规"), ("幣", "币"), ("鎊", "镑"), ("韓", "韩"), ("歐", "欧"), ("場", "场"),
      ("條", "条"), ("種", "种"), ("類", "类"), ("處", "处"), ("隻", "只"), ("頭", "头"),
      ("頃", "顷"), ("釐", "厘"), ("時", "时"), ("鐘", "钟"), ("週", "周"), ("層", "层"),
      ("棟", "栋"), ("筆", "笔"), ("樁", "桩"), ("億", "亿"), ("屆", "届"), ("號", "号"),
      ("萬", "万"), ("標", "标"), ("準", "准"), ("箱", "箱"), ("際", "际"), ("麼", "么"),
      ("車", "车"), ("務", "务"), ("業", "业"), ("戰", "战"), ("國", "国"), ("積", "积"),
      ("與", "与"), ("開", "开"), ("頭", "头"), ("裡", "里"), ("幢", "幢"), ("擔", "担"),
      ("營", "营"), ("鄉", "乡"), ("縣", "县"), ("區", "区"), ("廠", "厂"), ("價", "价"),
    ]
    var map: [UInt32: UInt32] = [:]
    for (t, s) in pairs {
      let tv = t.unicodeScalars.first!.value
      let sv = s.unicodeScalars.first!.value
      if tv != sv { map[tv] = sv }
    }
    return map
  }()

  /// `simplified` as a flat table over the CJK block, so folding needs no hashing.
  private static let cjkFold: [UInt32] = {
    var table = [UInt32](repeating: 0, count: 0xA000 - 0x3400)
    for (t, s) in simplified where t >= 0x3400 && t < 0xA000 { table[Int(t - 0x3400)] = s }
    return table
  }()

  /// Full-width ASCII to ASCII, typographic minus signs to `-`, odd spaces to a space, and
  /// traditional numeral characters to simplified. In running text the ideographic comma stays
  /// itself: there it separates clauses far more often than it groups digits.
  static func fold(_ c: UInt32, mode: NumberScanMode) -> UInt32 {
    switch c {
    case 0xFF0C: return mode == .span ? 0x2C : c
    case 0xFF01...0xFF5E: return c - 0xFEE0
    case 0x3000, 0xA0, 0x09, 0x2002...0x200A, 0x202F: return 0x20
    case 0x2212, 0xFE63: return 0x2D
    case 0x301C: return 0x7E
    default:
      if c < 0x3400 { return c }
      if c < 0xA000 {
        let s = cjkFold[Int(c - 0x3400)]
        return s == 0 ? c : s
      }
      return simplified[c] ?? c
    }
  }

  static func isASCIIDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
  static func isLatinLetter(_ c: UInt32) -> Bool {
    (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
  }
  static func isASCIIAlnum(_ c: UInt32) -> Bool { isASCIIDigit(c) || isLatinLetter(c) }

  /// End of text, whitespace or punctuation: what may follow a number standing on its own.
  static func isBoundary(_ c: UInt32) -> Bool {
    switch c {
    case 0, 0x09, 0x0A, 0x0D, 0x20: return true
    case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
    case 0x2000...0x206F, 0xFE30...0xFE4F: return true
    case 0x3000...0x303F: return c != 0x3007
    case 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
    default: return false
    }
  }

  static let openingQuotes = NumberScalarSet("“‘\"'「『《〈【(".unicodeScalars.map(\.value))
  static let closingQuotes = NumberScalarSet("”’\"'」』》〉】)".unicodeScalars.map(\.value))

  static func value(of c: Character) -> UInt32 { c.unicodeScalars.first!.value }
}
